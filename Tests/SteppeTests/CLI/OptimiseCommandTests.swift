import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("steppe optimise --statistic")
struct OptimiseCommandTests {
    /// The capped two-year plant of the optimiser's tests with a triangular hydrogen price (16, 20, 24 yuan/kg).
    static func uncertainFile() throws -> String {
        let yaml = SizingOptimiserTests.cappedYAML(hydrogenPrice: 20).replacingOccurrences(
            of: "hydrogenSales: {price: 20.0}", with: "hydrogenSales: {price: {distribution: triangular, min: 16, mode: 20, max: 24}}")
        precondition(yaml.contains("triangular"))
        return try temporaryFile(named: "uncertain.yaml", yaml)
    }

    static func optimise(_ file: String, _ extra: [String]) -> CommandResult {
        SteppeCommand.run(["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "3",
                           "--max-evaluations", "15", "--format", "json", "--quiet"] + extra)
    }

    static func json(_ result: CommandResult) throws -> JSONValue { try JSONValue(parsing: result.standardOutput) }

    @Test("The optimum of a Monte Carlo statistic is identical for --threads 1 and 2")
    func threadsDoNotChangeTheOptimum() throws {
        let file = try Self.uncertainFile()
        let args = ["--statistic", "p10", "--paths", "3000", "--seed", "5"]
        let one = Self.optimise(file, args + ["--threads", "1"]), two = Self.optimise(file, args + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.standardError)\(two.standardError)")
        let a = try Self.json(one), b = try Self.json(two)
        #expect(a["optimum"] != nil && a["optimum"] == b["optimum"])
        #expect(a["value"]?.number != nil && a["value"] == b["value"])
        #expect(a["search"] == b["search"])
    }

    @Test("The best P10 is no larger than the best mean of the same draws")
    func p10BelowMean() throws {
        let file = try Self.uncertainFile()
        let p10 = try Self.json(Self.optimise(file, ["--statistic", "p10", "--paths", "1000"]))["value"]?.number
        let mean = try Self.json(Self.optimise(file, ["--statistic", "mean", "--paths", "1000"]))["value"]?.number
        let low = try #require(p10), middle = try #require(mean)
        #expect(low < middle)
    }

    @Test("The result names the statistic and its draws, and gives its standard error at the optimum against the 1% flatness band")
    func standardErrorAtOptimum() throws {
        let result = Self.optimise(try Self.uncertainFile(), ["--statistic", "mean", "--paths", "800", "--seed", "9", "--sampler", "lhs"])
        #expect(result.status == 0, "\(result.standardError)")
        let objective = try #require(try Self.json(result)["objective"])
        #expect(objective["statistic"]?.string == "mean" && objective["paths"]?.number == 800)
        #expect(objective["seed"]?.string == "9" && objective["sampler"]?.string == "lhs")
        let se = try #require(objective["standardError"]?.number), band = try #require(objective["flatnessBand"]?.number)
        #expect(se > 0)
        #expect(objective["flatnessWiderThanNoise"]?.bool == (band > 2 * se))
        #expect(objective["definedPathsAtOptimum"]?.number == 800 && objective["undefinedPathsAtOptimum"]?.number == 0)
    }

    @Test("The text output says which statistic was optimised over how many paths with common random numbers")
    func textNamesTheStatistic() throws {
        let result = SteppeCommand.run(["optimise", try Self.uncertainFile(), "--vary", "hydrogen.electrolyser.capacityMW=10:120",
                                        "--grid-steps", "3", "--max-evaluations", "5", "--statistic", "p90", "--paths", "200", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("largest P90 of equityNPV"))
        #expect(result.standardOutput.contains("over 200 Monte Carlo paths (seed 1, sampler random), the same draws at every design point (common random numbers)"))
        #expect(result.standardOutput.contains("standard error"))
    }

    @Test("On a scenario without uncertain inputs the text says that every path is the base case")
    func noUncertainInputSaysSo() throws {
        let file = try temporaryFile(named: "capped.yaml", SizingOptimiserTests.cappedYAML(hydrogenPrice: 20))
        let result = SteppeCommand.run(["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "2",
                                        "--max-evaluations", "2", "--statistic", "mean", "--paths", "50", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("no uncertain input: every path is the base case"))
    }

    @Test("An unknown statistic is refused with the list of statistics")
    func badStatistic() {
        let result = SteppeCommand.run(["optimise", "x.yaml", "--vary", "a=1:2", "--statistic", "p95"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--statistic must be one of mean, p10, p50, p90 (got p95)"))
    }

    @Test("A statistic of a metric not tracked per path is refused, naming the metrics that are")
    func statisticNeedsPathMetric() {
        let result = SteppeCommand.run(["optimise", "x.yaml", "--vary", "a=1:2", "--statistic", "mean", "--metric", "breakEvenPrice"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--statistic needs a metric tracked per Monte Carlo path"))
        #expect(result.standardError.contains("equityNPV") && result.standardError.contains("(got breakEvenPrice)"))
    }

    @Test("--paths, --seed or --sampler without --statistic is refused rather than ignored")
    func drawsNeedStatistic() {
        let result = SteppeCommand.run(["optimise", "x.yaml", "--vary", "a=1:2", "--paths", "100"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("give --statistic mean, p10, p50 or p90 too"))
    }
}
