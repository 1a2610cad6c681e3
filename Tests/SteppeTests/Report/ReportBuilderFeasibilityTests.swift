import Foundation
import Testing
@testable import Steppe

/// The report of the worked feasibility example (`Scenarios/ejin-horo-hydrogen-feasibility.yaml`),
/// from `steppe evaluate --format json` as `steppe report` reads it.
enum FeasibilityReportFixture {
    static let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-feasibility.yaml").path
    static let json: JSONValue = ReportFixtures.json(["evaluate", path, "--format", "json"])
    static let document = try! ReportDocument(json: json)
}

@Suite("Report sections of the feasibility-study method")
struct ReportBuilderFeasibilityTests {
    @Test("An evaluation under cn-feasibility shows the indicators and the method's tables; one under Steppe's conventions neither")
    func sectionsOnlyUnderFeasibilityConventions() throws {
        let ids = FeasibilityReportFixture.document.sections.map(\.id)
        #expect(ids.contains("feasibility-indicators") && ids.contains("feasibility-tables"))
        let tableIDs = FeasibilityReportFixture.document.tables.map(\.id).filter { $0.hasPrefix("cn-") }
        #expect(tableIDs.count == 9)
        let steppe = try ReportDocument(json: ReportFixtures.evaluation)
        #expect(!steppe.sections.contains { $0.id.hasPrefix("feasibility") })
    }

    @Test("The indicators section states the conventions it was computed under and shows every indicator")
    func indicatorsStateTheirConventions() throws {
        let section = try #require(FeasibilityReportFixture.document.sections.first { $0.id == "feasibility-indicators" })
        guard case .paragraph(let text) = section.blocks[0] else { Issue.record("no paragraph first"); return }
        #expect(text.contains("valuationDate: 2026-01-01") && text.contains("cn-feasibility preset"))
        let table = try #require(FeasibilityReportFixture.document.tables.first { $0.id == "feasibility-indicators" })
        let names = FeasibilityReportFixture.json["feasibilityIndicators"]?.members?.filter { $0.1.number != nil } ?? []
        #expect(table.rows.count == names.count && table.rows.contains { $0[0].text == "资产负债率 (最高) asset-liability ratio, highest" })
        #expect(table.rows.allSatisfy { $0[1].value != nil })
    }

    @Test("The method's tables have years as columns after the line and its total, with Chinese and English headings")
    func tablesHaveYearsAsColumns() throws {
        let table = try #require(FeasibilityReportFixture.document.tables.first { $0.id == "cn-project-cash-flow" })
        #expect(table.columns.prefix(3) == ["项目 item", "合计 total", "2026"] && table.columns.last == "2047")
        #expect(table.caption.hasPrefix("项目投资现金流量表 Project investment cash flow"))
        #expect(table.rows.first?.first?.text == "1 现金流入 cash inflow")
        let html = FeasibilityReportFixture.document.html
        #expect(html.contains("利润与利润分配表") && html.contains("提取法定盈余公积金"))
        // The HTML keeps the line names in view when the years scroll sideways.
        #expect(html.contains(#"<table class="numeric row-headed" id="table-cn-profit">"#))
    }

    @Test("In the workbook the method's tables freeze their headings and line names")
    func workbookFreezesLineNames() throws {
        let workbook = FeasibilityReportFixture.document.workbook
        let k = try #require(workbook.sheets.firstIndex { $0.name == "cn-profit" })
        let part = try #require(workbook.parts.first { $0.path == "xl/worksheets/sheet\(k + 1).xml" }?.contents)
        let pane = try #require(try WorkbookXMLReader.read(part).attributes.first { $0.element == "pane" }?.attributes)
        #expect(pane["xSplit"] == "1" && pane["ySplit"] == "2" && pane["topLeftCell"] == "B3" && pane["state"] == "frozen")
    }
}

/// Issue 23: every indicator recomputed from the workbook's own table cells equals the JSON's.
@Suite("Indicators recomputed from the workbook's tables")
struct FeasibilityWorkbookIndicatorsTests {
    static let workbook = FeasibilityReportFixture.document.workbook
    static let indicators = FeasibilityReportFixture.json["feasibilityIndicators"]!
    static let scenario = FeasibilityReportFixture.json["scenario"]!
    /// Money cells are in million yuan; ratio rows are ratios.
    static let million = 1e6
    static let rate = 0.06

