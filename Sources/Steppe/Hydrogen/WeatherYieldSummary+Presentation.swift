extension WeatherYieldSummary {
    /// The report's section: the fan chart of yearly hydrogen output (P10–P90 band, P50 and P99 lines), the
    /// distribution of curtailment, how often the export cap of `capShare` binds in each year, the yearly
    /// table, the lenders' yield and the quantities over the life. Hydrogen in t, energy in GWh.
    func presentation(capShare: Double) -> ModulePathPresentation {
        let paths = ReportFormat.plain(Double(self.paths))
        var drawn = poolYears.map { "Each path draws the weather of each operating year from \($0) years of the synthetic resource model" }
            ?? "Every path has the base case's weather"
        drawn += plantParameters.isEmpty ? "" : " and its own plant (\(plantParameters.joined(separator: ", ")) drawn per path)"
        var blocks: [ModulePathPresentation.Block] = [.paragraph(
            drawn + " and runs the hourly dispatch with it. Percentiles over the first \(paths) paths (exact); "
            + "P10 is the 10th percentile, the yield lenders call P90.")]
        let x = years.map(Double.init)
        func yearly(_ name: String, _ level: KeyPath<Band, Double>, _ scale: Double) -> [Double] {
            quantities.first { $0.name == name }?.yearly.map { $0[keyPath: level] * scale } ?? []
        }
        func optional(_ values: [Double]) -> [Double?] { values.map { $0 } }
        let h10 = yearly("hydrogenProduced", \.p10, 1e-3), h50 = yearly("hydrogenProduced", \.p50, 1e-3)
        let h90 = yearly("hydrogenProduced", \.p90, 1e-3), h99 = yearly("hydrogenProduced", \.p99, 1e-3)
        if !x.isEmpty {
            blocks.append(.lines(.init(id: "fan-hydrogen-output", title: "Fan chart of yearly hydrogen output", xLabel: "year",
                                       yLabel: "hydrogen produced (t)",
                                       caption: "Per-year percentiles of the hydrogen produced over the first \(paths) paths: shaded P10–P90, lines P50 and P99."),
                                 x: x, series: [.init("P50", optional(h50)), .init("P99", optional(h99))],
                                 bands: [.init("P10–P90", lower: h10, upper: h90)]))
        }
        if let h = curtailmentHistogram, !h.counts.isEmpty {
            let edges = (0...h.counts.count).map { (h.lower + (h.upper - h.lower) * Double($0) / Double(h.counts.count)) * 1e-3 }
            blocks.append(.histogram(.init(id: "curtailment-distribution", title: "Distribution of curtailment",
                                           xLabel: "curtailed energy, mean of a path's operating years (GWh a year)", yLabel: "paths",
                                           caption: "Number of the first \(paths) paths per bin of their mean yearly curtailment (\(h.counts.count) equal bins from the smallest to the largest)."),
                                     edges: edges, counts: h.counts.map(Double.init)))
        }
        let cap = ReportFormat.plain(capShare * 100) + "%"
        blocks.append(.lines(.init(id: "cap-binding-probability", title: "Probability that the \(cap) export cap binds, by year",
                                   xLabel: "year", yLabel: "share of paths (%)",
                                   caption: "Share of the first \(paths) paths on which the export cap (\(cap) of the year's generation) curtails sellable surplus in the year."),
                             x: x, series: [.init("cap binds", capBindingProbability.map { $0 * 100 })], bands: []))
        typealias Cell = ModulePathPresentation.Cell
        func cell(_ value: Double, _ decimals: Int) -> Cell { Cell(ReportFormat.grouped(value, decimals: decimals), value: value) }
        let c50 = yearly("curtailment", \.p50, 1e-3), c90 = yearly("curtailment", \.p90, 1e-3), e50 = yearly("export", \.p50, 1e-3)
        let s50 = yearly("exportShare", \.p50, 100), s90 = yearly("exportShare", \.p90, 100)
        let rows: [[Cell]] = years.indices.map { k in
            [Cell(ReportFormat.plain(Double(years[k])))]
                + [h10[k], h50[k], h90[k], h99[k]].map { cell($0, 0) }
                + [cell(e50[k], 1), cell(c50[k], 1), cell(c90[k], 1), cell(s50[k], 1), cell(s90[k], 1), cell(capBindingProbability[k] * 100, 1)]
        }
        blocks.append(.table(.init(id: "hydrogen-weather", caption: "Hydrogen, export and curtailment under drawn weather, per year",
                                   columns: ["year", "hydrogen P10 (t)", "hydrogen P50 (t)", "hydrogen P90 (t)", "hydrogen P99 (t)", "export P50 (GWh)",
                                             "curtailed P50 (GWh)", "curtailed P90 (GWh)", "export share P50 (%)",
                                             "export share P90 (%)", "cap binds (% of paths)"],
                                   rows: rows)))
        if let l = lenderYield {
            let window = ReportFormat.plain(Double(l.years))
            blocks.append(.table(.init(id: "hydrogen-lender-yield",
                                       caption: "Lenders' hydrogen yield over the first \(window) operating years (t a year; P90: exceeded with 90% probability)",
                                       columns: ["basis", "P50 (t a year)", "P90 (t a year)"],
                                       rows: [[Cell("one year"), cell(l.oneYearP50 * 1e-3, 0), cell(l.oneYearP90 * 1e-3, 0)],
                                              [Cell("\(window)-year mean"), cell(l.multiYearP50 * 1e-3, 0), cell(l.multiYearP90 * 1e-3, 0)]])))
        }
        let lifetimeRows: [(String, String, Double, Int)] = [
            ("hydrogenProduced", "hydrogen produced (t)", 1e-3, 0), ("export", "exported (GWh)", 1e-3, 1),
            ("curtailment", "curtailed (GWh)", 1e-3, 1), ("gridImport", "imported (GWh)", 1e-3, 2),
            ("exportShare", "export share (%)", 100, 2), ("operatingHours", "electrolyser operating hours", 1, 0),
            ("stackReplacements", "stack replacements", 1, 0),
        ]
        let rowsOverLife: [[Cell]] = lifetimeRows.compactMap { name, label, scale, decimals in
            guard let life = quantities.first(where: { $0.name == name })?.lifetime else { return nil }
            return [Cell(label)] + life.levels.map { cell($0.value * scale, decimals) }
        }
        blocks.append(.table(.init(id: "hydrogen-weather-life", caption: "Over the life: sums over the operating years (export share: lifetime export over lifetime generation)",
                                   columns: ["quantity", "P10", "P50", "P90", "P99"], rows: rowsOverLife)))
        return ModulePathPresentation(id: "hydrogen-weather",
                                      title: poolYears == nil ? "Hydrogen yield under the drawn plant" : "Hydrogen yield under drawn weather",
                                      blocks: blocks)
    }
}
