import Foundation
import Testing
@testable import Steppe

/// The method's tables of the worked example (`Scenarios/ejin-horo-hydrogen-feasibility.yaml`: VAT,
/// incentives, a tax holiday, working capital with its loan, a stack replacement in 2037).
@Suite("The feasibility-study method's tables")
struct FeasibilityTablesTests {
    static let evaluation = try! FeasibilityExampleTests.evaluation("ejin-horo-hydrogen-feasibility")
    static let tables = FeasibilityTable.tables(evaluation)

    static func row(_ table: String, _ code: String) throws -> [Double] {
        let t = try #require(tables.first { $0.id == table }, "\(table)")
        return try #require(t.rows.first { $0.code == code }, "\(table) \(code)").values.map { $0 ?? .nan }
    }

    /// Each year's `a - b` equals `c`, in million yuan to 1e-9.
    static func expectDifference(_ table: String, _ a: String, _ b: String, equals c: String) throws {
        let (x, y, z) = (try row(table, a), try row(table, b), try row(table, c))
        for t in x.indices { #expect(relativeError((x[t] - y[t]) / 1e6, z[t] / 1e6) <= 1e-9, "\(table) year \(t)") }
    }

    /// Each year's line `total` equals the sum of its sub-lines `parts`.
    static func expectSum(_ table: String, _ total: String, of parts: [String]) throws {
        let sum = try parts.map { try row(table, $0) }.reduce(Array(repeating: 0.0, count: evaluation.years.count)) { zip($0, $1).map(+) }
        let expected = try row(table, total)
        for t in sum.indices { #expect(relativeError(sum[t] / 1e6, expected[t] / 1e6) <= 1e-9, "\(table) \(total) year \(t)") }
    }

    @Test("Project investment cash flow: inflow less outflow is the engine's project cash flow before tax, less the adjusted tax after it")
    func projectCashFlowAddsUp() throws {
        try Self.expectSum("cn-project-cash-flow", "1", of: ["1.1", "1.2", "1.3", "1.4"])
        try Self.expectSum("cn-project-cash-flow", "2", of: ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"])
        try Self.expectDifference("cn-project-cash-flow", "1", "2", equals: "3")
        try Self.expectDifference("cn-project-cash-flow", "3", "5", equals: "6")
        #expect(try Self.row("cn-project-cash-flow", "6") == Self.evaluation.years.map(\.projectCashFlow))
    }

    @Test("Capital cash flow: inflow less outflow is the engine's equity cash flow")
    func capitalCashFlowAddsUp() throws {
        try Self.expectSum("cn-capital-cash-flow", "2", of: ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"])
        try Self.expectDifference("cn-capital-cash-flow", "1", "2", equals: "3")
        #expect(try Self.row("cn-capital-cash-flow", "3") == Self.evaluation.years.map(\.equityCashFlow))
    }

    @Test("Profit statement: revenue less surtax and total cost plus taxable subsidies is the profit before tax")
    func profitStatementAddsUp() throws {
        let revenue = try Self.row("cn-profit", "1"), surtax = try Self.row("cn-profit", "2"), cost = try Self.row("cn-profit", "3")
        let subsidies = try Self.row("cn-profit", "4"), profit = try Self.row("cn-profit", "5")
        for t in revenue.indices {
            #expect(relativeError((revenue[t] - surtax[t] - cost[t] + subsidies[t]) / 1e6, profit[t] / 1e6) <= 1e-9)
        }
        try Self.expectDifference("cn-profit", "5", "7", equals: "8")
        try Self.expectDifference("cn-profit", "10", "11", equals: "12")
    }

    @Test("Financial plan: operating, investing and financing add up to the net cash flow")
    func financialPlanAddsUp() throws {
        try Self.expectSum("cn-financial-plan", "4", of: ["1", "2", "3"])
    }

    @Test("Debt schedule: opening plus draws and capitalised interest less principal is the closing balance; the balances add up to the debt balance")
    func debtScheduleChains() throws {
        let opening = try Self.row("cn-debt-service", "1.1"), drawn = try Self.row("cn-debt-service", "1.2")
        let interest = try Self.row("cn-debt-service", "1.3"), principal = try Self.row("cn-debt-service", "1.4")
        let closing = try Self.row("cn-debt-service", "1.5"), op = Self.evaluation.model.operationStart
        for t in opening.indices {
            let expected = opening[t] + drawn[t] + (t < op ? interest[t] : 0) - principal[t]
            #expect(relativeError(expected / 1e6, closing[t] / 1e6) <= 1e-9, "year \(t)")
        }
        #expect(closing.last == 0)
        try Self.expectSum("cn-debt-service", "3.1", of: ["1.5", "2.5"])
        // The working-capital loan is drawn and repaid in full.
        #expect(relativeError(try Self.row("cn-debt-service", "2.2").reduce(0, +) / 1e6, try Self.row("cn-debt-service", "2.4").reduce(0, +) / 1e6) <= 1e-9)
    }

    @Test("Total cost: operating cost, depreciation and interest, split into variable and fixed")
    func totalCostAddsUp() throws {
        let lines = try #require(Self.tables.first { $0.id == "cn-total-cost" }).rows.map(\.code).filter { $0.hasPrefix("1.") }
        #expect(lines.count == Self.evaluation.opexByLine.count)
        try Self.expectSum("cn-total-cost", "1", of: lines)
        try Self.expectSum("cn-total-cost", "4", of: ["1", "2", "3"])
        try Self.expectSum("cn-total-cost", "4", of: ["4.1", "4.2"])
    }

    @Test("Working capital: the requirement is the increases so far, all recovered in the last year")
    func workingCapitalIsRecovered() throws {
        let required = try Self.row("cn-working-capital", "3"), recovered = try Self.row("cn-working-capital", "5")
        #expect(recovered.last == required.last && recovered.dropLast().allSatisfy { $0 == 0 })
        try Self.expectSum("cn-working-capital", "4", of: ["4.1", "4.2"])
    }

    @Test("Working capital by days of turnover: each item is the operating cost over its turnovers, and current assets less current liabilities is the requirement")
    func workingCapitalByDaysOfTurnover() throws {
        let e = try evaluate(LaneWorkingCapitalTests.yaml(conventions: LaneWorkingCapitalTests.daysOfTurnover))
        let table = try #require(FeasibilityTable.tables(e).first { $0.id == "cn-working-capital" })
        func row(_ code: String) throws -> [Double] { try #require(table.rows.first { $0.code == code }).values.map { $0 ?? .nan } }
        // 2027 (opex 20,000): receivables 36 days = 10 turns, 2,000; payables 54 days, 3,000.
        let receivables = try row("1.1"), payables = try row("2.1")
        #expect(abs(receivables[1] - 2_000) <= 1e-9 && abs(payables[1] - 3_000) <= 1e-9)
        #expect(table.rows.first { $0.code == "1.1" }?.name == "应收账款 (36 days, 10.00 turns)")
        let assets = try row("1"), liabilities = try row("2"), required = try row("3")
        for t in assets.indices { #expect(abs(assets[t] - liabilities[t] - required[t]) <= 1e-6, "year \(t)") }
    }

    @Test("Depreciation: the asset classes' charges and the capitalised interest's add up to the year's depreciation")
    func depreciationByClassAddsUp() throws {
        let classes = Self.evaluation.depreciationByClass
        #expect(classes.count == Self.evaluation.model.assetClasses.count && classes.count > 1)
        try Self.expectSum("cn-depreciation", "2", of: (1...(classes.count + 1)).map { "2.\($0)" })
        #expect(try Self.row("cn-depreciation", "2.1") == classes[0].amounts)
    }

    @Test("A flow's total is its sum over the years; balances and ratios have none")
    func totalsOnlyForFlows() throws {
        let t = try #require(Self.tables.first { $0.id == "cn-project-cash-flow" })
        let revenue = try #require(t.rows.first { $0.code == "1.1" })
        #expect(revenue.total == Self.evaluation.years.map(\.revenue).reduce(0, +))
        #expect(t.rows.first { $0.code == "7" }?.total == nil)
        #expect(Self.tables.first { $0.id == "cn-balance-sheet" }?.rows.last?.total == nil)
    }

    @Test("The evaluation JSON has the tables under the feasibility conventions only")
    func jsonHasTablesOnlyUnderFeasibilityConventions() throws {
        let json = Self.evaluation.json
        let ids = (json["feasibilityTables"]?.array ?? []).compactMap { $0["id"]?.string }
        #expect(ids == ["cn-project-cash-flow", "cn-capital-cash-flow", "cn-profit", "cn-financial-plan", "cn-debt-service",
                        "cn-total-cost", "cn-working-capital", "cn-depreciation", "cn-balance-sheet"])
        let steppe = try evaluate(DebtTests.yaml(loan: FeasibilityStatementsTests.loan))
        #expect(steppe.json["feasibilityTables"] == nil)
    }
}
