import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Sizing optimiser")
struct SizingOptimiserTests {
    /// Wind capacity factors (h + ½) / 8760 over the year: every level once, so the hours in which
    /// 100 MW of wind exceeds an electrolyser of E MW number 8760 (1 − E/100).
    static let uniformProfile: String = {
        var text = "hour,wind,solar\n"
        for h in 0..<ResourceProfile.hoursPerYear { text += "\(h),\((Double(h) + 0.5) / 8760),0\n" }
        return (try? temporaryFile(named: "uniform.csv", text)) ?? ""
    }()

    /// No cap, no battery, no tax, no minimum load: NPV(E) = −1000 c E + A · 1000 m · Σ_h min(W u_h, E) + const,
    /// with c the electrolyser's yuan/kW, A the 10-year annuity factor at 8%, m = p_H2 / SEC − p_export the
    /// margin of a kWh made into hydrogen over one exported. dNPV/dE = 0 where the hours with W u_h > E
    /// number K = c / (A m), so E* = W (1 − K / 8760).
    static func closedFormYAML(path: String) -> String {
        plantYAML(name: "closed form", years: 10, plant: """
              wind: {capacityMW: 100}
              profile: {csv: \(path)}
              electrolyser: {capacityMW: 50, minimumLoad: 0, specificConsumption: 50}
              gridExport: {price: 0.1, enforceCap: false}
              hydrogenSales: {price: 20}
            """)
    }

    /// A scenario without tax or debt around a hydrogen section whose electrolyser costs 1500 yuan/kW.
    static func plantYAML(name: String, zone: String? = nil, years: Int, plant: String) -> String {
        """
        name: \(name)
        \(zone.map { "zone: \($0)" } ?? "")
        startYear: 2026
        operationStartYear: 2027
        operatingYears: \(years)
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: []
        products: []
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        hydrogen:
        \(plant)
          capacityCosts:
            - {capacity: electrolyser, kind: capex, yuanPerKW: 1500, year: 2026, assetClass: plant}
        """
    }

    static func optimiser(_ yaml: String, _ variables: [SizingOptimiser.Variable], metric: String = "equityNPV",
                          minimize: Bool = false) throws -> SizingOptimiser {
        let document = try ScenarioFile.sourceNode(yaml, file: "s.yaml")
        return SizingOptimiser(document: document, variables: variables, metric: metric, minimize: minimize) { node throws(ScenarioErrors) in
            try ScenarioFile.read(node, file: "s.yaml")
        }
    }

    @Test("On a plant without cap or battery the optimum electrolyser matches the hand-computed one within the stated tolerance")
    func closedForm() throws {
        let annuity = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        let margin = 20.0 / 50 - 0.1
        let hours = 1500 / (annuity * margin)
        let expected = 100 * (1 - hours / 8760)
        var o = try Self.optimiser(Self.closedFormYAML(path: Self.uniformProfile),
                                   [SizingOptimiser.Variable(keyPath: "hydrogen.electrolyser.capacityMW", lower: 10, upper: 100)])
        o.tolerance = 0.005
        let result = o.run()
        let found = result.optimum.values[0]
        // The stated tolerance (0.5% of the 90 MW range) plus one step of the profile's levels (100 MW / 8760).
        #expect(abs(found - expected) <= 0.005 * 90 + 100.0 / 8760, "found \(found) MW, expected \(expected) MW")
        #expect(result.flatness.count == 1 && result.flatness[0].low <= found && found <= result.flatness[0].high)
    }

    static func cappedYAML(hydrogenPrice: Double) -> String {
        plantYAML(name: "capped", zone: "ejin-horo-mengsu", years: 2, plant: """
              wind: {capacityMW: 100}
              solar: {capacityMW: 100}
              profile: {synthetic: ejin-horo-mengsu, seed: 3, windFullLoadHours: {zone: resource.wind-full-load-hours}}
              electrolyser: {capacityMW: 50, minimumLoad: 0.2, specificConsumption: 52}
              gridExport: {price: 0.3}
              hydrogenSales: {price: \(hydrogenPrice)}
            """)
    }

    @Test("The optimum's yearly export share stays within the 20% cap even when exporting pays best")
    func optimumWithinCap() throws {
        // Cheap hydrogen: export is worth more than electrolysis, so the optimiser wants a small electrolyser
        // and the cap decides how small.
        var o = try Self.optimiser(Self.cappedYAML(hydrogenPrice: 8),
                                   [SizingOptimiser.Variable(keyPath: "hydrogen.electrolyser.capacityMW", lower: 0, upper: 120)])
        o.gridSteps = 4
        let result = o.run()
        let dispatch = try #require(result.optimum.dispatch)
        #expect(dispatch.largestYearlyExportShare <= 0.2 + 1e-9)
        #expect(dispatch.curtailmentShare > 0)   // the cap binds: surplus beyond it is curtailed
    }

