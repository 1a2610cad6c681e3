import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Monte Carlo runner")
struct MonteCarloRunnerTests {
    /// No tax, no debt: equity NPV = -C + P Q a, linear in the price P, drawn uniform on [100, 200].
    static let yaml = """
        name: linear
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: {distribution: uniform, min: 100, max: 200}}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    static func runner(paths: Int, exactLimit: Int = 1_000_000) throws -> MonteCarloRunner {
        let s = try scenario(yaml)
        let model = try s.compile()
        let drawer = try StochasticModel(scenario: s, model: model)
        return MonteCarloRunner(model: model, drawer: drawer, uniforms: try RandomSampler(seed: 7, pathCount: paths, dimensions: 1),
                                configuration: MonteCarloConfiguration(paths: paths, seed: 7, chunkSize: 256, exactQuantileLimit: exactLimit),
                                scenarioText: yaml)
    }

    static func summaryJSON(_ state: RunState, _ runner: MonteCarloRunner) -> String {
        MonteCarloSummary(state, thresholds: PathMetric.allCases.map { runner.threshold($0) }).json().serialized()
    }

    @Test("A linear model's mean and variance match the analytic values")
    func linearModel() throws {
        let r = try Self.runner(paths: 100_000)
        let summary = MonteCarloSummary(r.run(threads: 2), thresholds: PathMetric.allCases.map { r.threshold($0) })
        let npv = try #require(summary.statistics.first { $0.metric == .equityNPV })
        let a = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        // P ~ U(100, 200): E[NPV] = -C + 150 Q a, SD[NPV] = Q a (100 / sqrt 12).
        let mean = -1_000_000 + 150 * 1000 * a, sd = 1000 * a * 100 / 12.0.squareRoot()
        let m = try #require(npv.mean), s = try #require(npv.standardDeviation)
        #expect(abs(m - mean) <= 5 * sd / 100_000.0.squareRoot())
        #expect(abs(s - sd) / sd < 0.01)
        #expect(npv.count == 100_000 && npv.undefined == 0)
        // P(NPV < 0) = P(P < C / (Q a)).
        let p = (1_000_000 / (1000 * a) - 100) / 100
        #expect(abs(try #require(npv.probabilityBelow) - p) < 0.005)
    }

    @Test("A metric's statistics do not depend on which other metrics a run computes (equity-only runs skip the unlevered tax)")
    func metricSubsetsAgree() throws {
        let (scenario, text) = try ScenarioFile.loadWithText(path: packageRootURL.appendingPathComponent("Benchmarks/reference-model.yaml").path)
        func statistics(_ metrics: [PathMetric]) throws -> [String: String] {
            let config = MonteCarloConfiguration(paths: 3000, seed: 5, metrics: metrics)
            let study = try MonteCarloStudy(scenario: scenario, scenarioText: text, configuration: config)
            let summary = MonteCarloSummary(study.runner.run(threads: 2), thresholds: study.thresholds)
            return Dictionary(uniqueKeysWithValues: summary.statistics.map { ($0.metric.name, "\($0)") })
        }
        let all = try statistics(PathMetric.allCases), equityOnly = try statistics([.equityNPV, .minDSCR, .equityPaybackYears, .levelizedCost])
        for name in ["equityNPV", "minDSCR", "equityPaybackYears", "levelizedCost"] {
            #expect(equityOnly[name] != nil && equityOnly[name] == all[name], "\(name)")
        }
    }

    @Test("One and two threads give byte-identical JSON", arguments: [false, true])
    func threadIndependence(sketch: Bool) throws {
        let r = try Self.runner(paths: 5000, exactLimit: sketch ? 1000 : 1_000_000)
        let one = Self.summaryJSON(r.run(threads: 1), r)
        let two = Self.summaryJSON(r.run(threads: 2), r)
        let three = Self.summaryJSON(r.run(threads: 3), r)
        #expect(one == two && two == three)
        #expect(one.contains("\"p50\""))
    }

    @Test("Four shards merged give byte-identical JSON to the unsharded run", arguments: [false, true])
    func shardsMerge(sketch: Bool) throws {
        let r = try Self.runner(paths: 5000, exactLimit: sketch ? 1000 : 1_000_000)
        let whole = r.run(threads: 2)
        var shards: [RunState] = []
        for i in [3, 1, 4, 2] {
            let state = r.run(shard: Shard(index: i, count: 4), threads: 1)
            // Through the shard file format and back.
            shards.append(try RunState(jsonData: Data(state.json.serialized().utf8)))
        }
        let merged = try RunState.merging(shards)
        #expect(merged.missingRanges.isEmpty)
        #expect(Self.summaryJSON(merged, r) == Self.summaryJSON(whole, r))
        #expect(merged.json.serialized() == whole.json.serialized())
    }

    @Test("A missing shard is named by the paths it would cover")
    func missingShard() throws {
        let r = try Self.runner(paths: 4096)
        let merged = try RunState.merging([1, 2, 4].map { r.run(shard: Shard(index: $0, count: 4)) })
        #expect(merged.missingRanges == [2048..<3072])
    }

    @Test("Shards of different runs do not merge")
    func differentRuns() throws {
        let a = try Self.runner(paths: 2048).run(shard: Shard(index: 1, count: 2))
        var other = try Self.runner(paths: 2048).run(shard: Shard(index: 2, count: 2))
        other.identity.configuration.seed = 8
        #expect(throws: RunState.MergeError.self) { try RunState.merging([a, other]) }
    }

    @Test("Shards whose paths partly overlap do not merge")
    func overlappingShards() throws {
        // Half 1 of 2 and third 2 of 3 of 2048 paths: the third starts inside the half and ends after it.
        let r = try Self.runner(paths: 2048)
        let half = r.run(shard: Shard(index: 1, count: 2)), third = r.run(shard: Shard(index: 2, count: 3))
        let a = try #require(half.ranges.last), b = try #require(third.ranges.first)
        #expect(b.lowerBound < a.upperBound && a.upperBound < b.upperBound)
        #expect {
            try RunState.merging([third, half])
        } throws: { error in
            if case .overlap = error as? RunState.MergeError { return true }
            return false
        }
    }

    @Test("A cancelled run returns a partial state that says so")
    func cancellation() throws {
        let r = try Self.runner(paths: 10_000)
        let state = r.run(threads: 1, isCancelled: { true })
        #expect(state.isPartial && state.completedPaths == 0)
    }

    @Test("Representative paths are the ones nearest P10, P50 and P90 of equity NPV")
    func representativePaths() throws {
        let r = try Self.runner(paths: 2000)
        let summary = MonteCarloSummary(r.run(threads: 2), thresholds: PathMetric.allCases.map { r.threshold($0) })
        let reps = summary.representativePaths()
        #expect(reps.map(\.percentile) == [10, 50, 90])
        let npv = summary.statistics[0]
        for rep in reps {
            let target = npv.percentiles.first { $0.0 == rep.percentile }!.1
            let ws = r.evaluatePath(rep.path)
            #expect(netPresentValue(rate: 0.08, ws.equityCashFlow) == rep.equityNPV)
            #expect(abs(rep.equityNPV - target) < 1000 * 6.7 * 0.5, "nearest path within half a price step")
        }
    }

    @Test("With sketched quantiles the result still names representative paths: the nearest among the first paths, for any thread count")
    func representativePathsWithSketch() throws {
        let (scenario, text) = try ScenarioFile.loadWithText(path: packageRootURL.appendingPathComponent("Benchmarks/reference-model.yaml").path)
        let config = MonteCarloConfiguration(paths: 3000, seed: 9, exactQuantileLimit: 0, metrics: [.equityNPV])
        let study = try MonteCarloStudy(scenario: scenario, scenarioText: text, configuration: config)
        let one = study.resultJSON(study.runner.run(threads: 1)), two = study.resultJSON(study.runner.run(threads: 2))
        #expect(one.serialized() == two.serialized())
        let reps = try #require(one["representativePaths"]?.array)
        #expect(reps.compactMap { $0["percentile"]?.number } == [10, 50, 90])
        let percentiles = try #require(one["metrics"]?["equityNPV"])
        for rep in reps {
            let path = Int(try #require(rep["path"]?.number)), npv = try #require(rep["equityNPV"]?.number)
            let p = Int(try #require(rep["percentile"]?.number))
            let ws = study.runner.evaluatePath(path)
            #expect(discountedSum(ws.equityCashFlow, study.runner.model.equityDiscountFactors) == npv)
            // 3000 paths of an NPV with sd 25 million: the nearest path lies well within 1 million of the percentile.
            let target = try #require(percentiles["p\(p)"]?.number)
            #expect(abs(npv - target) < 1e6, "P\(p): path \(path) at \(npv), percentile \(target)")
        }
    }

    @Test("A path without uncertainty gives the deterministic evaluation's value of every metric")
    func degeneratePathEqualsEvaluation() throws {
        // Random scenarios without any distribution: every path is the base case, so each path metric
        // must equal the metric of the same name in `Metrics` (computed by a separate code path).
        for seed in 0..<60 {
            let s = EngineInvariantTests.randomScenario(seed)
            let e = try s.evaluate()
            let model = try s.compile()
            let drawer = try StochasticModel(scenario: s, model: model)
            let paths = 9
            let runner = MonteCarloRunner(
                model: model, drawer: drawer,
                uniforms: try SamplingMethod.random.sampler(seed: 3, pathCount: paths, dimensions: drawer.dimension),
                configuration: MonteCarloConfiguration(paths: paths, seed: 3, chunkSize: 4, exactQuantileLimit: paths),
                scenarioText: "random \(seed)")
            let values = try #require(runner.run(threads: 1).values)
            for metric in PathMetric.allCases {
                let deterministic = try #require(e.metrics.all.first { $0.name == metric.name }).value
                for path in 0..<paths {
                    let x = values[metric.rawValue][path]
                    switch deterministic {
                    case .value(let expected):
                        #expect(abs(x - expected) <= 1e-9 * max(1, abs(expected)),
                                "seed \(seed), \(metric.name), path \(path): \(x) vs \(expected)")
                    case .undefined:
                        #expect(x.isNaN, "seed \(seed), \(metric.name), path \(path): \(x) but undefined")
                    }
                }
            }
        }
    }

    /// The linear model's runner of `paths` paths in chunks of 256, with `sampler`'s draws.
    static func runner(paths: Int, sampler: SamplingMethod, exactLimit: Int = 1_000_000) throws -> MonteCarloRunner {
        let s = try scenario(yaml)
        let model = try s.compile()
        let drawer = try StochasticModel(scenario: s, model: model)
        let config = MonteCarloConfiguration(paths: paths, seed: 7, sampler: sampler, chunkSize: 256, exactQuantileLimit: exactLimit)
        return MonteCarloRunner(model: model, drawer: drawer, uniforms: try sampler.sampler(seed: 7, pathCount: paths, dimensions: 1),
                                configuration: config, scenarioText: yaml)
    }

    @Test("A run continuing an earlier run of whole chunks runs only the new paths and equals the full run to the byte",
          arguments: [false, true])
    func continuedRunEqualsFullRun(sketch: Bool) throws {
        let limit = sketch ? 100 : 1_000_000
        let earlier = try Self.runner(paths: 512, sampler: .random, exactLimit: limit).run(threads: 2)
        let later = try Self.runner(paths: 1024, sampler: .random, exactLimit: limit)
        #expect(later.pathsAfter(earlier) == 512..<1024)
        let continued = later.run(continuing: earlier, threads: 2)
        #expect(continued.ranges == [0..<1024] && continued.completedPaths == 1024)
        #expect(Self.summaryJSON(continued, later) == Self.summaryJSON(later.run(threads: 1), later))
    }

    @Test("A run does not continue an earlier one that ended inside a chunk, or whose draws depend on the path count; it runs every path")
    func runsEveryPathWhenContinuingWouldChangeBits() throws {
        let insideChunk = try Self.runner(paths: 500, sampler: .random).run(threads: 1)
        let random = try Self.runner(paths: 1000, sampler: .random)
        #expect(random.pathsAfter(insideChunk) == nil)
        #expect(Self.summaryJSON(random.run(continuing: insideChunk, threads: 1), random) == Self.summaryJSON(random.run(threads: 1), random))
        let strata = try Self.runner(paths: 512, sampler: .latinHypercube).run(threads: 1)
        let latin = try Self.runner(paths: 1024, sampler: .latinHypercube)
        #expect(latin.pathsAfter(strata) == nil)
        #expect(Self.summaryJSON(latin.run(continuing: strata, threads: 1), latin) == Self.summaryJSON(latin.run(threads: 1), latin))
    }

    @Test("An exact-quantile run is not continued into a sketched one (their states differ in kind)")
    func exactRunIsNotContinuedIntoSketch() throws {
        let exact = try Self.runner(paths: 512, sampler: .random, exactLimit: 600).run(threads: 1)
        let sketched = try Self.runner(paths: 1024, sampler: .random, exactLimit: 600)
        #expect(sketched.pathsAfter(exact) == nil)
    }

    @Test("A single path's evaluation runs its modules' per-path models once, and equals its lane in a group's evaluation")
    func singlePathRunsItsModuleModelOnce() throws {
        let runs = GadgetRunCount()
        let study = try ModulePathLanesTests.study(paths: 16, counting: runs)
        let alone = study.runner.evaluatePath(3)
        #expect(runs.count == 1)
        let inGroup = study.runner.evaluatePaths(0..<8)[3]
        #expect(alone.equityCashFlow.map(\.bitPattern) == inGroup.equityCashFlow.map(\.bitPattern))
        #expect(alone.revenue.map(\.bitPattern) == inGroup.revenue.map(\.bitPattern))
    }
}
