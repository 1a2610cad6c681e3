/// Sections from an evaluation JSON's `feasibilityIndicators` and `feasibilityTables` (present under
/// conventions other than Steppe's, e.g. `conventions: cn-feasibility`): the method's indicators with the
/// conventions they were computed under, then its standard tables with years as columns, as a 可研 lays
/// them out (the rows are the method's numbered lines; a year per column keeps each table one screen
/// tall, and the workbook freezes the line names beside the years).
extension ReportBuilder {
    /// The indicators' titles (Chinese, English) and kind, in the JSON's order.
    static let feasibilityIndicatorTitles: [String: (chinese: String, english: String, kind: MetricKind)] = [
        "projectIRRBeforeTax": ("项目投资财务内部收益率 (所得税前)", "project FIRR before income tax", .rate),
        "projectIRRAfterTax": ("项目投资财务内部收益率 (所得税后)", "project FIRR after income tax", .rate),
        "projectNPVBeforeTax": ("项目投资财务净现值 (所得税前)", "project FNPV before income tax", .money),
        "projectNPVAfterTax": ("项目投资财务净现值 (所得税后)", "project FNPV after income tax", .money),
        "capitalIRR": ("资本金财务内部收益率", "capital FIRR", .rate),
        "staticPaybackYears": ("静态投资回收期", "static payback", .years),
        "dynamicPaybackYears": ("动态投资回收期", "dynamic payback", .years),
        "returnOnTotalInvestment": ("总投资收益率", "return on total investment", .rate),
        "returnOnCapital": ("资本金净利润率", "return on capital", .rate),
        "minInterestCoverage": ("利息备付率 (最低)", "interest coverage, lowest", .ratio),
        "minDebtServiceCoverage": ("偿债备付率 (最低)", "debt-service coverage, lowest", .ratio),
        "breakEvenCapacityShare": ("盈亏平衡点 (生产能力利用率)", "break-even share of capacity", .rate),
        "maxAssetLiabilityRatio": ("资产负债率 (最高)", "asset-liability ratio, highest", .rate),
    ]

    /// The indicators' and the tables' sections, when the evaluation has them.
    func feasibilitySections(_ e: JSONValue) -> [ReportSection] {
        [feasibilityIndicators(e), feasibilityTables(e)].compactMap { $0 }
    }

    /// The method's indicators, with the conventions they follow stated above them.
    func feasibilityIndicators(_ e: JSONValue) -> ReportSection? {
        guard let indicators = e["feasibilityIndicators"], let members = indicators.members else { return nil }
        let c = e["conventions"]
        var rows: [[ReportCell]] = []
        for (name, value) in members {
            guard let title = Self.feasibilityIndicatorTitles[name] else { continue }
            let x = value.number
            let cell: ReportCell
            switch title.kind {
            case .money: cell = money(x)
            case .rate: cell = x.map { ReportCell(ReportFormat.percent($0), value: $0) } ?? "–"
            default: cell = x.map { ReportCell(ReportFormat.decimal($0, decimals: title.kind == .years ? 2 : 3), value: $0) } ?? "–"
            }
            let unit = title.kind == .money ? self.unit.label : title.kind == .years ? "years" : title.kind == .rate ? "%" : "ratio"
            rows.append([ReportCell("\(title.chinese) \(title.english)"), cell, ReportCell(unit),
                         ReportCell(indicators["undefined"]?[name]?.string ?? "")])
        }
        let stated = ["conventions", "valuationDate", "discounting", "payback", "workingCapital"].compactMap { key in
            c?[key]?.string.map { "\(key): \($0)" }
        }
        return ReportSection(id: "feasibility-indicators", title: "Feasibility-study indicators (财务评价指标)", blocks: [
            .paragraph("The indicators of the national method 《建设项目经济评价方法与参数》(第三版, 2006), by its definitions (docs/conventions.md), under these conventions: " + stated.joined(separator: "; ") + "."),
            .table(ReportTable(id: "feasibility-indicators", caption: "Feasibility-study indicators of the base case",
                               columns: ["指标 indicator", "value", "unit", "undefined because"], rows: rows)),
            .paragraph("Averages are over the operating years, standing for the method's 正常年份. ICR = EBIT / interest; DSCR = (EBITDA − income tax) / (interest + principal); the asset-liability ratio is read from the simplified balance sheet (资产负债表) below."),
        ])
    }

    /// The method's tables, years as columns, each with its note.
    func feasibilityTables(_ e: JSONValue) -> ReportSection? {
        guard let tables = e["feasibilityTables"]?.array, !tables.isEmpty else { return nil }
        var blocks: [ReportBlock] = [
            .paragraph("The standard tables of the feasibility-study method, from the evaluation's yearly lines. Money in \(unit.label); outflows are positive amounts under 现金流出, and a net line is inflow less outflow; 合计 sums the flows over the years (balances and ratios have none)."),
        ]
        for t in tables {
            let years = (t["years"]?.array ?? []).compactMap { $0.number.map { String(Int($0)) } }
            let rows: [[ReportCell]] = (t["rows"]?.array ?? []).map { r in
                let label = [r["code"]?.string, r["name"]?.string, r["nameEnglish"]?.string].compactMap { $0 }.joined(separator: " ")
                let values = r["values"]?.array ?? []
                if values.isEmpty { return [ReportCell(label)] + Array(repeating: ReportCell(""), count: years.count + 1) }
                let ratio = r["ratio"]?.bool == true
                func cell(_ x: Double?) -> ReportCell {
                    guard let x else { return "–" }
                    return ratio ? ReportCell(ReportFormat.decimal(x, decimals: 3), value: x) : money(x)
                }
                return [ReportCell(label), r["total"]?.number.map { cell($0) } ?? ""] + values.map { cell($0.number) }
            }
            let title = "\(t["title"]?.string ?? "") \(t["titleEnglish"]?.string ?? "")"
            blocks.append(.table(ReportTable(id: t["id"]?.string ?? "feasibility-table", caption: "\(title) (\(unit.label); ratios as ratios)",
                                             columns: ["项目 item", "合计 total"] + years, rows: rows, frozenColumns: 1)))
            if let note = t["note"]?.string { blocks.append(.paragraph(note)) }
        }
        return ReportSection(id: "feasibility-tables", title: "Feasibility-study tables (可研财务报表)", blocks: blocks)
    }
}