    @Test("steppe optimise reports the optimum, the metric, export share, curtailment, flatness and dispatch-years")
    func command() throws {
        let file = try temporaryFile(named: "capped.yaml", Self.cappedYAML(hydrogenPrice: 20))
        let result = SteppeCommand.run(["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "4",
                                        "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONValue(parsing: result.standardOutput)
        let size = try #require(json["optimum"]?["hydrogen.electrolyser.capacityMW"]?.number)
        #expect((10...120).contains(size))
        #expect(json["value"]?.number == json["metrics"]?["equityNPV"]?.number)
        #expect(json["dispatch"]?["exportShare"]?.number != nil && json["dispatch"]?["curtailmentShare"]?.number != nil)
        let evaluations = try #require(json["evaluations"]?.number)
        #expect(json["dispatchYears"]?.number == evaluations * 2)
        #expect(json["flatness"]?.array?.count == 1)
    }

    @Test("--zones gives each zone its own optimum, the one a run in that zone alone finds")
    func perZone() throws {
        let file = try temporaryFile(named: "capped.yaml", Self.cappedYAML(hydrogenPrice: 20))
        let args = ["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "3", "--max-evaluations", "12",
                    "--format", "json", "--quiet"]
        let both = SteppeCommand.run(args + ["--zones", "ejin-horo-mengsu,bayannur-etdz"])
        #expect(both.status == 0, "\(both.standardError)")
        let sizings = try #require(try JSONValue(parsing: both.standardOutput)["sizings"]?.array)
        #expect(sizings.map { $0["zone"]?.string } == ["ejin-horo-mengsu", "bayannur-etdz"])
        let alone = try JSONValue(parsing: SteppeCommand.run(args + ["--zones", "bayannur-etdz"]).standardOutput)["sizings"]?.array?.first
        #expect(alone?["optimum"] == sizings[1]["optimum"] && alone?["value"] == sizings[1]["value"])
        #expect(sizings[0]["value"] != sizings[1]["value"])   // the zone's wind resource differs
    }

    /// The closed-form plant with an uncertain hydrogen price: 12 or 28 yuan/kg with equal odds, base 12.
    /// With Latin hypercube draws over an even number of paths exactly half the paths draw each price,
    /// so the paths' mean price is 20, and NPV is linear in the price (no tax, no debt): the mean NPV of
    /// every design is its NPV at 20 yuan/kg.
    static func uncertainPriceYAML(path: String) -> String {
        closedFormYAML(path: path).replacingOccurrences(
            of: "hydrogenSales: {price: 20}",
            with: "hydrogenSales: {price: {distribution: discrete, values: [12, 28], probabilities: [0.5, 0.5], base: 12}}")
    }

    static let electrolyser = SizingOptimiser.Variable(keyPath: "hydrogen.electrolyser.capacityMW", lower: 10, upper: 100)

    static func meanObjective(paths: Int = 64) -> SizingOptimiser.Objective {
        .monteCarlo(SampledStatistic(statistic: .mean, paths: paths, seed: 7, sampler: .latinHypercube))
    }

    @Test("The mean NPV's optimum under an uncertain price is the optimum at the paths' mean price, not at the base price")
    func meanObjectiveMatchesClosedFormAtMeanPrice() throws {
        let annuity = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        func closedForm(price: Double) -> Double { 100 * (1 - 1500 / (annuity * (price / 50 - 0.1)) / 8760) }
        var o = try Self.optimiser(Self.uncertainPriceYAML(path: Self.uniformProfile), [Self.electrolyser])
        o.objective = Self.meanObjective()
        let result = o.run()
        let found = result.optimum.values[0]
        let tolerance = 0.005 * 90 + 100.0 / 8760
        #expect(abs(found - closedForm(price: 20)) <= tolerance, "found \(found) MW, expected \(closedForm(price: 20)) MW")
        // The base case (price 12) would size the electrolyser about 10 MW smaller.
        #expect(abs(closedForm(price: 12) - closedForm(price: 20)) > 10 * tolerance)
        // And the mean there is the NPV at 20 yuan/kg, to rounding.
        var fixed = try Self.optimiser(Self.closedFormYAML(path: Self.uniformProfile), [Self.electrolyser])
        fixed.objective = .baseCase
        let atMeanPrice = try #require(fixed.evaluate(result.optimum.values).value)
        let value = try #require(result.value)
        #expect(abs(value - atMeanPrice) <= 1e-9 * abs(atMeanPrice))
    }

    @Test("Common random numbers: the Monte Carlo objective at one design point is bit-identical when evaluated twice")
    func monteCarloObjectiveRepeatsBitForBit() throws {
        var o = try Self.optimiser(Self.uncertainPriceYAML(path: Self.uniformProfile), [Self.electrolyser])
        o.objective = .monteCarlo(SampledStatistic(statistic: .p10, paths: 300, seed: 11, sampler: .random))
        let first = try #require(o.evaluate([63.3]).value)
        let second = try #require(o.evaluate([63.3]).value)
        #expect(first.bitPattern == second.bitPattern)
        let other = try #require(o.evaluate([63.4]).value)
        #expect(other != first)   // the design does move the objective
    }

    @Test("The search records every distinct evaluation once, grid points first, and the optimum is among them")
    func searchPathRecordsEvaluations() throws {
        var o = try Self.optimiser(Self.closedFormYAML(path: Self.uniformProfile), [Self.electrolyser])
        o.gridSteps = 4
        let result = o.run()
        #expect(result.search.count == result.evaluations)
        #expect(result.search.prefix(4).map(\.phase) == [.grid, .grid, .grid, .grid])
        #expect(result.search.prefix(4).map { $0.values[0] } == [10, 40, 70, 100])
        #expect(Set(result.search.map(\.values)).count == result.search.count)
        #expect(result.search.contains { $0.values == result.optimum.values && $0.value == result.value })
    }

    @Test("--vary must be key.path=lower:upper with lower below upper")
    func badVariable() {
        let result = SteppeCommand.run(["optimise", "--vary", "hydrogen.electrolyser.capacityMW=50:10"])
        #expect(result.status != 0 && result.standardError.contains("key.path=lower:upper"))
    }
}
