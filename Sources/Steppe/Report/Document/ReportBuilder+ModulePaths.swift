/// The sections of the modules' summaries of their per-path runs (`modulePaths` names the result's members,
/// each with its `ModulePathPresentation`), e.g. the hydrogen yield under drawn weather: rendered as the
/// module wrote them, so the report knows no module.
extension ReportBuilder {
    func modulePathSections(_ r: JSONValue) -> [ReportSection] {
        let keys = r["modulePaths"]?.array?.compactMap(\.string) ?? []
        return keys.compactMap { key in
            r[key]?["presentation"].flatMap(ModulePathPresentation.init(json:)).map(section)
        }
    }

    private func section(_ p: ModulePathPresentation) -> ReportSection {
        func chart(_ c: ModulePathPresentation.Chart, _ kind: ReportChart.Kind) -> ReportBlock {
            .chart(ReportChart(id: c.id, title: c.title, xLabel: c.xLabel, yLabel: c.yLabel, caption: c.caption, kind: kind))
        }
        let blocks: [ReportBlock] = p.blocks.map { block in
            switch block {
            case .paragraph(let text):
                return .paragraph(text)
            case .lines(let c, let x, let series, let bands):
                return chart(c, .lines(x: x, series: series.map { .init($0.label, $0.values) },
                                       bands: bands.map { .init($0.label, lower: $0.lower, upper: $0.upper) }, references: [], step: false))
            case .histogram(let c, let edges, let counts):
                return chart(c, .histogram(edges: edges, counts: counts, markers: []))
            case .table(let t):
                return .table(ReportTable(id: t.id, caption: t.caption, columns: t.columns,
                                          rows: t.rows.map { $0.map { ReportCell($0.text, value: $0.value) } }))
            }
        }
        return ReportSection(id: p.id, title: p.title, blocks: blocks)
    }
}
