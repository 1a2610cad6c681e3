/// Sections for domain modules' yearly physical results (`modules` of the evaluation JSON):
/// the hydrogen plant's energy balance with the 20% grid-export limit, and any other
/// module's series (e.g. a dairy herd) as line charts.
extension ReportBuilder {
    /// The 20% cap on grid sales of wind/solar-hydrogen projects (seed 002, L4172–4173).
    static let exportLimit = 0.20

    func modules(_ modules: [(String, JSONValue)], years: JSONValue?) -> [ReportSection] {
        let calendar = (years?.array ?? []).compactMap { $0["year"]?.number }
        return modules.map { name, series in
            name == "hydrogen" ? hydrogen(series, years: calendar) : generic(name, series, years: calendar)
        }
    }

    func hydrogen(_ h: JSONValue, years: [Double]) -> ReportSection {
        func series(_ key: String) -> [Double] { (h[key]?.numbers ?? []).map { $0 ?? 0 } }
        let generation = series("generationMWh")
        let operating = generation.indices.filter { generation[$0] > 0 && $0 < years.count }
        guard !operating.isEmpty else { return ReportSection(id: "hydrogen", title: "Hydrogen energy balance", blocks: []) }
        let labels = operating.map { String(Int(years[$0])) }
        func gwh(_ key: String) -> [Double?] { let s = series(key); return operating.map { $0 < s.count ? s[$0] / 1000 : nil } }
        let share = series("exportShare")
        let compliant = series("exportCompliant")
        var blocks: [ReportBlock] = [
            .chart(ReportChart(id: "hydrogen-energy-balance", title: "Energy balance of the wind/solar plant by year",
                xLabel: "year", yLabel: "energy (GWh)",
                caption: "Where the plant's generation goes each year: to the electrolysers (self-consumption), to the grid (export, capped at 20% of generation) and curtailed. Yearly totals of the hourly dispatch; the module reports no monthly series.",
                kind: .stackedBars(categories: labels, series: [
                    .init("self-consumption", gwh("selfConsumptionMWh")), .init("grid export", gwh("exportMWh")),
                    .init("curtailment", gwh("curtailmentMWh")),
                ], references: []))),
            .chart(ReportChart(id: "hydrogen-export-share", title: "Grid-export share against the 20% limit",
                xLabel: "year", yLabel: "export share of generation (%)",
                caption: "Grid sales as a share of annual generation; the red line is the 20% limit for wind/solar-hydrogen projects (seed 002, L4172–4173).",
                kind: .lines(x: operating.map { years[$0] }, series: [.init("export share", operating.map { $0 < share.count ? share[$0] * 100 : nil })],
                             bands: [], references: [.init("20% limit", Self.exportLimit * 100)], step: false))),
        ]
        let rows: [[ReportCell]] = operating.map { t in
            func cell(_ key: String, _ scale: Double, _ decimals: Int) -> ReportCell {
                let s = series(key)
                guard t < s.count else { return "–" }
                return ReportCell(ReportFormat.grouped(s[t] * scale, decimals: decimals), value: s[t] * scale)
            }
            return [ReportCell(String(Int(years[t]))), cell("generationMWh", 1e-3, 1), cell("selfConsumptionMWh", 1e-3, 1), cell("exportMWh", 1e-3, 1),
                    cell("curtailmentMWh", 1e-3, 1), cell("exportShare", 100, 2), ReportCell(t < compliant.count ? (compliant[t] == 1 ? "yes" : "NO") : "–"),
                    cell("hydrogenProducedKg", 1e-3, 1), cell("hydrogenDeliveredKg", 1e-3, 1)]
        }
        blocks.append(.table(ReportTable(id: "hydrogen", caption: "Hydrogen plant by year",
            columns: ["year", "generation (GWh)", "self-consumption (GWh)", "export (GWh)", "curtailment (GWh)", "export share (%)",
                      "within 20% limit", "H2 produced (t)", "H2 delivered (t)"], rows: rows)))
        return ReportSection(id: "hydrogen", title: "Hydrogen energy balance", blocks: blocks)
    }

    func generic(_ name: String, _ module: JSONValue, years: [Double]) -> ReportSection {
        let all = (module.members ?? []).compactMap { key, value -> (String, [Double?])? in value.numbers.map { (key, $0) } }
        var blocks: [ReportBlock] = []
        for (key, values) in all.prefix(6) where values.count == years.count {
            blocks.append(.chart(ReportChart(id: "\(name)-\(key)", title: "\(name): \(key) by year", xLabel: "year", yLabel: key,
                                             caption: "Yearly \(key) of the \(name) module (unit as in the series name).",
                                             kind: .lines(x: years, series: [.init(key, values)], bands: [], references: [], step: false))))
        }
        let rows: [[ReportCell]] = years.indices.map { t in
            [ReportCell(String(Int(years[t])))] + all.map { _, v in
                t < v.count ? (v[t].map { ReportCell(ReportFormat.grouped($0), value: $0) } ?? "–") : "–"
            }
        }
        if !all.isEmpty {
            blocks.append(.table(ReportTable(id: "module-\(name)", caption: "\(name) module by year", columns: ["year"] + all.map(\.0), rows: rows)))
        }
        return ReportSection(id: "module-\(name)", title: name == "dairy" ? "Dairy herd" : "Module: \(name)", blocks: blocks)
    }
}
