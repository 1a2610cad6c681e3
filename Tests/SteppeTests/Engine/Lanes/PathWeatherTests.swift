import Foundation
import PropertyBased
import Testing
@testable import Steppe

@Suite("Weather drawn per path: the hourly dispatch inside the Monte Carlo loop")
struct PathWeatherTests {
    /// The small hydrogen scenario with drawn weather, a battery, imports to the minimum load, self-use fees
    /// and stacks replaced every 6000 h, so every line the section contributes varies by path.
    static func yaml(poolYears: Int = 6, capShare: Double = 0.2, seed: Int = 3) -> String {
        HydrogenModuleTests.yaml(electrolyserMW: 40, extra: """
              weather: {draw: perPath, poolYears: \(poolYears)}
              battery: {powerMW: 10, energyMWh: 20}
              gridImport: {rule: keepMinimumLoad}
              selfUseFees: {systemBackupFee: 0.02, crossSubsidy: 0.01, exempt: false}
            """, profile: "{synthetic: ejin-horo-mengsu, seed: \(seed)}")
        .replacingOccurrences(of: "stackLifeHours: 12000", with: "stackLifeHours: 6000")
        .replacingOccurrences(of: "gridExport: {price: 0.25,", with: "gridExport: {capShare: \(capShare), price: 0.25,")
    }

    static func study(_ yaml: String, paths: Int, seed: UInt64 = 5) throws -> MonteCarloStudy {
        try MonteCarloStudy(scenario: try scenario(yaml), scenarioText: yaml,
                            configuration: MonteCarloConfiguration(paths: paths, seed: seed))
    }

    /// `scenario` with its hydrogen section dispatching `profiles` (one per operating year) and the weather fixed.
    static func withWeather(_ s: Scenario, _ profiles: [ResourceProfile]) -> Scenario {
        var direct = s
        direct.modules = s.modules.map { module in
            guard let h = module as? HydrogenModule else { return module }
            var m = HydrogenModule(plant: h.plant, profiles: .yearly(profiles), exportPrice: h.exportPrice, hydrogenSales: h.hydrogenSales,
                                   exportVATRate: h.exportVATRate, importEscalation: h.importEscalation,
                                   importVATRate: h.importVATRate, water: h.water, selfUseFees: h.selfUseFees)
            m.capacityCosts = h.capacityCosts
            return m
        }
        return direct
    }

    @Test("A path's pro forma and metrics equal a deterministic evaluation of the same weather years")
    func pathEqualsDirectEvaluation() throws {
        let text = Self.yaml()
        let study = try Self.study(text, paths: 12)
        let weather = try #require(study.runner.lanes.weather)
        let s = try scenario(text)
        for path in 0..<12 {
            let direct = try Self.withWeather(s, weather.pool.profiles(path: path, years: s.operatingYears)).evaluate()
            let drawn = study.runner.evaluatePath(path)
            for (t, year) in direct.years.enumerated() {
                #expect(drawn.revenue[t] == year.revenue, "path \(path), year \(t): revenue")
                #expect(drawn.opex[t] == year.opex, "path \(path), year \(t): opex")
                #expect(drawn.capex[t] == year.capex, "path \(path), year \(t): capex")
                #expect(drawn.equityCashFlow[t] == year.equityCashFlow, "path \(path), year \(t): equity cash flow")
            }
            let npv = study.runner.metricValues(.equityNPV, paths: path..<(path + 1))[0]
            #expect(npv == direct.metrics.equityNPV.number, "path \(path): equity NPV")
        }
        // The paths differ in their weather, hence in their years of stack replacement or their output.
        #expect(Set((0..<12).map { study.runner.metricValues(.equityNPV, paths: $0..<($0 + 1))[0] }).count > 1)
    }

    @Test("A drawn export price acts on a path's own export rows, as on a direct evaluation of its weather at that price")
    func drawnExportPriceActsOnTheDrawnWeather() throws {
        let law = "{distribution: uniform, min: 0.15, max: 0.35, base: 0.25}"
        let text = Self.yaml().replacingOccurrences(of: "gridExport: {capShare: 0.2, price: 0.25,", with: "gridExport: {capShare: 0.2, price: \(law),")
        let study = try Self.study(text, paths: 8)
        let weather = try #require(study.runner.lanes.weather)
        let s = try scenario(text)
        for path in 0..<8 {
            var u = [0.0]
            study.runner.uniforms.fill(path: path, into: &u)
            let directText = text.replacingOccurrences(of: law, with: "\(0.15 + 0.2 * u[0])")
            let direct = try Self.withWeather(try scenario(directText), weather.pool.profiles(path: path, years: s.operatingYears)).evaluate()
            let drawn = study.runner.evaluatePath(path)
            for t in direct.years.indices {
                let expected = direct.years[t].revenue
                #expect(abs(drawn.revenue[t] - expected) <= 1e-9 * max(1, abs(expected)), "path \(path), year \(t)")
            }
        }
    }

    @Test("The grid export never exceeds the cap share of generation, on any path and year, for random plants and weathers")
    func exportNeverExceedsTheCap() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 0...1_000_000)) { n in
            var rng = SplitMix64(seed: UInt64(n))
            let cap = 0.05 + 0.4 * rng.nextUnit()
            let text = Self.yaml(poolYears: 3, capShare: cap, seed: Int(rng.next() >> 40))
                .replacingOccurrences(of: "wind: {capacityMW: 100}", with: "wind: {capacityMW: \(20 + 200 * rng.nextUnit())}")
                .replacingOccurrences(of: "solar: {capacityMW: 100}", with: "solar: {capacityMW: \(20 + 200 * rng.nextUnit())}")
                .replacingOccurrences(of: "electrolyser: {capacityMW: 40.0", with: "electrolyser: {capacityMW: \(5 + 80 * rng.nextUnit())")
            let study: MonteCarloStudy
            do { study = try Self.study(text, paths: 8, seed: rng.next()) } catch {
                Issue.record("case \(n) did not build: \(error)")
                return
            }
            guard let weather = study.runner.lanes.weather else { Issue.record("case \(n) has no drawn weather"); return }
            let scratch = PathWeather.Scratch(weather)
            for path in 0..<8 {
                weather.dispatchYears(path: path, scratch)
                for y in scratch.years {
                    #expect(y.exportShare <= cap + 1e-12, "case \(n), path \(path): share \(y.exportShare) over cap \(cap)")
                    #expect(y.export <= cap * y.generation * (1 + 1e-12) + 1e-9, "case \(n), path \(path)")
                }
            }
        }
    }
}
