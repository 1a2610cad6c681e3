import Foundation
import Testing
@testable import Steppe

@Suite("The hydrogen section's weather key")
struct HydrogenModuleWeatherTests {
    static func section(_ s: Scenario) throws -> HydrogenModule {
        try #require(s.modules.compactMap { $0 as? HydrogenModule }.first)
    }

    @Test("Without the key the weather is fixed; draw: perPath takes poolYears, 100 when not given")
    func readsTheWeather() throws {
        #expect(try Self.section(scenario(HydrogenModuleTests.yaml())).weather == .fixed)
        #expect(try Self.section(scenario(HydrogenModuleTests.yaml(extra: "  weather: {draw: fixed}"))).weather == .fixed)
        #expect(try Self.section(scenario(HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath}"))).weather == .perPath(poolYears: 100))
        #expect(try Self.section(scenario(HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath, poolYears: 7}"))).weather
                == .perPath(poolYears: 7))
    }

    @Test("Bad weather keys are refused with their key path and line", arguments: [
        ("  weather: {draw: perPth}", "hydrogen.weather.draw: 'perPth' is not one of fixed, perPath; did you mean 'perPath'?"),
        ("  weather: {draw: fixed, poolYears: 5}", "hydrogen.weather.poolYears: applies only to draw: perPath"),
        ("  weather: {draw: perPath, poolYears: 0}", "hydrogen.weather.poolYears"),
        ("  weather: {poolYears: 5}", "hydrogen.weather.draw: missing"),
    ])
    func badKeysAreRefused(extra: String, message: String) {
        let error = #expect(throws: ScenarioErrors.self) { try scenario(HydrogenModuleTests.yaml(extra: extra)) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("test.yaml:") == true, "\(error?.description ?? "")")
    }

    @Test("A drawn weather needs the synthetic profile: with a CSV profile it is refused and says why")
    func csvProfileIsRefused() throws {
        let n = ResourceProfile.hoursPerYear
        let csv = try temporaryFile(named: "profile.csv", "wind,solar\n" + String(repeating: "0.3,0.2\n", count: n))
        let text = HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath}", profile: "{csv: \(csv)}")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.description.contains("hydrogen.weather.draw: draw: perPath needs a synthetic profile") == true, "\(error?.description ?? "")")
    }

    @Test("The deterministic evaluation keeps the base weather: drawn or fixed, the same evaluation")
    func evaluationKeepsTheBaseWeather() throws {
        let fixed = try evaluate(HydrogenModuleTests.yaml())
        let drawn = try evaluate(HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath, poolYears: 3}"))
        #expect(drawn.years == fixed.years)
        #expect(drawn.metrics.equityNPV.number == fixed.metrics.equityNPV.number)
    }
}
