import Foundation
import Testing
@testable import Steppe

@Suite("Working capital by ratio")
struct LaneWorkingCapitalTests {
    /// Capex 1,000,000 in 2026 paid by equity, operation 2027-2036, 1000 units at 150 yuan, opex
    /// 20,000 a year escalating 2%, CIT 25%.
    static func yaml(conventions: String = "") -> String {
        """
        name: working capital
        startYear: 2026
        operatingYears: 10
        assetClasses:
          - {id: plant, lifeYears: 10}
        capex:
          - {year: 2026, assetClass: plant, amount: 1000000}
        products:
          - {id: widget, unit: unit, quantity: 1000, price: 150}
        operatingCosts:
          - {id: om, annualAmount: 20000, escalation: 0.02}
        discounting: {projectRate: 0.08, equityRate: 0.10}
        \(conventions)
        """
    }
    static let tenPercentOfRevenue = "conventions: {workingCapital: {share: 0.1, of: revenue, ownFundedShare: 0.3, loanRate: 0.05}}"

    @Test("The first operating year invests the requirement and the last year recovers it, in the project cash flow")
    func investedAndRecovered() throws {
        let without = try evaluate(Self.yaml())
        let with = try evaluate(Self.yaml(conventions: Self.tenPercentOfRevenue))
        // 10% of 150,000 revenue = 15,000, constant: invested in 2027, recovered in 2036.
        let change = zip(with.years, without.years).map { $0.projectCashFlow - $1.projectCashFlow }
        #expect(change[0] == 0)
        #expect(abs(change[1] + 15_000) <= 1e-9)
        #expect(change[2..<10].allSatisfy { abs($0) <= 1e-9 })
        #expect(abs(change[10] - 15_000) <= 1e-9)
        #expect(with.years.map(\.workingCapital) == [0, -15_000] + Array(repeating: 0, count: 8) + [15_000])
        #expect(without.years.allSatisfy { $0.workingCapital == nil })
    }

    @Test("70% is borrowed interest-only for the full year and repaid at the end; the equity pays 30% and the after-tax interest")
    func loanAndEquityShares() throws {
        let without = try evaluate(Self.yaml())
        let with = try evaluate(Self.yaml(conventions: Self.tenPercentOfRevenue))
        // Loan 0.7 x 15,000 = 10,500 drawn in 2027, interest 0.05 x 10,500 = 525 a year, deductible at 25%.
        #expect(abs(with.years[1].debtDrawdown - 10_500) <= 1e-9)
        #expect(with.years[1...].allSatisfy { abs($0.interest - 525) <= 1e-9 })
        #expect(abs(with.years[10].principal - 10_500) <= 1e-9)
        #expect(abs(with.years[9].debtBalance - 10_500) <= 1e-9 && abs(with.years[10].debtBalance) <= 1e-9)
        let change = zip(with.years, without.years).map { $0.equityCashFlow - $1.equityCashFlow }
        // 2027: -15,000 + 10,500 - 525 + 131.25; 2028-2035: -525 + 131.25; 2036: -393.75 - 10,500 + 15,000.
        #expect(abs(change[1] - (-4_500 - 393.75)) <= 1e-9)
        #expect(change[2..<10].allSatisfy { abs($0 + 393.75) <= 1e-9 })
        #expect(abs(change[10] - (4_500 - 393.75)) <= 1e-9)
    }

    @Test("On operating cost, each year invests the ratio times the cost's increase, and the total is recovered")
    func operatingCostBasis() throws {
        let e = try evaluate(Self.yaml(conventions: "conventions: {workingCapital: {share: 0.2, of: operatingCost, ownFundedShare: 1}}"))
        // Opex 20,000 x 1.02^k: invested 4,000 in 2027, then 0.2 x 20,000 x (1.02^k - 1.02^(k-1)).
        let flows = try e.years.map { try #require($0.workingCapital) }
        #expect(abs(flows[1] + 4_000) <= 1e-9)
        for k in 1..<9 {
            #expect(abs(flows[1 + k] + 0.2 * 20_000 * (pow(1.02, Double(k)) - pow(1.02, Double(k - 1)))) <= 1e-6)
        }
        // The last year invests its own increase, then recovers the whole requirement, 0.2 x its opex.
        let lastIncrease = 0.2 * 20_000 * (pow(1.02, 9) - pow(1.02, 8))
        #expect(abs(flows[10] - (0.2 * e.years[10].opex - lastIncrease)) <= 1e-6)
        #expect(abs(flows.reduce(0, +)) <= 1e-6)
        // All own-funded: no loan.
        #expect(e.years.allSatisfy { $0.debtDrawdown == 0 && $0.interest == 0 })
    }

    /// Receivables 36 days (10 turns), inventories 72 (5), cash 18 (20), payables 54 (6.67); all own-funded.
    static let daysOfTurnover = "conventions: {workingCapital: {daysOfTurnover: {receivables: 36, inventories: 72, cash: 18, payables: 54}, ownFundedShare: 1}}"

    @Test("By days of turnover the requirement is the operating cost over each item's turnover count, payables deducted, all recovered in the last year")
    func daysOfTurnoverHandComputation() throws {
        let e = try evaluate(Self.yaml(conventions: Self.daysOfTurnover))
        // 2027, opex 20,000: 20,000/10 + 20,000/5 + 20,000/20 - 20,000/(360/54) = 2,000 + 4,000 + 1,000 - 3,000 = 4,000.
        #expect(abs(e.years[1].workingCapitalInvested - 4_000) <= 1e-9)
        // 2036 (opex 20,000 x 1.02^9): the whole requirement recovered.
        #expect(abs(e.years[10].workingCapitalRecovered - 4_000 * pow(1.02, 9)) <= 1e-6)
        let flows = try e.years.map { try #require($0.workingCapital) }
        #expect(abs(flows.reduce(0, +)) <= 1e-6)
    }

    @Test("The year loop's NPVs with working capital equal the NPVs of its recorded flows, and differ from those without")
    func lanesIncludeWorkingCapital() throws {
        let model = try scenario(Self.yaml(conventions: Self.tenPercentOfRevenue)).withModuleContributions().compile()
        var evaluator = DeterministicEvaluator(model)
        evaluator.run()
        let e = Evaluation(model)
        #expect(relativeError(evaluator.metric(.equityNPV), try #require(e.metrics.equityNPV.number)) <= 1e-12)
        #expect(relativeError(evaluator.metric(.projectNPV), try #require(e.metrics.projectNPV.number)) <= 1e-12)
        #expect(relativeError(evaluator.metric(.equityNPV), try #require(try evaluate(Self.yaml()).metrics.equityNPV.number)) > 1e-6)
    }
}
