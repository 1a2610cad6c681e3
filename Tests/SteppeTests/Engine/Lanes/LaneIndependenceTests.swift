import Foundation
import Testing
@testable import Steppe
import SteppeFiles

/// The engine evaluates eight paths per step, one per lane. A path's results must depend on its own
/// uniforms alone, never on the paths beside it: otherwise results would change with the chunk size,
/// the shard split or the path count. Each path of a run is evaluated again with its uniforms in every
/// lane, and again as the first lane of a group of the next paths, and must give the same bits.
@Suite("Lane independence")
struct LaneIndependenceTests {
    /// A random scenario: VAT and surtax, several products, cost
    /// lines, a staff group and loans (construction interest, drawn or zero rates), every depreciation method,
    /// holidays of both starts and stacking rules, reduced rates, capital grants, interest subsidies,
    /// per-person allowances, scheduled awards, "highest only" groups, capped subsidies and awards with
    /// withdrawal, delay, cut and clawback risks, both loss treatments, input-price incentives, per-year
    /// multipliers, price processes, rank correlation, residual value and mid-year discounting; some
    /// scenarios have no revenue in their first operating year.
    static func randomScenario(_ seed: UInt64) -> String {
        var g = SplitMix64(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[Int(g.next() % UInt64(options.count))] }
        func between(_ a: Double, _ b: Double) -> Double { a + (b - a) * g.nextUnit() }
        let years = pick([3, 8, 15, 25])
        let method = pick(["straightLine", "sumOfYearsDigits", "decliningBalance"])
        let capex = between(50e6, 200e6)
        let quantity = between(100e6, 400e6)
        let vat = pick([0, 0.13])
        let loss = pick(["carryForward", "monetise"])
        let stacking = pick(["lowerOf", "halveReducedRate"])
        let countFrom = pick(["firstRevenueYear", "firstProfitYear"])
        let repayment = pick(["annuity", "equalPrincipal", "bullet"])
        // A second construction year: loans drawn in the first accrue interest, capitalised and depreciated.
        let secondConstructionYear = g.nextUnit() < 0.5 ? "  - {year: 2027, assetClass: civil, amount: 3.0e7}\n" : ""
        let operatingCapex = years > 8 && g.nextUnit() < 0.5
            ? "  - {year: 2031, assetClass: plant, amount: {distribution: uniform, min: 1.0e6, max: 9.0e6}}\n" : ""
        let timing = pick(["endOfYear", "midYear"])
        let group = g.nextUnit() < 0.5 ? "stackingGroup: awards, stackingRule: highest, " : ""
        let heatPrice = pick(["{base: 30, perYearMultiplier: {distribution: normal, mean: 1, sd: 0.1, truncate: [0.5, 1.5]}}",
                              "{base: 30, process: meanReverting, volatility: 0.15, reversionSpeed: 0.5}",
                              "{base: 30, process: geometricBrownian, volatility: 0.1}"])
        let inputPrice = pick(["discountPerUnit: 1.5", "discountPerUnit: 9", "overridePrice: 3.5"])
        let correlations = g.nextUnit() < 0.5
            ? "correlations:\n  - {between: [\"capex[0].amount\", \"products[0].price\"], rank: \(between(-0.8, 0.8))}" : ""
        // About a third of the scenarios sell nothing in their first operating year (a commissioning
        // year), so the year a holiday counted from the first revenue year starts differs from the first
        // operating year. Drawn from its own stream so the other choices of each seed stay as they were.
        var h = SplitMix64(seed: seed ^ 0x5EED_F1A5)
        let noFirstYearRevenue = h.nextUnit() < 0.35
        let powerQuantity = noFirstYearRevenue
            ? "[0, \(quantity)]"
            : "{distribution: normal, mean: \(quantity), sd: \(0.1 * quantity), truncate: [\(0.5 * quantity), \(1.5 * quantity)], base: \(quantity)}"
        let heatQuantity = noFirstYearRevenue ? "[0, 1.0e5]" : "1.0e5"
        return """
            name: lanes \(seed)
            startYear: 2026
            operatingYears: \(years)
            recoverResidualValue: \(g.nextUnit() < 0.5)
            assetClasses:
              - {id: plant, depreciation: \(method), lifeYears: \(pick([5, 10, 20])), residualRate: \(pick([0, 0.05])), vatRate: \(vat)}
              - {id: civil, lifeYears: \(pick([25, 40]))}
            capex:
              - {year: 2026, assetClass: plant, amount: {distribution: triangular, min: \(0.8 * capex), mode: \(capex), max: \(1.3 * capex)}}
              - {year: 2026, assetClass: civil, amount: 2.0e7}
            \(secondConstructionYear)\(operatingCapex)products:
              - id: power
                unit: kWh
                quantity: \(powerQuantity)
                price: {distribution: lognormal, mu: -3.2, sigma: \(between(0.05, 0.6)), base: 0.04}
                escalation: {distribution: uniform, min: -0.01, max: 0.03, base: 0.01}
                quantityGrowth: {distribution: uniform, min: -0.007, max: -0.003, base: -0.005}
                vatRate: \(vat)
                priceFloor: \(pick([0.0, 0.03]))
              - id: heat
                unit: GJ
                quantity: \(heatQuantity)
                price: \(heatPrice)
                vatRate: \(pick([0, 0.09]))
            operatingCosts:
              - {id: opex, annualAmount: {distribution: normal, mean: 2.0e6, sd: 0.4e6}, escalation: 0.02, vatRate: \(vat)}
              - {id: water, perUnitOf: power, quantityPerUnit: 0.001, price: {distribution: uniform, min: 3, max: 6, base: 4}}
            labour:
              - {role: engineer, headcount: {distribution: uniform, min: 15, max: 25, base: 20}, annualWage: 1.2e5, escalation: 0.03}
            financing:
              equityShare: \(pick([0.3, 0.5, 0.95]))
              loans:
                - {id: a, share: 0.6, rate: \(pick(["0.05", "0.0", "{distribution: triangular, min: 0.01, mode: 0.05, max: 0.07}"])), tenorYears: \(pick([2, 10, 30])), graceYears: \(pick([0, 1])), repayment: \(repayment)}
                - {id: b, share: 0.4, rate: \(pick(["0.045", "{distribution: uniform, min: 0.03, max: 0.06, base: 0.045}"])), tenorYears: 8, repayment: equalPrincipal}
            tax:
              citRate: \(g.nextUnit() < 0.5 ? "0.25" : "{distribution: uniform, min: 0.2, max: 0.3, base: 0.25}")
              lossTreatment: \(loss)
              lossCarryForwardYears: \(pick([1, 5, 50]))
              lossOffsetLimit: \(pick([1.0, 0.6]))
              holidayStacking: \(stacking)
              vatSurtaxRate: \(pick([0, 0.12]))
            discounting: {projectRate: 0.07, equityRate: 0.09, timing: \(timing)}
            \(correlations)
            incentives:
              - {id: western, kind: taxRate, rate: 0.15, validTo: 2035, assumption: test}
              - id: holiday
                kind: taxHoliday
                exemptYears: 3
                reducedYears: 3
                countFrom: \(countFrom)
                assumption: test
                policyRisk: {withdrawalHazard: 0.2, withdrawalAfterYears: 1}
              - id: subsidy
                kind: productionSubsidy
                product: power
                amountPerUnit: 0.01
                durationYears: 10
                eligibleFrom: firstRevenueYear
                taxable: \(g.nextUnit() < 0.5)
                \(pick(["capPerYear: 2.5e6", "capPerYear: 1.0e9", "# no yearly cap"]))
                \(pick(["capTotal: 1.5e7", "# no total cap"]))
                assumption: test
                policyRisk:
                  withdrawalHazard: \(pick([0, 0.1, 1]))
                  withdrawalAfterYears: 1
                  delayYears: {distribution: discrete, values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1]}
                  cut: {probability: 0.3, toFraction: 0.5}
                  \(pick(["clawback: {annualHazard: 0.15, withinYears: 5}", "# no clawback"]))
              - {id: cheaper-water, kind: inputPrice, costLine: water, \(inputPrice), durationYears: 6, assumption: test}
              - {id: award, kind: annualAward, amountPerYear: {distribution: uniform, min: 1.0e5, max: 3.0e5, base: 2.0e5}, validFrom: 2028, durationYears: 3, \(group)assumption: test}
              - {id: schedule, kind: scheduledAward, amounts: [{year: 2028, amount: 4.0e5}, {year: 2029, amount: 1.0e5}], \(group)assumption: test}
              - {id: cheaper-loan, kind: interestSubsidy, rateReduction: 0.01, \(pick(["loans: [a], ", ""]))durationYears: 5, taxable: \(g.nextUnit() < 0.5), \(group)assumption: test}
              - {id: talent, kind: perPersonAllowance, role: engineer, amountPerPersonYear: 2.0e4, durationYears: 5, assumption: test}
              - {id: grant, kind: capitalGrant, share: \(between(0.05, 0.3)), assetClasses: [plant], reducesDepreciableBasis: \(g.nextUnit() < 0.5), assumption: test}
              - {id: lump, kind: capitalGrant, amount: 5.0e6, reducesDepreciableBasis: \(g.nextUnit() < 0.5), taxable: \(g.nextUnit() < 0.5), assumption: test}
            """
    }

