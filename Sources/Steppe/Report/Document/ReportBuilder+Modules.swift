/// Sections for domain modules' yearly physical results (`modules` of the evaluation JSON): each
/// drawn as its module describes it (`modulePresentation`: charts, table, reference lines such as
/// the export cap in force), or, for a module without one, as line charts and a table of its series.
extension ReportBuilder {
    func modules(_ modules: [(String, JSONValue)], presentations: JSONValue?, years: JSONValue?) -> [ReportSection] {
        let calendar = (years?.array ?? []).compactMap { $0["year"]?.number }
        return modules.map { name, series in
            if let described = presentations?[name], let presentation = ModulePresentation(json: described) {
                return presented(presentation, series, years: calendar)
            }
            return generic(name, series, years: calendar)
        }
    }

    func presented(_ p: ModulePresentation, _ module: JSONValue, years: [Double]) -> ReportSection {
        func series(_ key: String) -> [Double] { (module[key]?.numbers ?? []).map { $0 ?? 0 } }
        let shown: [Int]
        if let key = p.shownWhere {
            let gate = series(key)
            shown = gate.indices.filter { gate[$0] > 0 && $0 < years.count }
        } else {
            shown = Array(years.indices)
        }
        guard !shown.isEmpty else { return ReportSection(id: p.id, title: p.title, blocks: []) }
        func values(_ key: String, _ scale: Double) -> [Double?] { let s = series(key); return shown.map { $0 < s.count ? s[$0] * scale : nil } }
        var blocks: [ReportBlock] = p.charts.map { chart in
            let references = chart.references.map { ReportChart.Reference($0.label, $0.value) }
            let kind: ReportChart.Kind
            switch chart.kind {
            case .stackedBars:
                kind = .stackedBars(categories: shown.map { String(Int(years[$0])) },
                                    series: chart.series.map { .init($0.label, values($0.name, chart.scale)) }, references: references)
            case .lines:
                kind = .lines(x: shown.map { years[$0] }, series: chart.series.map { .init($0.label, values($0.name, chart.scale)) },
                              bands: [], references: references, step: false)
            }
            return .chart(ReportChart(id: chart.id, title: chart.title, xLabel: "year", yLabel: chart.yLabel, caption: chart.caption, kind: kind))
        }
        let rows: [[ReportCell]] = shown.map { t in
            [ReportCell(String(Int(years[t])))] + p.columns.map { column in
                let s = series(column.series)
                guard t < s.count else { return "–" }
                if column.isFlag { return ReportCell(s[t] == 1 ? "yes" : "NO") }
                return ReportCell(ReportFormat.grouped(s[t] * column.scale, decimals: column.decimals), value: s[t] * column.scale)
            }
        }
        blocks.append(.table(ReportTable(id: p.id, caption: p.tableCaption, columns: ["year"] + p.columns.map(\.label), rows: rows)))
        return ReportSection(id: p.id, title: p.title, blocks: blocks)
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
