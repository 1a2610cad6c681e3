import Foundation
import Testing
@testable import Steppe

/// The closed-form break-even price cases of `shared/oracles/README.md`, each run as a
/// scenario file through the engine, checked against its closed form and the pinned value.
///
/// Common setup: capex C = 1,000,000 at year 0 (2026); Q = 1000 units a year for 20
/// operating years; equity discount rate 8%; end-of-year discounting.
@Suite("Break-even price oracle cases")
struct BreakEvenOracleTests {
    static let c = 1_000_000.0, q = 1000.0, r = 0.08, tax = 0.25, n = 20

    /// Sum of discount factors over years `range`.
    static func annuity(_ range: ClosedRange<Int>, growth: Double = 0) -> Double {
        range.reduce(0) { $0 + pow(1 + growth, Double($1 - range.lowerBound)) * pow(1 + r, -Double($1)) }
    }
    static let a = annuity(1...20)

    /// A scenario file for the oracle setup with the given extra sections.
    static func yaml(cit: Double = 0, escalation: Double = 0, operationStart: Int = 2027,
                     financing: String = "", incentives: String = "") -> String {
        """
        name: oracle
        startYear: 2026
        operationStartYear: \(operationStart)
        operatingYears: 20
        assetClasses:
          - {id: plant, depreciation: straightLine, lifeYears: 20, residualRate: 0}
        capex:
          - {year: 2026, assetClass: plant, amount: 1000000}
        products:
          - {id: widget, unit: unit, quantity: 1000, price: 100, escalation: \(escalation)}
        tax:
          citRate: \(cit)
          lossTreatment: monetise
        discounting: {projectRate: 0.08, equityRate: 0.08}
        \(financing)
        \(incentives)
        """
    }

    static func breakEven(_ yaml: String) throws -> Double {
        try #require(try evaluate(yaml).metrics.breakEvenPrice.number)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let closedForm: Double
        let pinned: Double
        var testDescription: String { name }
    }

    static let d = c / 20
    static let cases: [Case] = [
        Case(name: "A: no tax, no debt", yaml: yaml(), closedForm: c / (q * a), pinned: 101.8522088232),
        Case(name: "B: CIT 25%, straight line, losses monetised", yaml: yaml(cit: tax),
             closedForm: (c - tax * d * a) / (q * (1 - tax) * a), pinned: 119.1362784309),
        Case(name: "D: price escalates 2%/yr", yaml: yaml(escalation: 0.02),
             closedForm: c / (q * annuity(1...20, growth: 0.02)), pinned: 88.0808094585),
        Case(name: "E: 12-month construction, sales in years 2..21", yaml: yaml(operationStart: 2028),
             closedForm: c / (q * annuity(2...21)), pinned: 110.0003855290),
        Case(name: "F: 1:1 debt at 5% interest-only, balloon in year 20, CIT 25%",
             yaml: yaml(cit: tax, financing: """
             financing:
               equityShare: 0.5
               loans:
                 - {id: bank, rate: 0.05, tenorYears: 20, repayment: bullet}
             """),
             closedForm: {
                 let equity = c / 2, loan = c / 2, i = 0.05
                 return (equity + loan * pow(1 + r, -20) + (1 - tax) * i * loan * a - tax * d * a) / ((1 - tax) * q * a)
             }(), pinned: 90.8029450975),
        Case(name: "G: untaxed subsidy 10/unit in years 1..10, on B",
             yaml: yaml(cit: tax, incentives: subsidy(taxable: false)),
             closedForm: (c - tax * d * a - 10 * q * annuity(1...10)) / (q * (1 - tax) * a), pinned: 110.0237902727),
        Case(name: "G': taxable subsidy 10/unit in years 1..10, on B",
             yaml: yaml(cit: tax, incentives: subsidy(taxable: true)),
             closedForm: (c - tax * d * a - (1 - tax) * 10 * q * annuity(1...10)) / (q * (1 - tax) * a), pinned: 112.3019123122),
        Case(name: "H: untaxed grant of 200,000 at year 0, basis unchanged, on B",
             yaml: yaml(cit: tax, incentives: grant(reducesBasis: false)),
             closedForm: (c - 200_000 - tax * d * a) / (q * (1 - tax) * a), pinned: 91.9756894114),
        Case(name: "H': same grant, depreciable basis reduced", yaml: yaml(cit: tax, incentives: grant(reducesBasis: true)),
             closedForm: (c - 200_000 - tax * ((c - 200_000) / 20) * a) / (q * (1 - tax) * a), pinned: 95.3090227447),
    ]

    static func subsidy(taxable: Bool) -> String {
        """
        incentives:
          - {id: unit-subsidy, kind: productionSubsidy, product: widget, amountPerUnit: 10,
             validFrom: 2027, validTo: 2036, taxable: \(taxable), assumption: oracle case G}
        """
    }

    static func grant(reducesBasis: Bool) -> String {
        """
        incentives:
          - {id: grant, kind: capitalGrant, amount: 200000, validFrom: 2026, taxable: false,
             reducesDepreciableBasis: \(reducesBasis), assumption: oracle case H}
        """
    }

    @Test("Break-even price equals the closed form and the pinned value", arguments: cases)
    func breakEvenPrice(_ c: Case) throws {
        let price = try Self.breakEven(c.yaml)
        #expect(relativeError(price, c.closedForm) <= 1e-9, "engine \(price) vs closed form \(c.closedForm)")
        #expect(relativeError(c.closedForm, c.pinned) <= 1e-9, "closed form \(c.closedForm) vs pinned \(c.pinned)")
    }

    @Test("At the break-even price the equity NPV is zero and the equity IRR is the discount rate")
    func breakEvenIsARoot() throws {
        let evaluation = try evaluate(Self.yaml(cit: Self.tax).replacingOccurrences(of: "price: 100", with: "price: 119.1362784309"))
        let npv = try #require(evaluation.metrics.equityNPV.number)
        #expect(abs(npv) <= 1e-9 * Self.c)
        #expect(abs(try #require(evaluation.metrics.equityIRR.number) - Self.r) <= 1e-9)
    }

    @Test("Case A: the levelized cost equals the break-even price when there is no tax")
    func levelizedCostCaseA() throws {
        let evaluation = try evaluate(Self.yaml())
        let lcox = try #require(evaluation.metrics.levelizedCost.number)
        #expect(relativeError(lcox, 101.8522088232) <= 1e-9)
    }
}