    static func runner(_ yaml: String, paths: Int, sampler: SamplingMethod = .random) throws -> MonteCarloRunner {
        let s = try scenario(yaml)
        let model = try s.compile()
        let drawer = try StochasticModel(scenario: s, model: model)
        let uniforms = try sampler.sampler(seed: 11, pathCount: paths, dimensions: drawer.dimension)
        let configuration = MonteCarloConfiguration(paths: paths, seed: 11, chunkSize: 100, exactQuantileLimit: paths)
        return MonteCarloRunner(model: model, drawer: drawer, uniforms: uniforms, configuration: configuration, scenarioText: yaml)
    }

    /// Every metric of every path of a run, as bit patterns (each NaN as one pattern): `[metric][path]`.
    static func values(_ state: RunState) -> [[UInt64]] {
        (state.values ?? []).map { $0.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern } }
    }

    /// Every metric of every path evaluated on its own: the path's uniforms in all eight lanes (`alone`),
    /// or the path in lane 0 and the paths after it beside it (`leading`).
    static func pathByPath(_ runner: MonteCarloRunner, leading: Bool) -> [[UInt64]] {
        let paths = runner.identity.configuration.paths, dimension = runner.drawer.dimension
        let ws = LaneWorkspace(runner.lanes)
        var u = [Lanes](repeating: Lanes(repeating: 0.5), count: max(dimension, 1))
        var one = [Double](repeating: 0.5, count: dimension)
        var out = [Lanes](repeating: .zero, count: PathMetric.allCases.count)
        var values = PathMetric.allCases.map { _ in [UInt64](repeating: 0, count: paths) }
        for path in 0..<paths {
            if leading {
                u.withUnsafeMutableBufferPointer { runner.uniforms.fillLanes(firstPath: path, into: UnsafeMutableBufferPointer(rebasing: $0[0..<dimension])) }
            } else {
                one.withUnsafeMutableBufferPointer { runner.uniforms.fill(path: path, into: $0) }
                for d in 0..<dimension { u[d] = Lanes(repeating: one[d]) }
            }
            u.withUnsafeMutableBufferPointer { u in
                out.withUnsafeMutableBufferPointer { runner.lanes.evaluate(u.baseAddress!, ws, only: PathMetric.allCases, into: $0.baseAddress!) }
            }
            for metric in PathMetric.allCases {
                let x = out[metric.rawValue][0]
                values[metric.rawValue][path] = PathMetric.isAccountable(x) ? x.bitPattern : Double.nan.bitPattern
            }
        }
        return values
    }

    @Test("A path's metrics do not depend on the paths that share its lanes, on random scenarios", arguments: 0..<12)
    func pathsDoNotInteract(seed: Int) throws {
        let yaml = Self.randomScenario(UInt64(seed) &* 0x9E37_79B9 &+ 1)
        // 203 paths in chunks of 100: groups start at 0, 8, ..., 96, 100, ...; the last group of each chunk is partly past its end.
        let runner = try Self.runner(yaml, paths: 203)
        #expect(Self.values(runner.run(threads: 1)) == Self.pathByPath(runner, leading: seed.isMultiple(of: 2)))
    }

    @Test("A sculpted loan is sized per lane: a path's loan does not depend on the paths beside it", arguments: 0..<4)
    func sculptedLoansDoNotInteract(seed: Int) throws {
        let yaml = Self.randomScenario(UInt64(seed) &* 0x9E37_79B9 &+ 1).replacingOccurrences(
            of: "tenorYears: 8, repayment: equalPrincipal}", with: "tenorYears: 8, repayment: sculpted, targetDSCR: 1.3, maxGearing: 0.7}")
        #expect(yaml.contains("sculpted"))
        let runner = try Self.runner(yaml, paths: 203)
        #expect(Self.values(runner.run(threads: 2)) == Self.pathByPath(runner, leading: seed.isMultiple(of: 2)))
    }

    @Test("The reference model's paths do not interact, with every sampler", arguments: [SamplingMethod.random, .latinHypercube, .sobol])
    func referenceModel(sampler: SamplingMethod) throws {
        let yaml = try String(contentsOf: packageRootURL.appendingPathComponent("Benchmarks/reference-model.yaml"), encoding: .utf8)
        let runner = try Self.runner(yaml, paths: 500, sampler: sampler)
        #expect(Self.values(runner.run(threads: 2)) == Self.pathByPath(runner, leading: false))
    }

    @Test("The default scenario's paths (construction interest, a price process, correlated inputs) do not interact")
    func defaultScenario() throws {
        let runner = try Self.runner(DefaultScenario.yaml, paths: 300)
        #expect(Self.values(runner.run(threads: 2)) == Self.pathByPath(runner, leading: true))
    }
}
