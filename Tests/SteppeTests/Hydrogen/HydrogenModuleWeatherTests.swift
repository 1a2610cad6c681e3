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

    @Test("A drawn weather resamples whole years: with a CSV profile of one year it is refused and says why")
    func oneYearCSVProfileIsRefused() throws {
        let n = ResourceProfile.hoursPerYear
        let csv = try temporaryFile(named: "profile.csv", "wind,solar\n" + String(repeating: "0.3,0.2\n", count: n))
        let text = HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath}", profile: "{csv: \(csv)}")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.description.contains("hydrogen.weather.draw: draw: perPath resamples whole years: a CSV profile needs several years") == true,
                "\(error?.description ?? "")")
        #expect(error?.description.contains("test.yaml:") == true, "\(error?.description ?? "")")
    }

    /// A CSV profile of `years` whole years, year `y` blowing at a capacity factor of 0.1 × (y + 1).
    static func recordCSV(years: Int) throws -> String {
        var text = "# a record of \(years) years\nhour,wind,solar\n"
        for h in 0..<(years * ResourceProfile.hoursPerYear) {
            text += "\(h),\(0.1 * Double(h / ResourceProfile.hoursPerYear + 1)),\(h % 24 == 12 ? 0.7 : 0)\n"
        }
        return try temporaryFile(named: "record.csv", text)
    }

    @Test("A CSV profile of several years is a record: operating year k dispatches its year k mod N")
    func recordYearsFollowEachOther() throws {
        let csv = try Self.recordCSV(years: 3)
        let s = try scenario(HydrogenModuleTests.yaml(profile: "{csv: \(csv)}"))   // 4 operating years
        let section = try Self.section(s)
        guard case .record(let years) = section.profiles else { Issue.record("not a record: \(section.profiles)"); return }
        #expect(years.map { $0.wind[0] } == [0.1, 0.2, 0.1 * 3])
        #expect(section.baseWeather(for: s) == [years[0], years[1], years[2], years[0]])
        // The same years given one per operating year dispatch the same.
        let yearly = HydrogenPathModelTests.withWeather(s, section.baseWeather(for: s))
        #expect(section.simulate(for: s) == (try Self.section(yearly)).simulate(for: yearly))
    }

    @Test("With a CSV profile of several years, draw: perPath draws from its years; poolYears is refused with its key path and line")
    func recordIsThePool() throws {
        let csv = try Self.recordCSV(years: 3)
        let drawn = try scenario(HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath}", profile: "{csv: \(csv)}"))
        #expect(try Self.section(drawn).weather == .perPath(poolYears: 3))
        let text = HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath, poolYears: 5}", profile: "{csv: \(csv)}")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.description.contains("hydrogen.weather.poolYears: applies only to a synthetic profile: the pool of a CSV profile is its 3 years")
                == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("test.yaml:") == true, "\(error?.description ?? "")")
    }

    @Test("The deterministic evaluation keeps the base weather: drawn or fixed, the same evaluation")
    func evaluationKeepsTheBaseWeather() throws {
        let fixed = try evaluate(HydrogenModuleTests.yaml())
        let drawn = try evaluate(HydrogenModuleTests.yaml(extra: "  weather: {draw: perPath, poolYears: 3}"))
        #expect(drawn.years == fixed.years)
        #expect(drawn.metrics.equityNPV.number == fixed.metrics.equityNPV.number)
    }
}
