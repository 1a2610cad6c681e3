import Foundation
import Testing
@testable import Steppe
import SteppeFiles

/// `DebtTests`' case: capex 600,000 (2026) and 400,000 (2027), 60% borrowed at 5% over 10 years by
/// equal principal, operation 2028-2042, revenue 1000 x 150 = 150,000, opex 20,000 escalating 2%
/// (an annual amount: fixed), 15-year straight-line plant, CIT 25%, Steppe's construction interest
/// (18,000 capitalised, 618,000 owed at the start of operation).
@Suite("Feasibility-study indicators by the method's definitions")
struct FeasibilityIndicatorsTests {
    static func indicators(_ extra: String = "") throws -> FeasibilityIndicators {
        let yaml = DebtTests.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}") + "\n" + extra
        return FeasibilityIndicators(try evaluate(yaml))
    }
    static let depreciation = 1_018_000 / 15.0
    /// Average opex over the 15 operating years: 20,000 x (1.02^15 - 1) / 0.02 / 15.
    static let averageOpex = 20_000 * (pow(1.02, 15) - 1) / 0.02 / 15
    /// Average interest: 0.05 x (618,000 - 61,800 k) for k = 0...9, over 15 years.
    static let averageInterest: Double = 0.05 * Double(10 * 618_000 - 61_800 * 45) / 15

    @Test("ICR in the first operating year is EBIT over interest")
    func interestCoverage() throws {
        let i = try Self.indicators()
        // 2028: EBIT = 150,000 - 20,000 - 67,866.67 = 62,133.33; interest 0.05 x 618,000 = 30,900.
        let ebit = 150_000 - 20_000 - Self.depreciation
        #expect(abs(try #require(i.interestCoverage[2]) - ebit / 30_900) <= 1e-9)
        #expect(i.interestCoverage[0] == nil && i.interestCoverage[1] == nil)
    }

    @Test("DSCR in the first operating year is (EBITDA - income tax) over interest plus principal")
    func debtServiceCoverage() throws {
        let i = try Self.indicators()
        // 2028: profit before tax 62,133.33 - 30,900 = 31,233.33, tax 25% of it; EBITDA 130,000;
        // debt service 30,900 + 61,800 = 92,700.
        let tax = 0.25 * (150_000 - 20_000 - Self.depreciation - 30_900)
        #expect(abs(try #require(i.debtServiceCoverage[2]) - (130_000 - tax) / 92_700) <= 1e-9)
        // After the loan is repaid (2038 on) there is no debt service.
        #expect(i.debtServiceCoverage[12...].allSatisfy { $0 == nil })
        #expect(i.minDebtServiceCoverage.number == i.debtServiceCoverage.compactMap { $0 }.min())
    }

    @Test("Break-even capacity share is fixed cost over revenue less variable cost, on operating-year averages")
    func breakEven() throws {
        let i = try Self.indicators()
        // No per-unit cost: fixed = depreciation + interest + opex, all averaged.
        let expected = (Self.depreciation + Self.averageInterest + Self.averageOpex) / 150_000
        #expect(abs(try #require(i.breakEvenCapacityShare.number) - expected) <= 1e-12)
    }

    @Test("Return on total investment is average EBIT over capex plus capitalised interest")
    func returnOnTotalInvestment() throws {
        let i = try Self.indicators()
        let averageEBIT = 150_000 - Self.averageOpex - Self.depreciation
        #expect(abs(try #require(i.returnOnTotalInvestment.number) - averageEBIT / 1_018_000) <= 1e-12)
    }

    @Test("Return on capital is average net profit over the construction capex not borrowed")
    func returnOnCapital() throws {
        let i = try Self.indicators()
        // Profit before tax is positive in every year, so net profit = 75% of it; capital 1,000,000 - 600,000.
        let averageProfit = 150_000 - Self.averageOpex - Self.depreciation - Self.averageInterest
        #expect(abs(try #require(i.returnOnCapital.number) - 0.75 * averageProfit / 400_000) <= 1e-12)
    }

    @Test("FIRR before income tax is the IRR of the project cash flow with the unlevered tax added back")
    func irrBeforeTax() throws {
        let e = try evaluate(DebtTests.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}"))
        let i = FeasibilityIndicators(e)
        // Before tax: -1,000,000 of capex, then revenue - opex each year (no VAT, no incentives).
        let flows = [-600_000.0, -400_000] + (0..<15).map { 150_000 - 20_000 * pow(1.02, Double($0)) }
        #expect(abs(try #require(i.projectIRRBeforeTax.number) - (try #require(internalRateOfReturn(flows).metric.number))) <= 1e-10)
        #expect(i.projectIRRAfterTax == e.metrics.projectIRR)
        #expect(try #require(i.projectIRRBeforeTax.number) > (try #require(i.projectIRRAfterTax.number)))
    }

    @Test("Under cn-feasibility the evaluation JSON and text carry the indicators; under Steppe's conventions neither does")
    func shownOnlyUnderFeasibilityConventions() throws {
        let yaml = DebtTests.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}")
        let cn = try evaluate(yaml + "\nconventions: cn-feasibility\n")
        #expect(cn.json["feasibilityIndicators"]?["minDebtServiceCoverage"]?.number == FeasibilityIndicators(cn).minDebtServiceCoverage.number)
        #expect(cn.text.contains("Feasibility-study indicators"))
        let today = try evaluate(yaml)
        #expect(today.json["feasibilityIndicators"] == nil)
        #expect(!today.text.contains("Feasibility-study indicators"))
    }
}

@Suite("The worked feasibility-study example")
struct FeasibilityExampleTests {
    static func evaluation(_ name: String) throws -> Evaluation {
        try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path).evaluate()
    }

    @Test("The hydrogen project under cn-feasibility has working capital, every indicator defined, and NPVs valued at the start of construction")
    func hydrogenUnderFeasibilityConventions() throws {
        let e = try Self.evaluation("ejin-horo-hydrogen-feasibility")
        #expect(e.model.conventions.preset == .cnFeasibility && e.model.conventions.workingCapital != nil)
        let indicators = FeasibilityIndicators(e)
        #expect(indicators.all.allSatisfy { $0.value.number?.isFinite == true }, "\(indicators.all.filter { $0.value.number == nil })")
        // Valued one year earlier than Steppe's date: the same flows' NPV at the end of 2026, divided by 1.06.
        let flows = e.years.map(\.projectCashFlow)
        #expect(relativeError(try #require(e.metrics.projectNPV.number), netPresentValue(rate: 0.06, flows) / 1.06) <= 1e-12)
        // All the working capital is recovered.
        #expect(abs(e.years.compactMap(\.workingCapital).reduce(0, +)) <= 1e-6)
    }
}
