import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Sampled statistic")
struct SampledStatisticTests {
    /// A project whose equity NPV is linear in a uniformly distributed price: one product of 1e6 units
    /// a year at U(10, 30) yuan for 5 years (discounted 1 to 5 years), no tax, no debt, one outlay.
    static let uniformPriceYAML = """
        name: uniform price
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 5
        assetClasses: [{id: plant, lifeYears: 5}]
        capex: [{year: 2026, assetClass: plant, amount: 50e6}]
        products: [{id: widget, unit: unit, quantity: 1e6, price: {distribution: uniform, min: 10, max: 30}}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    static func scenario() throws -> Scenario { try ScenarioFile.parse(uniformPriceYAML, file: "u.yaml") }

    @Test("The standard error of a percentile matches the closed form n^-1/2 √(q(1−q)) / density for a linear metric of a uniform input")
    func percentileStandardErrorMatchesClosedForm() throws {
        let paths = 4000
        let e = try SampledStatistic(statistic: .p10, paths: paths, seed: 3).estimate(Self.scenario(), metric: .equityNPV)
        // NPV = a + b·price, b = 1e6 · Σ 1.08^-t over the 5 operating years; the price's density is 1/20.
        // The estimate's own sampling error is about 5% here (the density from 400 order statistics).
        let b = 1e6 * (1...5).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        let expected = b * 20 * (0.1 * 0.9 / Double(paths)).squareRoot()
        let se = try #require(e.standardError)
        #expect(abs(se - expected) <= 0.15 * expected, "standard error \(se), closed form \(expected)")
    }

    @Test("The mean's standard error is the paths' standard deviation over √n")
    func meanStandardErrorIsSpreadOverRootN() throws {
        let paths = 4000
        let e = try SampledStatistic(statistic: .mean, paths: paths, seed: 3).estimate(Self.scenario(), metric: .equityNPV)
        let b = 1e6 * (1...5).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        let expected = b * 20 / 12.0.squareRoot() / Double(paths).squareRoot()
        let se = try #require(e.standardError)
        #expect(abs(se - expected) <= 0.05 * expected, "standard error \(se), closed form \(expected)")
    }

    @Test("The statistic is the run summary's: the same value as `steppe run` reports for that metric")
    func valueIsTheRunSummarys() throws {
        let scenario = try Self.scenario()
        let e = try SampledStatistic(statistic: .p90, paths: 500, seed: 5, sampler: .sobol).estimate(scenario, metric: .equityNPV)
        let study = try MonteCarloStudy(scenario: scenario, scenarioText: "", configuration: MonteCarloConfiguration(paths: 500, seed: 5, sampler: .sobol))
        let stats = MonteCarloSummary(study.runner.run(), thresholds: study.thresholds).statistics.first { $0.metric == .equityNPV }
        #expect(e.value == stats?.percentiles.first { $0.0 == 90 }?.1)
        #expect(e.definedPaths == 500 && e.undefinedPaths == 0)
    }

    @Test("Paths where the metric is undefined are counted and left out of the statistic")
    func undefinedPathsAreCountedNotAveraged() throws {
        // Price U(-10, 30): on the paths with a price at or below zero no year's cash flow is positive,
        // so the equity IRR is undefined there (about a quarter of the paths).
        let yaml = Self.uniformPriceYAML.replacingOccurrences(of: "min: 10, max: 30", with: "min: -10, max: 30")
        let scenario = try ScenarioFile.parse(yaml, file: "u.yaml")
        let e = try SampledStatistic(statistic: .mean, paths: 400, seed: 9).estimate(scenario, metric: .equityIRR)
        #expect(e.undefinedPaths > 0 && e.definedPaths > 0)
        #expect(e.definedPaths + e.undefinedPaths == 400)
        let value = try #require(e.value)
        #expect(value.isFinite)
    }
}
