import Foundation
import PropertyBased
import Testing
@testable import Steppe

extension MonteCarloStudy {
    /// The index and model of the study's hydrogen dispatch per path, if its paths run one.
    var hydrogenPathIndex: Int? { runner.lanes.pathModels.firstIndex { $0.model is HydrogenPathModel } }
    var hydrogenPath: HydrogenPathModel? { hydrogenPathIndex.map { runner.lanes.pathModels[$0].model as! HydrogenPathModel } }

    /// Each path's hourly-dispatch years over `paths` (`[path][operating year]`), as the study's evaluation of
    /// the same paths dispatches them; nil when its paths dispatch no weather or plant of their own.
    func dispatchYears(paths: Range<Int>) -> [[DispatchYear]]? {
        hydrogenPathIndex.map { runner.pathRecords(model: $0, as: HydrogenPathWorker.self, paths: paths) }
    }

    /// The yield summary of the first `paths` paths (as `modulePathSummaries` makes it, typed).
    func weatherYield(paths: Int) -> WeatherYieldSummary? {
        guard let model = hydrogenPath, let years = dispatchYears(paths: 0..<paths) else { return nil }
        return model.yieldSummary(of: years)
    }
}

@Suite("Weather drawn per path: the hourly dispatch inside the Monte Carlo loop")
struct HydrogenPathModelTests {
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

    /// Expects a path's yearly revenue, opex, capex and equity cash flow to equal a direct evaluation's, to the bit.
    static func expectYearsEqual(_ drawn: Workspace, _ direct: Evaluation, path: Int) {
        for (t, year) in direct.years.enumerated() {
            #expect(drawn.revenue[t] == year.revenue, "path \(path), year \(t): revenue")
            #expect(drawn.opex[t] == year.opex, "path \(path), year \(t): opex")
            #expect(drawn.capex[t] == year.capex, "path \(path), year \(t): capex")
            #expect(drawn.equityCashFlow[t] == year.equityCashFlow, "path \(path), year \(t): equity cash flow")
        }
    }

    @Test("A path's pro forma and metrics equal a deterministic evaluation of the same weather years")
    func pathEqualsDirectEvaluation() throws {
        let text = Self.yaml()
        let study = try Self.study(text, paths: 12)
        let weather = try #require(study.hydrogenPath)
        let s = try scenario(text)
        for path in 0..<12 {
            let direct = try Self.withWeather(s, weather.pool.profiles(path: path, years: s.operatingYears)).evaluate()
            let drawn = study.runner.evaluatePath(path)
            Self.expectYearsEqual(drawn, direct, path: path)
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
        let weather = try #require(study.hydrogenPath)
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
            /// A capacity drawn per path, uniform over a random range.
            func drawn(_ low: Double, _ width: Double) -> String {
                let a = low + width * rng.nextUnit(), b = a + width * rng.nextUnit()
                return "{distribution: uniform, min: \(a), max: \(b)}"
            }
            let text = Self.yaml(poolYears: 3, capShare: cap, seed: Int(rng.next() >> 40))
                .replacingOccurrences(of: "wind: {capacityMW: 100}", with: "wind: {capacityMW: \(drawn(20, 100))}")
                .replacingOccurrences(of: "solar: {capacityMW: 100}", with: "solar: {capacityMW: \(drawn(20, 100))}")
                .replacingOccurrences(of: "electrolyser: {capacityMW: 40.0", with: "electrolyser: {capacityMW: \(drawn(5, 40)), availability: \(drawn(0.5, 0.25))")
                .replacingOccurrences(of: "battery: {powerMW: 10, energyMWh: 20}", with: "battery: {powerMW: \(drawn(0, 10)), energyMWh: \(drawn(1, 20))}")
            let study: MonteCarloStudy
            do { study = try Self.study(text, paths: 16, seed: rng.next()) } catch {
                Issue.record("case \(n) did not build: \(error)")
                return
            }
            guard let years = study.dispatchYears(paths: 0..<16) else { Issue.record("case \(n) has no per-path dispatch"); return }
            #expect(Set(years.map { $0[0].generation }).count > 1, "case \(n): the paths' plants and weathers differ")
            for (path, pathYears) in years.enumerated() {
                for y in pathYears {
                    #expect(y.exportShare <= cap + 1e-12, "case \(n), path \(path): share \(y.exportShare) over cap \(cap)")
                    #expect(y.export <= cap * y.generation * (1 + 1e-12) + 1e-9, "case \(n), path \(path)")
                }
            }
        }
    }
}

