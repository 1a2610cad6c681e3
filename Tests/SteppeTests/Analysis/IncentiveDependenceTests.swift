import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("Incentive dependence")
struct IncentiveDependenceTests {
    /// No tax, no debt: NPV is additive in untaxed cash awards.
    static func model(_ incentives: String, cit: Double = 0) throws -> CompiledModel {
        try scenario("""
            name: awards
            startYear: 2026
            operatingYears: 10
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 1000000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: \(cit)}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
            \(incentives)
            """).compile()
    }

    static let a = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }

    @Test("On an additive model the Shapley values are each incentive's own present value")
    func additive() throws {
        let m = try Self.model("""
              - {id: a, kind: annualAward, amountPerYear: 10000, validFrom: 2027, assumption: test}
              - {id: b, kind: annualAward, amountPerYear: 30000, validFrom: 2027, assumption: test}
              - {id: c, kind: productionSubsidy, product: widget, amountPerUnit: 5, validFrom: 2027, validTo: 2031, assumption: test}
            """)
        let phi = try #require(IncentiveDependence(model: m).shapley(IncentiveDependence.equityNPV)).values
        let a5 = (1...5).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        #expect(abs(phi[0] - 10000 * Self.a) <= 1e-6)
        #expect(abs(phi[1] - 30000 * Self.a) <= 1e-6)
        #expect(abs(phi[2] - 5000 * a5) <= 1e-6)
    }

    @Test("Shapley values add up to the value with all incentives less the value with none (efficiency)")
    func efficiency() throws {
        // Taxed, with a holiday and a reduced rate: interactions everywhere.
        let m = try Self.model("""
              - {id: grant, kind: capitalGrant, share: 0.2, assumption: test}
              - {id: holiday, kind: taxHoliday, exemptYears: 2, reducedYears: 3, assumption: test}
              - {id: rate, kind: taxRate, rate: 0.15, assumption: test}
              - {id: award, kind: annualAward, amountPerYear: 20000, taxable: true, assumption: test}
            """, cit: 0.25)
        let d = IncentiveDependence(model: m)
        let phi = try #require(d.shapley(IncentiveDependence.equityNPV)).values
        let all = try #require(d.value(subset: 0b1111, IncentiveDependence.equityNPV))
        let none = try #require(d.value(subset: 0, IncentiveDependence.equityNPV))
        #expect(abs(phi.reduce(0, +) - (all - none)) <= 1e-6 * abs(all))
    }

    @Test("Two incentives in a highest-only group split their overlap equally")
    func highestOnlyOverlap() throws {
        let m = try Self.model("""
              - {id: small, kind: annualAward, amountPerYear: 10000, validFrom: 2027, stackingGroup: g, stackingRule: highest, assumption: test}
              - {id: large, kind: annualAward, amountPerYear: 30000, validFrom: 2027, stackingGroup: g, stackingRule: highest, assumption: test}
            """)
        let phi = try #require(IncentiveDependence(model: m).shapley(IncentiveDependence.equityNPV)).values
        // v(small) = 10k a, v(large) = 30k a, v(both) = 30k a: the 10k a overlap is split in two.
        #expect(abs(phi[0] - 5000 * Self.a) <= 1e-6)
        #expect(abs(phi[1] - 25000 * Self.a) <= 1e-6)
    }

    @Test("Sampled Shapley values agree with exact enumeration within a few standard errors")
    func sampledAgreesWithExact() throws {
        let m = try Self.model((0..<5).map {
            "  - {id: a\($0), kind: annualAward, amountPerYear: \(($0 + 1) * 7000), validFrom: 2027, stackingGroup: g\($0 % 2), stackingRule: highest, assumption: test}"
        }.joined(separator: "\n"))
        let d = IncentiveDependence(model: m)
        let exact = try #require(d.shapley(IncentiveDependence.equityNPV)).values
        let sampled = try #require(d.shapley(IncentiveDependence.equityNPV, exactLimit: 0, permutations: 3000))
        for i in exact.indices {
            let se = try #require(sampled.standardErrors)[i]
            #expect(abs(sampled.values[i] - exact[i]) <= 5 * se + 1e-6, "incentive \(i)")
        }
    }

    @Test("The break-even fraction brings the equity NPV to zero")
    func breakEvenFraction() throws {
        // Without the award NPV = -1e6 + 100e3 a < 0; the award of 100k a year could cover it twice over.
        let m = try Self.model("  - {id: award, kind: annualAward, amountPerYear: 200000, validFrom: 2027, assumption: test}")
        let d = IncentiveDependence(model: m)
        guard case .fraction(let f) = d.breakEven(of: 0, IncentiveDependence.equityNPV) else {
            Issue.record("expected a fraction"); return
        }
        let expected = (1_000_000 - 100_000 * Self.a) / (200_000 * Self.a)
        #expect(abs(f - expected) <= 1e-8)
    }

    @Test("The withdrawal curve falls from the full value to the value without the incentive")
    func withdrawalCurve() throws {
        let m = try Self.model("  - {id: award, kind: annualAward, amountPerYear: 50000, validFrom: 2027, assumption: test}")
        let d = IncentiveDependence(model: m)
        let curve = d.withdrawalCurve(of: 0, IncentiveDependence.equityNPV)
        let none = try #require(d.value(subset: 0, IncentiveDependence.equityNPV))
        let all = try #require(d.value(subset: 1, IncentiveDependence.equityNPV))
        #expect(curve.first?.year == 2026 && curve.first?.value == none)
        // Withdrawn from 2028: paid in 2027 only.
        #expect(abs(try #require(curve[2].value) - (none + 50000 / 1.08)) <= 1e-6)
        #expect(curve.map { $0.value! } == curve.map { $0.value! }.sorted())
        #expect(try #require(curve.last?.value) < all)
    }

    @Test("steppe incentives prints JSON with the documented keys")
    func command() throws {
        let result = SteppeCommand.run(["incentives", "--format", "json"])
        #expect(result.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        for key in ["scenario", "metric", "all", "none", "incentiveShare", "equityIRR", "incentives", "undefined", "conventions"] {
            #expect(root[key] != nil, "\(key)")
        }
        let items = try #require(root["incentives"] as? [[String: Any]])
        let sum = items.compactMap { $0["shapley"] as? Double }.reduce(0, +)
        #expect(abs(sum - ((root["all"] as! Double) - (root["none"] as! Double))) <= 1e-3)
    }
    @Test("An incentive the project does not need to break even is 'not needed', not a fraction of 0")
    func breakEvenNotNeeded() throws {
        // NPV with neither award is -1e6 + 100e3 a < 0; 'large' alone lifts it above zero, so 'small' is not needed.
        let m = try Self.model("""
              - {id: small, kind: annualAward, amountPerYear: 10000, validFrom: 2027, assumption: test}
              - {id: large, kind: annualAward, amountPerYear: 200000, validFrom: 2027, assumption: test}
            """)
        let d = IncentiveDependence(model: m)
        #expect(d.breakEven(of: 0, IncentiveDependence.equityNPV) == .notNeeded)
        #expect(d.breakEven(of: 1, IncentiveDependence.equityNPV) != .notNeeded)
    }

    @Test("An incentive that cannot bring the NPV to zero is 'not enough'")
    func breakEvenNotEnough() throws {
        let m = try Self.model("  - {id: award, kind: annualAward, amountPerYear: 1000, validFrom: 2027, assumption: test}")
        #expect(IncentiveDependence(model: m).breakEven(of: 0, IncentiveDependence.equityNPV) == .notEnough)
    }

    @Test("A one-year delay starts an incentive one year after its first payment, not after its window opens")
    func delayCountsFromFirstEffect() throws {
        // Eligible from the start year 2026, but a production subsidy pays only once there is output (2027).
        // A delay counted from the window's start moved nothing.
        let m = try Self.model("  - {id: subsidy, kind: productionSubsidy, product: widget, amountPerUnit: 5, validFrom: 2020, assumption: test}")
        let d = IncentiveDependence(model: m)
        #expect(d.effectStart == [m.operationStart])
        let all = try #require(d.value(subset: 1, IncentiveDependence.equityNPV))
        let delayed = try #require(d.delayed(0, by: 1, IncentiveDependence.equityNPV))
        // The first operating year's 5 x 1000 is lost (the end of the window stays).
        #expect(abs((all - delayed) - 5_000 * m.equityDiscountFactors[m.operationStart]) <= 1e-6)
    }

    @Test("A delayed tax holiday loses its first exempt year with taxable profit, as computed by hand")
    func delayedHolidayMatchesHand() throws {
        // No depreciation (capex 0), revenue 100k a year from 2027, CIT 25%: profit 100k a year.
        // Holiday 2 + 0 from the first revenue year 2027: exempt 2027-2028. Delayed one year: exempt 2028 only,
        // so 2027 pays 25k of tax.
        let s = try scenario("""
            name: holiday
            startYear: 2026
            operationStartYear: 2027
            operatingYears: 5
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 0}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: 0.25, vatSurtaxRate: 0}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
              - {id: holiday, kind: taxHoliday, exemptYears: 2, reducedYears: 0, validFrom: 2020, assumption: test}
            """)
        let m = try s.compile()
        let d = IncentiveDependence(model: m)
        #expect(d.effectStart == [1])
        let all = try #require(d.value(subset: 1, IncentiveDependence.equityNPV))
        let delayed = try #require(d.delayed(0, by: 1, IncentiveDependence.equityNPV))
        #expect(abs((all - delayed) - 25_000 * m.equityDiscountFactors[1]) <= 1e-6)
    }

    @Test("An incentive that never takes effect is not moved by a delay")
    func delayOfIneffectiveIncentive() throws {
        // The smaller award of a "highest only" group never pays while the larger one does.
        let m = try Self.model("""
              - {id: small, kind: annualAward, amountPerYear: 10000, validFrom: 2027, stackingGroup: g, stackingRule: highest, assumption: test}
              - {id: large, kind: annualAward, amountPerYear: 30000, validFrom: 2027, stackingGroup: g, stackingRule: highest, assumption: test}
            """)
        let d = IncentiveDependence(model: m)
        #expect(d.effectStart == [m.yearCount, 1])
        #expect(d.delayed(0, by: 1, IncentiveDependence.equityNPV) == d.value(subset: 0b11, IncentiveDependence.equityNPV))
    }

    @Test("Withdrawing every incentive from the start year equals the case without incentives")
    func withdrawAllFromStart() throws {
        let m = try Self.model("""
              - {id: grant, kind: capitalGrant, share: 0.2, assumption: test}
              - {id: holiday, kind: taxHoliday, exemptYears: 2, reducedYears: 3, assumption: test}
              - {id: award, kind: annualAward, amountPerYear: 20000, taxable: true, assumption: test}
            """, cit: 0.25)
        let d = IncentiveDependence(model: m)
        let none = try #require(d.value(subset: 0, IncentiveDependence.equityNPV))
        let all = try #require(d.value(subset: 0b111, IncentiveDependence.equityNPV))
        let cliff = d.withdrawalCurveOfAll(IncentiveDependence.equityNPV)
        #expect(cliff.first?.value == none)
        #expect(try #require(cliff.last?.value) < all)
    }

    @Test("Withdrawing every incentive from the first operating year equals no incentives when none pays during construction")
    func withdrawAllFromFirstOperatingYear() throws {
        var s = try scenario("""
            name: operating incentives
            startYear: 2026
            operationStartYear: 2027
            operatingYears: 8
            assetClasses: [{id: plant, lifeYears: 8}]
            capex: [{year: 2026, assetClass: plant, amount: 500000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: 0.25}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
              - {id: subsidy, kind: productionSubsidy, product: widget, amountPerUnit: 5, assumption: test}
              - {id: holiday, kind: taxHoliday, exemptYears: 3, reducedYears: 3, assumption: test}
              - {id: rate, kind: taxRate, rate: 0.15, assumption: test}
            """)
        let none = try IncentiveDependence(model: s.compile()).value(subset: 0, IncentiveDependence.equityNPV)
        s.incentiveWithdrawal = IncentiveWithdrawal(fromYear: 2027)
        let stressed = try s.evaluate()
        #expect(stressed.metrics.equityNPV.number == none)
    }

    @Test("Withdrawing a named incentive from a year equals ending its validity the year before")
    func withdrawNamedEqualsValidTo() throws {
        let text = { (validTo: String) in """
            name: named
            startYear: 2026
            operatingYears: 10
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 1000000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: 0}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
              - {id: a, kind: annualAward, amountPerYear: 10000, \(validTo)assumption: test}
              - {id: b, kind: annualAward, amountPerYear: 30000, assumption: test}
            """ }
        var stressed = try scenario(text(""))
        stressed.incentiveWithdrawal = IncentiveWithdrawal(fromYear: 2030, incentives: ["a"])
        let edited = try scenario(text("validTo: 2029, "))
        #expect(try stressed.evaluate().metrics.equityNPV.number == edited.evaluate().metrics.equityNPV.number)
    }
    @Test("A delay that hands a 'highest only' group to a member worth more in present value raises the NPV, and says so")
    func delayThatRaisesValueIsExplained() throws {
        // 'early' pays 30 000 a year 2027-2029 (90 000); 'late' 10 000 a year 2027-2036 (100 000) and wins the group by
        // nominal total, though 'early' is worth more in present value. Delayed a year, 'late' totals 90 000: a tie,
        // which the first listed ('early') wins.
        let m = try Self.model("""
              - {id: early, kind: annualAward, amountPerYear: 30000, validFrom: 2027, validTo: 2029, stackingGroup: g, stackingRule: highest, assumption: test}
              - {id: late, kind: annualAward, amountPerYear: 10000, validFrom: 2027, stackingGroup: g, stackingRule: highest, assumption: test}
            """)
        let report = IncentiveReport(model: m)
        let all = try #require(report.analysis.value(subset: 0b11, IncentiveDependence.equityNPV))
        let delayed = try #require(report.analysis.delayed(1, by: 1, IncentiveDependence.equityNPV))
        #expect(delayed > all)
        let note = try #require(report.delayNote(1, delayed: delayed, all: all))
        #expect(note.contains("'early'") && note.contains("highest only"))
        #expect(report.delayNote(0, delayed: report.analysis.delayed(0, by: 1, IncentiveDependence.equityNPV), all: all) == nil)
    }
    @Test("The scenario key withdrawIncentives withdraws as --withdraw-all-from does, and reaches a Monte Carlo run")
    func withdrawalScenarioKey() throws {
        let base = """
            name: keyed
            startYear: 2026
            operatingYears: 10
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 1000000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: 0}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
              - {id: a, kind: annualAward, amountPerYear: 10000, assumption: test}
              - {id: b, kind: annualAward, amountPerYear: 30000, assumption: test}
            """
        let keyed = try scenario(base + "\nwithdrawIncentives: {fromYear: 2030, incentives: [a]}")
        var flagged = try scenario(base)
        flagged.incentiveWithdrawal = IncentiveWithdrawal(fromYear: 2030, incentives: ["a"])
        let npv = try #require(keyed.evaluate().metrics.equityNPV.number)
        #expect(npv == (try flagged.evaluate().metrics.equityNPV.number))
        #expect(npv < (try #require(scenario(base).evaluate().metrics.equityNPV.number)))
        let file = try temporaryFile(named: "keyed.yaml", base + "\nwithdrawIncentives: {fromYear: 2030, incentives: [a]}")
        let run = SteppeCommand.run(["run", file, "--paths", "4", "--quiet", "--threads", "1", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let mean = try #require(((root["metrics"] as? [String: Any])?["equityNPV"] as? [String: Any])?["mean"] as? Double)
        #expect(abs(mean - npv) <= 1e-6 * abs(npv))
        let unknown = try scenario(base + "\nwithdrawIncentives: {fromYear: 2030, incentives: [zzz]}")
        #expect(throws: ScenarioErrors.self) { try unknown.evaluate() }
    }
}
