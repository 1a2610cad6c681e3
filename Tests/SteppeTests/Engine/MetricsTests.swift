import Foundation
import PropertyBased
import Testing
@testable import Steppe

/// The reported metrics against the reported cash-flow columns they summarise.
///
/// Each NPV is recomputed here from the stated convention (docs: `DiscountTiming`): the valuation
/// date is the end of the start year (index 0); with end-of-year timing the flow of year `t` is
/// divided by `(1 + r)^t`, with mid-year timing by `(1 + r)^(t - 0.5)` for `t >= 1` (year 0 undiscounted).
@Suite("Metrics")
struct MetricsTests {
    /// The NPV of `flows` at `rate` under `timing`, summed directly (no Horner, no precomputed factors).
    static func presentValue(_ flows: [Double], rate: Double, timing: DiscountTiming) -> Double {
        var total = 0.0
        for (t, flow) in flows.enumerated() {
            let periods: Double = t == 0 ? 0 : (timing == .midYear ? Double(t) - 0.5 : Double(t))
            total += flow / pow(1 + rate, periods)
        }
        return total
    }

    static func value(_ metric: MetricValue) -> Double? {
        if case .value(let x) = metric { return x }
        return nil
    }

    @Test("Equity NPV is the NPV of the reported equity cash flow at the equity rate")
    func equityNPVReadsEquityColumn() async {
        await propertyCheck(count: 200, input: EngineInvariantTests.seeds) { seed in
            let s = EngineInvariantTests.randomScenario(seed)
            let e = try #require(try? s.evaluate())
            let expected = Self.presentValue(e.years.map(\.equityCashFlow), rate: s.discounting.equityRate, timing: s.discounting.timing)
            let scale = e.years.reduce(0) { $0 + abs($1.equityCashFlow) }
            let npv = try #require(Self.value(e.metrics.equityNPV), "seed \(seed)")
            #expect(abs(npv - expected) <= 1e-12 * max(1, scale), "seed \(seed): \(npv) vs \(expected)")
        }
    }

    @Test("Project NPV is the NPV of the reported project cash flow at the project rate")
    func projectNPVReadsProjectColumn() async {
        await propertyCheck(count: 200, input: EngineInvariantTests.seeds) { seed in
            let s = EngineInvariantTests.randomScenario(seed)
            let e = try #require(try? s.evaluate())
            let expected = Self.presentValue(e.years.map(\.projectCashFlow), rate: s.discounting.projectRate, timing: s.discounting.timing)
            let scale = e.years.reduce(0) { $0 + abs($1.projectCashFlow) }
            let npv = try #require(Self.value(e.metrics.projectNPV), "seed \(seed)")
            #expect(abs(npv - expected) <= 1e-12 * max(1, scale), "seed \(seed): \(npv) vs \(expected)")
        }
    }

    @Test("NPVs of a hand-computed pro forma: two flows discounted by the stated timing")
    func handComputedNPV() throws {
        // One operating year after a construction year, no tax, no debt: equity and project flows are
        // [-1000, 1210] (capex 1000 in 2026; revenue 1210 in 2027). At 10%: end of year -1000 + 1210 / 1.1 = 100;
        // mid-year -1000 + 1210 / 1.1^0.5.
        let yaml = """
            name: npv
            startYear: 2026
            operationStartYear: 2027
            operatingYears: 1
            assetClasses: [{id: plant, lifeYears: 1}]
            capex: [{year: 2026, assetClass: plant, amount: 1000}]
            products: [{id: x, unit: unit, quantity: 1210, price: 1}]
            tax: {citRate: 0}
            discounting: {projectRate: 0.1, equityRate: 0.1, timing: TIMING}
            """
        let end = try evaluate(yaml.replacingOccurrences(of: "TIMING", with: "endOfYear"))
        #expect(end.years.map(\.equityCashFlow) == [-1000, 1210])
        #expect(abs(try #require(Self.value(end.metrics.equityNPV)) - 100) <= 1e-9)
        #expect(abs(try #require(Self.value(end.metrics.projectNPV)) - 100) <= 1e-9)
        let mid = try evaluate(yaml.replacingOccurrences(of: "TIMING", with: "midYear"))
        let expected = -1000 + 1210 / 1.1.squareRoot()
        #expect(abs(try #require(Self.value(mid.metrics.equityNPV)) - expected) <= 1e-9)
        #expect(abs(try #require(Self.value(mid.metrics.projectNPV)) - expected) <= 1e-9)
    }
}