/// Plant numbers drawn per path (`HydrogenPlant.Parameter`).
extension HydrogenPathModelTests {
    /// The laws of the drawn plant numbers, by key path: each a distinct uniform, so its text is unique in the file.
    static let plantLaws: [(keyPath: String, law: String)] = [
        ("hydrogen.wind.capacityMW", "{distribution: uniform, min: 70, max: 130}"),
        ("hydrogen.electrolyser.capacityMW", "{distribution: uniform, min: 30, max: 55}"),
        ("hydrogen.electrolyser.availability", "{distribution: uniform, min: 0.85, max: 0.99}"),
        ("hydrogen.electrolyser.specificConsumption", "{distribution: uniform, min: 50, max: 56}"),
        ("hydrogen.electrolyser.degradationPerThousandHours", "{distribution: uniform, min: 0.0005, max: 0.002}"),
        ("hydrogen.electrolyser.stackLifeHours", "{distribution: uniform, min: 4000, max: 9000}"),
        ("hydrogen.battery.powerMW", "{distribution: uniform, min: 4, max: 16}"),
        ("hydrogen.battery.roundTripEfficiency", "{distribution: uniform, min: 0.8, max: 0.92}"),
    ]

    /// `yaml()` with every plant number of `plantLaws` given by `value(keyPath, law)`, capex and O&M per kW of
    /// the electrolyser and the wind, and stacks priced per kW.
    static func plantYAML(weather: String = "{draw: perPath, poolYears: 6}", _ value: (String, String) -> String = { $1 }) -> String {
        var text = yaml().replacingOccurrences(of: "weather: {draw: perPath, poolYears: 6}", with: "weather: \(weather)")
        func law(_ key: String) -> String { value(key, plantLaws.first { $0.keyPath == key }!.law) }
        text = text
            .replacingOccurrences(of: "wind: {capacityMW: 100}", with: "wind: {capacityMW: \(law("hydrogen.wind.capacityMW"))}")
            .replacingOccurrences(of: "electrolyser: {capacityMW: 40.0,", with: "electrolyser: {capacityMW: \(law("hydrogen.electrolyser.capacityMW")), availability: \(law("hydrogen.electrolyser.availability")), degradationPerThousandHours: \(law("hydrogen.electrolyser.degradationPerThousandHours")),")
            .replacingOccurrences(of: "specificConsumption: 52", with: "specificConsumption: \(law("hydrogen.electrolyser.specificConsumption"))")
            .replacingOccurrences(of: "stackLifeHours: 6000", with: "stackLifeHours: \(law("hydrogen.electrolyser.stackLifeHours"))")
            .replacingOccurrences(of: "cost: 20.0e6", with: "yuanPerKW: 500")
            .replacingOccurrences(of: "battery: {powerMW: 10,", with: "battery: {powerMW: \(law("hydrogen.battery.powerMW")), roundTripEfficiency: \(law("hydrogen.battery.roundTripEfficiency")),")
        return text + """

              capacityCosts:
                - {capacity: electrolyser, kind: capex, yuanPerKW: 1300, year: 2026, assetClass: plant}
                - {capacity: wind, kind: fixedOM, yuanPerKW: 70, id: wind-om}
            """
    }

