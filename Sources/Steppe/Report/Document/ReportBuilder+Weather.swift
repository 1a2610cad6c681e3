/// The section of a Monte Carlo result with weather drawn per path (`hydrogenWeather`,
/// `WeatherYieldSummary`): the fan chart of yearly hydrogen output, how often the export cap binds
/// in each year, and the yearly P10/P50/P90 table.
extension ReportBuilder {
    func weatherYields(_ r: JSONValue) -> ReportSection? {
        guard let w = r["hydrogenWeather"], let years = w["years"]?.numbers?.compactMap({ $0 }), !years.isEmpty,
              let binding = w["capBindingProbability"]?.numbers else { return nil }
        /// A quantity's yearly percentile `p`, scaled (nil where missing).
        func yearly(_ name: String, _ p: Int, _ scale: Double) -> [Double?] {
            w[name]?["p\(p)"]?.numbers?.map { $0.map { $0 * scale } } ?? years.map { _ in nil }
        }
        let paths = w["paths"]?.number.map(ReportFormat.plain) ?? "?"
        let pool = w["poolYears"]?.number.map(ReportFormat.plain)
        let plant = w["plantParameters"]?.array?.compactMap(\.string) ?? []
        var drawn = pool.map { "Each path draws the weather of each operating year from \($0) years of the synthetic resource model" }
            ?? "Every path has the base case's weather"
        drawn += plant.isEmpty ? "" : " and its own plant (\(plant.joined(separator: ", ")) drawn per path)"
        var blocks: [ReportBlock] = [.paragraph(
            drawn + " and runs the hourly dispatch with it. Percentiles over the first \(paths) paths (exact); "
            + "P10 is the 10th percentile, the yield lenders call P90.")]
        let h10 = yearly("hydrogenProduced", 10, 1e-3), h50 = yearly("hydrogenProduced", 50, 1e-3), h90 = yearly("hydrogenProduced", 90, 1e-3)
        let h99 = yearly("hydrogenProduced", 99, 1e-3)
        if h10.allSatisfy({ $0 != nil }), h90.allSatisfy({ $0 != nil }) {
            blocks.append(.chart(ReportChart(id: "fan-hydrogen-output", title: "Fan chart of yearly hydrogen output",
                                             xLabel: "year", yLabel: "hydrogen produced (t)",
                                             caption: "Per-year percentiles of the hydrogen produced over the first \(paths) paths: shaded P10–P90, lines P50 and P99.",
                                             kind: .lines(x: years, series: [.init("P50", h50), .init("P99", h99)],
                                                          bands: [.init("P10–P90", lower: h10.compactMap { $0 }, upper: h90.compactMap { $0 })],
                                                          references: [], step: false))))
        }
        if let h = w["curtailmentHistogram"], let counts = h["counts"]?.numbers?.compactMap({ $0 }), let lower = h["lower"]?.number,
           let upper = h["upper"]?.number, !counts.isEmpty {
            let edges = (0...counts.count).map { (lower + (upper - lower) * Double($0) / Double(counts.count)) * 1e-3 }
            blocks.append(.chart(ReportChart(id: "curtailment-distribution", title: "Distribution of curtailment",
                                             xLabel: "curtailed energy, mean of a path's operating years (GWh a year)", yLabel: "paths",
                                             caption: "Number of the first \(paths) paths per bin of their mean yearly curtailment (\(counts.count) equal bins from the smallest to the largest).",
                                             kind: .histogram(edges: edges, counts: counts, markers: []))))
        }
        blocks.append(.chart(ReportChart(id: "cap-binding-probability", title: "Probability that the 20% export cap binds, by year",
                                         xLabel: "year", yLabel: "share of paths (%)",
                                         caption: "Share of the first \(paths) paths on which the export cap curtails sellable surplus in the year.",
                                         kind: .lines(x: years, series: [.init("cap binds", binding.map { $0.map { $0 * 100 } })],
                                                      bands: [], references: [], step: false))))
        func cell(_ x: Double?, _ decimals: Int) -> ReportCell {
            ReportCell(x.map { ReportFormat.grouped($0, decimals: decimals) } ?? "–", value: x)
        }
        let c50 = yearly("curtailment", 50, 1e-3), c90 = yearly("curtailment", 90, 1e-3)
        let e50 = yearly("export", 50, 1e-3), s50 = yearly("exportShare", 50, 100), s90 = yearly("exportShare", 90, 100)
        let rows: [[ReportCell]] = years.indices.map { k in
            [ReportCell(ReportFormat.plain(years[k]))]
                + [h10[k], h50[k], h90[k], h99[k]].map { cell($0, 0) }
                + [cell(e50[k], 1), cell(c50[k], 1), cell(c90[k], 1), cell(s50[k], 1), cell(s90[k], 1), cell(binding[k].map { $0 * 100 }, 1)]
        }
        blocks.append(.table(ReportTable(id: "hydrogen-weather", caption: "Hydrogen, export and curtailment under drawn weather, per year",
                                         columns: ["year", "hydrogen P10 (t)", "hydrogen P50 (t)", "hydrogen P90 (t)", "hydrogen P99 (t)", "export P50 (GWh)",
                                                   "curtailed P50 (GWh)", "curtailed P90 (GWh)", "export share P50 (%)",
                                                   "export share P90 (%)", "cap binds (% of paths)"],
                                         rows: rows)))
        if let l = w["lenderYield"], let years = l["years"]?.number {
            func tonnes(_ key: String) -> ReportCell { cell(l[key]?.number.map { $0 * 1e-3 }, 0) }
            blocks.append(.table(ReportTable(id: "hydrogen-lender-yield",
                                             caption: "Lenders' hydrogen yield over the first \(ReportFormat.plain(years)) operating years (t a year; P90: exceeded with 90% probability)",
                                             columns: ["basis", "P50 (t a year)", "P90 (t a year)"],
                                             rows: [[ReportCell("one year"), tonnes("oneYearP50"), tonnes("oneYearP90")],
                                                    [ReportCell("\(ReportFormat.plain(years))-year mean"), tonnes("multiYearP50"), tonnes("multiYearP90")]])))
        }
        let lifetimeRows: [(String, String, Double, Int)] = [
            ("hydrogenProduced", "hydrogen produced (t)", 1e-3, 0), ("export", "exported (GWh)", 1e-3, 1),
            ("curtailment", "curtailed (GWh)", 1e-3, 1), ("gridImport", "imported (GWh)", 1e-3, 2),
            ("exportShare", "export share (%)", 100, 2), ("operatingHours", "electrolyser operating hours", 1, 0),
            ("stackReplacements", "stack replacements", 1, 0),
        ]
        let rowsOverLife: [[ReportCell]] = lifetimeRows.compactMap { name, label, scale, decimals in
            guard let life = w[name]?["lifetime"] else { return nil }
            return [ReportCell(label)] + [10, 50, 90, 99].map { cell(life["p\($0)"]?.number.map { $0 * scale }, decimals) }
        }
        if !rowsOverLife.isEmpty {
            blocks.append(.table(ReportTable(id: "hydrogen-weather-life", caption: "Over the life: sums over the operating years (export share: lifetime export over lifetime generation)",
                                             columns: ["quantity", "P10", "P50", "P90", "P99"], rows: rowsOverLife)))
        }
        return ReportSection(id: "hydrogen-weather", title: pool == nil ? "Hydrogen yield under the drawn plant" : "Hydrogen yield under drawn weather",
                             blocks: blocks)
    }
}
