import Foundation
import PropertyBased
import Testing
@testable import Steppe

/// Invariants of the pro forma on random scenarios: whatever the inputs, the books balance.
@Suite("Engine invariants")
struct EngineInvariantTests {
    /// A random but valid scenario: 1-3 construction years, 5-30 operating years, random
    /// depreciation rules, products, costs, loans, tax rules and incentives; some sell nothing in
    /// their first operating year.
    static func randomScenario(_ seed: Int) -> Scenario {
        var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(g.next() >> 11) / 9_007_199_254_740_992 }
        func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(g.next() % UInt64(r.count)) }
        func chance(_ p: Double) -> Bool { uniform(0, 1) < p }

        let construction = int(1...3), operating = int(5...30)
        let methods: [DepreciationMethod] = [.straightLine, .decliningBalance(factor: 2), .sumOfYearsDigits]
        let classes = (0..<int(1...3)).map {
            AssetClass(id: "c\($0)", depreciation: methods[int(0...2)], lifeYears: int(1...operating),
                       residualRate: chance(0.5) ? uniform(0, 0.1) : 0, vatRate: chance(0.5) ? 0.13 : 0)
        }
        var capex: [CapexItem] = []
        for year in 0..<construction {
            for c in classes where chance(0.8) || year == 0 {
                capex.append(CapexItem(year: 2026 + year, assetClass: c.id, amount: uniform(1e5, 1e8)))
            }
        }
        // A quarter of the scenarios sell nothing in their first operating year (commissioning).
        let commissioningYear = chance(0.25)
        let products = (0..<int(1...2)).map {
            Product(id: "p\($0)", unit: "unit", quantity: YearlyValue([commissioningYear ? 0 : uniform(0, 1e6), uniform(1e3, 1e6)]),
                    price: uniform(0.1, 200), escalation: uniform(-0.02, 0.05), vatRate: chance(0.5) ? 0.13 : 0)
        }
        let costs = [
            OperatingCost(id: "fixed", driver: .annual(YearlyValue([uniform(0, 5e6)])), price: 1, escalation: uniform(0, 0.04)),
            OperatingCost(id: "input", unit: "kWh", driver: .perUnit(product: "p0", quantityPerUnit: uniform(0, 50)),
                          price: uniform(0, 1), vatRate: chance(0.5) ? 0.13 : 0),
        ]
        let repayments: [Loan.Repayment] = [.equalPrincipal, .annuity, .bullet, .sculpted]
        let repayment = repayments[int(0...3)]
        let tenor = int(1...operating)
        let loans = chance(0.8) ? [Loan(id: "bank", rate: uniform(0, 0.1), tenorYears: tenor, graceYears: int(0...(tenor - 1)),
                                        repayment: repayment, targetDSCR: uniform(1.05, 2), maxGearing: uniform(0.2, 0.9))] : []
        var incentives: [Incentive] = []
        if chance(0.5) {
            incentives.append(Incentive(id: "grant", kind: .capitalGrant(share: uniform(0, 0.5), amount: nil, assetClasses: []),
                                        taxable: chance(0.5), reducesDepreciableBasis: false, provenance: .assumption(source: "test")))
        }
        if chance(0.5) {
            incentives.append(Incentive(id: "subsidy", kind: .productionSubsidy(product: "p0", amountPerUnit: uniform(0, 5)),
                                        validFrom: 2026 + int(0...5), durationYears: int(1...10), capPerYear: chance(0.5) ? uniform(1e3, 1e6) : nil,
                                        taxable: chance(0.5), provenance: .assumption(source: "test")))
        }
        if chance(0.5) {
            incentives.append(Incentive(id: "holiday", kind: .taxHoliday(exemptYears: int(0...3), reducedYears: int(0...3), reducedFactor: 0.5,
                                                                         countFrom: chance(0.5) ? .firstRevenueYear : .firstProfitYear),
                                        provenance: .assumption(source: "test")))
        }
        if chance(0.5) { incentives.append(Incentive(id: "rate", kind: .taxRate(rate: 0.15), provenance: .assumption(source: "test"))) }
        if chance(0.3), !loans.isEmpty {
            incentives.append(Incentive(id: "interest", kind: .interestSubsidy(rateReduction: uniform(0, 0.02), loans: []),
                                        provenance: .assumption(source: "test")))
        }
        return Scenario(
            name: "random \(seed)", startYear: 2026, operationStartYear: 2026 + construction, operatingYears: operating,
            assetClasses: classes, capex: capex, products: products, operatingCosts: costs,
            financing: Financing(equityShare: loans.isEmpty ? 1 : uniform(0.2, 0.6), loans: loans),
            tax: TaxRules(lossCarryForwardYears: int(1...10), lossOffsetLimit: chance(0.5) ? 1 : uniform(0.5, 1),
                          holidayStacking: chance(0.5) ? .lowerOf : .halveReducedRate, vatSurtaxRate: chance(0.5) ? 0.12 : 0),
            discounting: Discounting(projectRate: uniform(0, 0.12), equityRate: uniform(0, 0.15), timing: chance(0.5) ? .endOfYear : .midYear),
            incentives: incentives, recoverResidualValue: chance(0.5))
    }

    static let seeds = Gen.int(in: 0...Int.max)

    @Test("Equity cash flow is CFADS plus debt drawn less debt service plus residual value, every year")
    func equityIdentity() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let e = try #require(try? Self.randomScenario(seed).evaluate())
            for y in e.years {
                let expected = y.cfads + y.debtDrawdown - y.debtService + y.residualValue
                #expect(abs(y.equityCashFlow - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed), \(y.year)")
            }
        }
    }

    @Test("Tax is never negative when losses carry forward")
    func taxNonNegative() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let e = try #require(try? Self.randomScenario(seed).evaluate())
            #expect(e.years.allSatisfy { $0.tax >= 0 && $0.unleveredTax >= 0 }, "seed \(seed)")
        }
    }

    @Test("Cumulative depreciation equals the depreciable basis less residual when every life ends within the project")
    func depreciationTotals() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            var s = Self.randomScenario(seed)
            s.incentives.removeAll { if case .capitalGrant = $0.kind { return true }; return false }
            let e = try #require(try? s.evaluate())
            let capitalised = e.years.reduce(0) { $0 + $1.capitalisedInterest }
            var expected = 0.0
            let construction = e.model.operationStart
            for c in s.assetClasses {
                let spent = s.capex.filter { $0.assetClass == c.id }.reduce(0) { $0 + $1.amount }
                let interest = s.capex.isEmpty ? 0 : capitalised * spent / s.capex.reduce(0) { $0 + $1.amount }
                expected += (spent + interest) * (1 - c.residualRate)
                #expect(c.lifeYears <= e.model.yearCount - construction)
            }
            let total = e.years.reduce(0) { $0 + $1.depreciation }
            #expect(abs(total - expected) <= 1e-6 * max(1, expected), "seed \(seed): \(total) vs \(expected)")
        }
    }

    @Test("Debt is fully repaid by maturity")
    func debtRepaid() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let s = Self.randomScenario(seed)
            guard let loan = s.financing.loans.first else { return }
            let e = try #require(try? s.evaluate())
            let maturity = min(e.model.operationStart + loan.tenorYears - 1, e.model.yearCount - 1)
            let peak = e.years.map(\.debtBalance).max() ?? 0
            #expect(abs(e.years[maturity].debtBalance) <= 1e-6 * max(1, peak), "seed \(seed)")
        }
    }

    @Test("Sculpted debt never exceeds the maximum gearing")
    func gearingCap() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let s = Self.randomScenario(seed)
            guard let loan = s.financing.loans.first, loan.repayment == .sculpted else { return }
            let e = try #require(try? s.evaluate())
            let op = e.model.operationStart
            let funded = s.capex.filter { $0.year < s.startYear + op }.reduce(0) { $0 + $1.amount }
                + e.years[..<op].reduce(0) { $0 + $1.capitalisedInterest }
            #expect(e.years[op - 1].debtBalance <= (loan.maxGearing ?? 1) * funded * (1 + 1e-12) + 1e-6, "seed \(seed)")
        }
    }

    @Test("Equity payback is the interpolated payback of the equity cash flow, project payback that of the project cash flow")
    func paybacksReadTheirOwnFlows() async {
        await propertyCheck(count: 100, input: Self.seeds) { seed in
            let e = try #require(try? Self.randomScenario(seed).evaluate())
            #expect(e.metrics.equityPaybackYears == paybackYears(e.years.map(\.equityCashFlow)), "seed \(seed)")
            #expect(e.metrics.paybackYears == paybackYears(e.years.map(\.projectCashFlow)), "seed \(seed)")
        }
    }

    @Test("A holiday counted from the first revenue year exempts that year, and not the operating years without revenue before it")
    func holidayStartsAtFirstRevenue() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let s = Self.randomScenario(seed)
            guard let holiday = s.incentives.first(where: { $0.id == "holiday" }),
                  case .taxHoliday(let exempt, _, _, .firstRevenueYear) = holiday.kind else { return }
            let e = try #require(try? s.evaluate())
            let op = e.model.operationStart
            guard let start = (op..<e.years.count).first(where: { e.years[$0].revenue > 0 }) else { return }
            // Before the first revenue year the statutory or reduced rate applies (both above 0) ...
            for t in op..<start { #expect(e.years[t].citRate > 0, "seed \(seed), year \(t)") }
            // ... and the first revenue year is the first exempt year (0 under both stacking rules).
            if exempt > 0 { #expect(e.years[start].citRate == 0, "seed \(seed)") }
        }
    }

    @Test("Every metric is finite or undefined with a reason, never NaN")
    func metricsFinite() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let e = try #require(try? Self.randomScenario(seed).evaluate())
            for (name, value) in e.metrics.all {
                switch value {
                case .value(let x): #expect(x.isFinite, "seed \(seed): \(name)")
                case .undefined(let reason): #expect(!reason.isEmpty)
                }
            }
        }
    }
}