    @Test("A path with a drawn plant equals a deterministic evaluation of its weather years and its plant, capex and O&M per kW included")
    func pathWithDrawnPlantEqualsDirectEvaluation() throws {
        let text = Self.plantYAML()
        #expect(Self.plantLaws.allSatisfy { text.contains($0.law) }, "every law is in the file")
        let paths = 10
        let study = try Self.study(text, paths: paths)
        let weather = try #require(study.hydrogenPath)
        #expect(weather.plantDraws.count == Self.plantLaws.count)
        let drawer = study.runner.drawer
        let s = try scenario(text)
        var capexes: Set<Double> = []
        for path in 0..<paths {
            var u = [Double](repeating: 0, count: drawer.dimension)
            study.runner.uniforms.fill(path: path, into: &u)
            let directText = Self.plantYAML { key, _ in
                let k = drawer.inputs.firstIndex { $0.keyPath == key }!
                return "\(drawer.draws[k].quantile.quantile(u[drawer.inputs[k].firstDimension]))"
            }
            let direct = try Self.withWeather(try scenario(directText), weather.pool.profiles(path: path, years: s.operatingYears)).evaluate()
            let drawn = study.runner.evaluatePath(path)
            Self.expectYearsEqual(drawn, direct, path: path)
            capexes.insert(drawn.capex[0])
            let npv = study.runner.metricValues(.equityNPV, paths: path..<(path + 1))[0]
            #expect(npv == direct.metrics.equityNPV.number, "path \(path): equity NPV")
        }
        // The electrolyser's capex follows each path's drawn capacity.
        #expect(capexes.count == paths)
    }

    @Test("A drawn plant with the weather fixed dispatches the base case's weather years with the path's plant")
    func drawnPlantWithFixedWeather() throws {
        let text = Self.plantYAML(weather: "{draw: fixed}")
        let study = try Self.study(text, paths: 4)
        let weather = try #require(study.hydrogenPath)
        #expect(!weather.pool.drawsYears)
        let s = try scenario(text)
        let base = try #require(s.modules.compactMap { $0 as? HydrogenModule }.first).baseWeather(for: s)
        #expect(weather.pool.profiles(path: 3, years: s.operatingYears) == base)
    }

    @Test("With a plant number drawn and an import rule, the grid-import line is there though the base case imports nothing")
    func drawnPlantKeepsTheImportLine() throws {
        let base = HydrogenModuleTests.yaml(extra: "  gridImport: {rule: belowPrice, maxPrice: 0.01}")
        let drawn = base.replacingOccurrences(of: "specificConsumption: 52", with: "specificConsumption: {distribution: uniform, min: 50, max: 54}")
        #expect(!(try scenario(base).compile().costLineIDs.contains("grid-import")), "the base case imports nothing")
        #expect(try scenario(drawn).compile().costLineIDs.contains("grid-import"))
    }

    @Test("A plant number whose distribution can draw values the file refuses is refused, naming the key and the range")
    func drawOutsideTheAcceptedRangeIsRefused() throws {
        let text = Self.yaml().replacingOccurrences(of: "electrolyser: {capacityMW: 40.0,", with: "electrolyser: {capacityMW: {distribution: normal, mean: 40, sd: 5},")
        do {
            _ = try Self.study(text, paths: 8)
            Issue.record("a capacity that can be drawn negative was accepted")
        } catch let error as ScenarioErrors {
            #expect(error.description.contains("hydrogen.electrolyser.capacityMW") && error.description.contains("[0, ∞)")
                    && error.description.contains("truncate"), "\(error)")
        }
        let truncated = text.replacingOccurrences(of: "sd: 5}", with: "sd: 5, truncate: [20, 60]}")
        #expect(try Self.study(truncated, paths: 8).hydrogenPath?.plantDraws.count == 1)
    }

    @Test("A plant number takes one draw per path: a per-year multiplier is refused")
    func perYearMultiplierOnThePlantIsRefused() throws {
        let text = Self.yaml().replacingOccurrences(of: "specificConsumption: 52", with: "specificConsumption: {base: 52, perYearMultiplier: {distribution: uniform, min: 0.9, max: 1.1}}")
        #expect(throws: ScenarioErrors.self) { try Self.study(text, paths: 8) }
    }
}
