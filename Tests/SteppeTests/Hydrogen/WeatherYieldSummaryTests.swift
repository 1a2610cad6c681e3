import Testing
@testable import Steppe

@Suite("Yields and the export cap over paths with drawn weather")
struct WeatherYieldSummaryTests {
    /// Each of the first `paths` paths' dispatch years, from a direct simulation of their weather years.
    static func directYears(_ text: String, _ weather: HydrogenPathModel, paths: Int) throws -> [[DispatchYear]] {
        let s = try scenario(text)
        return try (0..<paths).map { path in
            let direct = HydrogenPathModelTests.withWeather(s, weather.pool.profiles(path: path, years: s.operatingYears))
            return try HydrogenModuleWeatherTests.section(direct).simulate(for: direct)
        }
    }

    @Test("Yearly and lifetime P10/P50/P90 and the cap-binding probability agree with a direct computation over the same weather years")
    func agreesWithDirectComputation() throws {
        // A 60 MW electrolyser: the cap binds in some path-years and not in others.
        let text = HydrogenPathModelTests.yaml(poolYears: 8).replacingOccurrences(of: "capacityMW: 40.0", with: "capacityMW: 60.0")
        let study = try HydrogenPathModelTests.study(text, paths: 40)
        let summary = try #require(study.weatherYield(paths: 40))
        let direct = try Self.directYears(text, try #require(study.hydrogenPath), paths: 40)
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

    @Test("P99, imports, operating hours and stack replacements per year and over the life agree with a direct computation")
    func newQuantitiesAgreeWithDirectComputation() throws {
        let text = HydrogenPathModelTests.yaml(poolYears: 8)
        let study = try HydrogenPathModelTests.study(text, paths: 24)
        let summary = try #require(study.weatherYield(paths: 24))
        let direct = try Self.directYears(text, try #require(study.hydrogenPath), paths: 24)
        func band(_ values: [Double]) -> [Double] {
            let sorted = values.sorted()
            return [0.1, 0.5, 0.9, 0.99].map { interpolatedQuantile(sorted, $0) }
        }
        let cases: [(String, (DispatchYear) -> Double)] = [
            ("hydrogenProduced", \.hydrogenProduced), ("gridImport", \.gridImport),
            ("operatingHours", \.electrolyserOperatingHours), ("stackReplacements", { Double($0.stackReplacements) }),
        ]
        for (name, value) in cases {
            let q = try #require(summary.quantities.first { $0.name == name }, "\(name)")
            for k in 0..<4 { #expect(q.yearly[k].levels.map(\.value) == band(direct.map { value($0[k]) }), "\(name), year \(k)") }
            #expect(q.lifetime.levels.map(\.value) == band(direct.map { $0.reduce(0) { $0 + value($1) } }), "\(name), life")
        }
        // The case imports to keep the minimum load, and replaces stacks every 6000 h.
        #expect(summary.quantities.first { $0.name == "gridImport" }!.lifetime.p50 > 0)
        #expect(summary.quantities.first { $0.name == "stackReplacements" }!.lifetime.p50 >= 1)
    }

    @Test("The lenders' one-year and multi-year P90 yields are the 10th percentiles of a year's and of a path's mean year over the same weather years")
    func lenderYieldAgreesWithDirectComputation() throws {
        let text = HydrogenPathModelTests.yaml(poolYears: 8)
        let study = try HydrogenPathModelTests.study(text, paths: 30)
        let summary = try #require(study.weatherYield(paths: 30))
        let direct = try Self.directYears(text, try #require(study.hydrogenPath), paths: 30)
        let l = try #require(summary.lenderYield)
        #expect(l.years == 4, "a 4-year life takes all 4 years")
        let years = direct.flatMap { $0.map(\.hydrogenProduced) }.sorted()
        #expect(l.oneYearP90 == interpolatedQuantile(years, 0.1) && l.oneYearP50 == interpolatedQuantile(years, 0.5))
        let means = direct.map { $0.reduce(0) { $0 + $1.hydrogenProduced } / 4 }.sorted()
        #expect(l.multiYearP90 == interpolatedQuantile(means, 0.1) && l.multiYearP50 == interpolatedQuantile(means, 0.5))
        // Averaging over years narrows the spread: the mean year's P90 is nearer its P50.
        #expect(l.multiYearP50 - l.multiYearP90 < l.oneYearP50 - l.oneYearP90)
    }

    @Test("The curtailment histogram counts every path's mean yearly curtailment")
    func curtailmentHistogram() throws {
        let text = HydrogenPathModelTests.yaml(poolYears: 8).replacingOccurrences(of: "capacityMW: 40.0", with: "capacityMW: 60.0")
        let study = try HydrogenPathModelTests.study(text, paths: 40)
        let summary = try #require(study.weatherYield(paths: 40))
        let direct = try Self.directYears(text, try #require(study.hydrogenPath), paths: 40)
        let h = try #require(summary.curtailmentHistogram)
        #expect(h == EqualBinHistogram(direct.map { $0.reduce(0) { $0 + $1.curtailment } / 4 }, bins: WeatherYieldSummary.curtailmentBins))
        #expect(h.counts.reduce(0, +) == 40 && h.lower < h.upper)
    }

    @Test("Over the first 1000 paths at most, and nothing without drawn weather")
    func pathLimit() throws {
        let study = try HydrogenPathModelTests.study(HydrogenPathModelTests.yaml(poolYears: 2), paths: 1010)
        func summarisedPaths(_ paths: Int) -> Double? {
            study.modulePathSummaries(paths: paths).first { $0.key == "hydrogenWeather" }?.json["paths"]?.number
        }
        #expect(summarisedPaths(1010) == Double(WeatherYieldSummary.pathLimit))
        #expect(summarisedPaths(5000) == Double(WeatherYieldSummary.pathLimit), "never past the study's paths")
        #expect(summarisedPaths(600) == 600)
        let fixed = try MonteCarloStudy(scenario: try scenario(HydrogenModuleTests.yaml()), scenarioText: "",
                                        configuration: MonteCarloConfiguration(paths: 8))
        #expect(fixed.modulePathSummaries(paths: 8).isEmpty)
    }
}
