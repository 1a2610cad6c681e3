import Testing
@testable import Steppe

@Suite("Yields and the export cap over paths with drawn weather")
struct WeatherYieldSummaryTests {
    /// Each of the first `paths` paths' dispatch years, from a direct simulation of their weather years.
    static func directYears(_ text: String, _ weather: PathWeather, paths: Int) throws -> [[DispatchYear]] {
        let s = try scenario(text)
        return try (0..<paths).map { path in
            let direct = PathWeatherTests.withWeather(s, weather.pool.profiles(path: path, years: s.operatingYears))
            return try HydrogenModuleWeatherTests.section(direct).simulate(for: direct)
        }
    }

    @Test("Yearly and lifetime P10/P50/P90 and the cap-binding probability agree with a direct computation over the same weather years")
    func agreesWithDirectComputation() throws {
        // A 60 MW electrolyser: the cap binds in some path-years and not in others.
        let text = PathWeatherTests.yaml(poolYears: 8).replacingOccurrences(of: "capacityMW: 40.0", with: "capacityMW: 60.0")
        let study = try PathWeatherTests.study(text, paths: 40)
        let summary = try #require(study.weatherYield(paths: 40))
        let direct = try Self.directYears(text, try #require(study.runner.lanes.weather), paths: 40)
        #expect(summary.paths == 40 && summary.years == [2027, 2028, 2029, 2030])
        func band(_ values: [Double]) -> [Double] {
            let sorted = values.sorted()
            return [0.1, 0.5, 0.9].map { interpolatedQuantile(sorted, $0) }
        }
        let hydrogen = try #require(summary.quantities.first { $0.name == "hydrogenProduced" })
        let share = try #require(summary.quantities.first { $0.name == "exportShare" })
        for k in 0..<4 {
            let h = hydrogen.yearly[k]
            #expect([h.p10, h.p50, h.p90] == band(direct.map { $0[k].hydrogenProduced }), "year \(k)")
            let s = share.yearly[k]
            #expect([s.p10, s.p50, s.p90] == band(direct.map { $0[k].exportShare }), "year \(k)")
            #expect(summary.capBindingProbability[k] == Double(direct.filter { $0[k].capBinds }.count) / 40)
        }
        let life = hydrogen.lifetime
        #expect([life.p10, life.p50, life.p90] == band(direct.map { $0.reduce(0) { $0 + $1.hydrogenProduced } }))
        let binding = direct.flatMap { $0 }.filter(\.capBinds).count
        #expect(binding > 0 && binding < 160, "the case shows the cap binding in some years only (\(binding) of 160)")
        #expect(summary.capBindingShareOfYears == Double(binding) / 160)
        // The yields vary with the weather.
        #expect(hydrogen.yearly[0].p10 < hydrogen.yearly[0].p90)
    }

    @Test("Over the first 1000 paths at most, and nothing without drawn weather")
    func pathLimit() throws {
        let study = try PathWeatherTests.study(PathWeatherTests.yaml(poolYears: 2), paths: 8)
        #expect(study.weatherYield(paths: 5000)?.paths == WeatherYieldSummary.pathLimit)
        let fixed = try MonteCarloStudy(scenario: try scenario(HydrogenModuleTests.yaml()), scenarioText: "",
                                        configuration: MonteCarloConfiguration(paths: 8))
        #expect(fixed.weatherYield(paths: 8) == nil)
    }
}