    /// The yearly values of line `code` of sheet `sheet`, read from the number cells after the total.
    static func line(_ sheet: String, _ code: String, scale: Double = million) throws -> [Double] {
        let s = try #require(workbook.sheets.first { $0.name == sheet }, "\(sheet)")
        let row = try #require(s.rows.first { if case .text(let t) = $0.first { t.hasPrefix(code + " ") } else { false } }, "\(sheet) \(code)")
        return row.dropFirst(2).map { cell in
            if case .number(let x, _) = cell { return x * scale }
            return .nan
        }
    }
    static var years: [Int] {
        let s = workbook.sheets.first { $0.name == "cn-profit" }!
        return s.rows[1].dropFirst(2).compactMap { if case .text(let t) = $0 { Int(t) } else { nil } }
    }
    static var operating: [Int] {
        let first = Int(scenario["operationStartYear"]!.number!)
        return years.indices.filter { years[$0] >= first }
    }
    static func average(_ values: [Double]) -> Double { operating.reduce(0) { $0 + values[$1] } / Double(operating.count) }
    /// NPV valued at the start of construction: year index t discounted (1 + r)^-(t+1).
    static func presentValue(_ flows: [Double]) -> Double {
        flows.enumerated().reduce(0) { $0 + $1.element / pow(1 + rate, Double($1.offset + 1)) }
    }
    /// The method's payback from the start of construction: T - 1 + |cumulative of T-1| / flow of T, T the
    /// year from which the cumulative stays non-negative.
    static func payback(_ flows: [Double]) -> Double? {
        var cumulative = [Double](), sum = 0.0
        for f in flows { sum += f; cumulative.append(sum) }
        guard let last = cumulative.last, last >= 0 else { return nil }
        var t = cumulative.count - 1
        while t > 0 && cumulative[t - 1] >= 0 { t -= 1 }
        return t == 0 ? 0 : Double(t) + abs(cumulative[t - 1]) / flows[t]
    }
    static func expect(_ name: String, _ recomputed: Double?, _ tolerance: Double = 1e-9) throws {
        let reported = try #require(indicators[name]?.number, "\(name) undefined in the JSON")
        let value = try #require(recomputed, "\(name) not recomputed")
        #expect(relativeError(value, reported) <= tolerance, "\(name): workbook \(value), JSON \(reported)")
    }

    @Test("FIRR and FNPV before and after income tax, from the project investment cash flow sheet")
    func projectReturns() throws {
        let before = try Self.line("cn-project-cash-flow", "3"), after = try Self.line("cn-project-cash-flow", "6")
        try Self.expect("projectIRRBeforeTax", internalRateOfReturn(before).metric.number)
        try Self.expect("projectIRRAfterTax", internalRateOfReturn(after).metric.number)
        try Self.expect("projectNPVBeforeTax", Self.presentValue(before))
        try Self.expect("projectNPVAfterTax", Self.presentValue(after))
    }

    @Test("Capital FIRR from the capital cash flow sheet")
    func capitalReturn() throws {
        try Self.expect("capitalIRR", internalRateOfReturn(try Self.line("cn-capital-cash-flow", "3")).metric.number)
    }

    @Test("Static and dynamic payback from the project investment cash flow sheet")
    func paybacks() throws {
        let after = try Self.line("cn-project-cash-flow", "6")
        try Self.expect("staticPaybackYears", Self.payback(after))
        try Self.expect("dynamicPaybackYears", Self.payback(after.enumerated().map { $1 / pow(1 + Self.rate, Double($0 + 1)) }))
    }

    @Test("Return on total investment and on capital from the profit, depreciation, capital and working-capital sheets")
    func returns() throws {
        let op = try #require(Self.operating.first)
        let ebit = try Self.line("cn-profit", "15"), netProfit = try Self.line("cn-profit", "8")
        // Total investment: fixed assets at cost with capitalised interest at the end of construction, plus the largest working capital.
        let originalValue = try Self.line("cn-depreciation", "1")[op - 1]
        let workingCapital = try Self.line("cn-working-capital", "3").max() ?? 0
        try Self.expect("returnOnTotalInvestment", Self.average(ebit) / (originalValue + workingCapital))
        let capital = try Self.line("cn-capital-cash-flow", "2.1")[..<op].reduce(0, +)
        let ownWorkingCapital = try Self.line("cn-working-capital", "4.1").reduce(0, +)
        try Self.expect("returnOnCapital", Self.average(netProfit) / (capital + ownWorkingCapital))
    }

    @Test("ICR and DSCR by the method's definitions from the profit and capital cash flow sheets")
    func coverage() throws {
        let ebit = try Self.line("cn-profit", "15"), ebitda = try Self.line("cn-profit", "16"), tax = try Self.line("cn-profit", "7")
        let interest = try Self.line("cn-capital-cash-flow", "2.3"), principal = try Self.line("cn-capital-cash-flow", "2.2")
        let icr = interest.indices.filter { interest[$0] > 1e-9 }.map { ebit[$0] / interest[$0] }.min()
        let dscr = Self.operating.filter { interest[$0] + principal[$0] > 1e-9 }.map { (ebitda[$0] - tax[$0]) / (interest[$0] + principal[$0]) }.min()
        try Self.expect("minInterestCoverage", icr)
        try Self.expect("minDebtServiceCoverage", dscr)
    }

    @Test("Break-even share of capacity from the total cost and profit sheets")
    func breakEven() throws {
        let fixed = try Self.line("cn-total-cost", "4.2"), variable = try Self.line("cn-total-cost", "4.1")
        let revenue = try Self.line("cn-profit", "1"), surtax = try Self.line("cn-profit", "2")
        try Self.expect("breakEvenCapacityShare", Self.average(fixed) / (Self.average(revenue) - Self.average(variable) - Self.average(surtax)))
    }

    @Test("The highest asset-liability ratio from the balance sheet's assets and liabilities")
    func assetLiabilityRatio() throws {
        let assets = try Self.line("cn-balance-sheet", "1"), liabilities = try Self.line("cn-balance-sheet", "2.1")
        try Self.expect("maxAssetLiabilityRatio", assets.indices.filter { assets[$0] > 1e-9 }.map { liabilities[$0] / assets[$0] }.max())
    }
}
