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
        let pool = w["poolYears"]?.number.map(ReportFormat.plain) ?? "?"
        var blocks: [ReportBlock] = [.paragraph(
            "Each path draws the weather of each operating year from \(pool) years of the synthetic resource model and runs the hourly "
            + "dispatch with it. Percentiles over the first \(paths) paths (exact); P10 is the 10th percentile, the yield lenders call P90.")]
        let h10 = yearly("hydrogenProduced", 10, 1e-3), h50 = yearly("hydrogenProduced", 50, 1e-3), h90 = yearly("hydrogenProduced", 90, 1e-3)
        if h10.allSatisfy({ $0 != nil }), h90.allSatisfy({ $0 != nil }) {
            blocks.append(.chart(ReportChart(id: "fan-hydrogen-output", title: "Fan chart of yearly hydrogen output",
                                             xLabel: "year", yLabel: "hydrogen produced (t)",
                                             caption: "Per-year percentiles of the hydrogen produced over the first \(paths) paths: shaded P10–P90, line P50.",
                                             kind: .lines(x: years, series: [.init("P50", h50)],
                                                          bands: [.init("P10–P90", lower: h10.compactMap { $0 }, upper: h90.compactMap { $0 })],
                                                          references: [], step: false))))
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
                + [h10[k], h50[k], h90[k]].map { cell($0, 0) }
                + [cell(e50[k], 1), cell(c50[k], 1), cell(c90[k], 1), cell(s50[k], 1), cell(s90[k], 1), cell(binding[k].map { $0 * 100 }, 1)]
        }
        blocks.append(.table(ReportTable(id: "hydrogen-weather", caption: "Hydrogen, export and curtailment under drawn weather, per year",
                                         columns: ["year", "hydrogen P10 (t)", "hydrogen P50 (t)", "hydrogen P90 (t)", "export P50 (GWh)",
                                                   "curtailed P50 (GWh)", "curtailed P90 (GWh)", "export share P50 (%)",
                                                   "export share P90 (%)", "cap binds (% of paths)"],
                                         rows: rows)))
        return ReportSection(id: "hydrogen-weather", title: "Hydrogen yield under drawn weather", blocks: blocks)
    }
}
