/// Sections from a scenario diff (`steppe diff A B --format json`): the changed inputs, the move of
/// each headline metric and its attribution to the changes.
extension ReportBuilder {
    func diffSections(_ d: JSONValue) -> [ReportSection] {
        let changes = d["changes"]?.array ?? []
        let moves = d["moves"]?.array ?? []
        func move(_ name: String) -> JSONValue? { moves.first { $0["metric"]?.string == name } }
        var summary: [ReportFigure] = []
        for name in ["equityNPV", "projectNPV", "equityIRR"] {
            guard let m = move(name) else { continue }
            let before = metric(name, m["before"]?.number), after = metric(name, m["after"]?.number)
            let total = m["total"]?.number
            let shown = name.hasSuffix("IRR") ? total.map { String(format: "%+.2f pp", $0 * 100) } ?? "undefined"
                                              : total.map { ($0 >= 0 ? "+" : "") + ReportFormat.money($0, unit) } ?? "undefined"
            summary.append(ReportFigure("\(name) move", shown, note: "\(before) → \(after)"))
        }
        var blocks: [ReportBlock] = [.figures(summary)]
        if let note = d["attribution"]?.string { blocks.append(.paragraph("Attribution: \(note).")) }
        var sections = [ReportSection(id: "summary", title: "Summary", blocks: blocks)]

        let changeRows: [[ReportCell]] = changes.map { c in
            [ReportCell(c["keyPath"]?.string ?? ""), ReportCell(c["before"]?.string ?? "(absent)"),
             ReportCell(c["after"]?.string ?? "(absent)"), ReportCell(c["afterSource"]?.string ?? c["beforeSource"]?.string ?? "")]
        }
        if !changeRows.isEmpty {
            sections.append(ReportSection(id: "changes", title: "Changed inputs", blocks: [
                .table(ReportTable(id: "changes", caption: "Inputs that differ between the two scenarios, by key path, with where the new value comes from",
                                   columns: ["input", "before", "after", "source"], rows: changeRows, numeric: false)),
            ]))
        }
        var attribution: [ReportBlock] = []
        if let npv = move("equityNPV"), let parts = npv["parts"]?.array, let before = npv["before"]?.number {
            let steps = parts.compactMap { p -> (label: String, value: Double)? in
                guard let key = p["keyPath"]?.string, let x = p["value"]?.number else { return nil }
                return (key, x / unit.divisor)
            }
            attribution.append(.chart(ReportChart(id: "diff-waterfall", title: "What moved the equity NPV",
                xLabel: "change", yLabel: "equity NPV (\(unit.label))",
                caption: "From scenario A's equity NPV to B's, each step a change's Shapley value (its average effect over every order of making the changes); the steps add up to the move.",
                kind: .waterfall(start: ("A", before / unit.divisor), steps: steps, end: "B"))))
        }
        let headline = ["equityNPV", "projectNPV", "equityIRR", "projectIRR", "minDSCR", "levelizedCost"]
        let rows: [[ReportCell]] = changes.indices.map { i in
            [ReportCell(changes[i]["keyPath"]?.string ?? "")] + headline.map { name in
                guard let x = move(name)?["parts"]?.array?[safe: i]?["value"]?.number else { return "–" }
                if name.hasSuffix("NPV") { return money(x) }
                if name.hasSuffix("IRR") { return ReportCell(String(format: "%+.2f", x * 100), value: x * 100) }
                return ReportCell(ReportFormat.decimal(x), value: x)
            }
        }
        if !rows.isEmpty && moves.contains(where: { $0["parts"]?.array != nil }) {
            attribution.append(.table(ReportTable(id: "diff-attribution",
                caption: "Each change's part of each metric's move: NPVs in \(unit.label), IRRs in percentage points",
                columns: ["change"] + headline, rows: rows)))
        }
        sections.append(ReportSection(id: "attribution", title: "Attribution of the moves", blocks: attribution))
        return sections
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
