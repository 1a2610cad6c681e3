import Foundation
import Testing
@testable import Steppe

@Suite("The first paths, evaluated once after a run for its fan chart and its modules' summaries")
struct MonteCarloRunnerFirstPathsTests {
    @Test("One evaluation of the first paths serves the fan and the module summaries: each path's module model runs once")
    func firstPathsRunEachPathOnce() throws {
        let runs = GadgetRunCount()
        let study = try ModulePathLanesTests.study(paths: 16, counting: runs)
        let state = study.runner.run()
        let before = runs.count
        _ = study.firstPaths(state)
        // The fan's 16 paths (two groups of eight) cover the summary's 5: no group runs twice.
        #expect(runs.count - before == 16)
    }

    @Test("The fan and the module summaries of the shared evaluation equal those of each path evaluated apart")
    func firstPathsEqualPathsEvaluatedApart() throws {
        let study = try ModulePathLanesTests.study(paths: 16)
        let first = study.firstPaths(study.runner.run())
        let flows = study.runner.evaluatePaths(0..<16).map(\.equityCashFlow)
        #expect(first.equityCashFlows.map { $0.map(\.bitPattern) } == flows.map { $0.map(\.bitPattern) })
        #expect(first.moduleSummaries.map(\.json) == [.array((0..<5).map { .number(Double($0)) })],
                "the gadgets' first `summaryPathLimit` paths, in order")
    }

    @Test("The result JSON and the text summary of a run share one evaluation of the first paths")
    func resultAndTextShareTheFirstPaths() throws {
        let runs = GadgetRunCount()
        let study = try ModulePathLanesTests.study(paths: 16, counting: runs)
        let state = study.runner.run()
        let first = study.firstPaths(state)
        let before = runs.count
        let json = study.resultJSON(state, firstPaths: first)
        let text = MonteCarloText.summary(study: study, state: state, moduleSummaries: first.moduleSummaries)
        #expect(json["gadgets"] == first.moduleSummaries[0].json)
        #expect(text.contains("gadget paths [0, 1, 2, 3, 4]"))
        // Only the representative paths are evaluated again, each once.
        let representatives = try #require(json["representativePaths"]?.array?.count)
        #expect(runs.count - before == representatives)
    }

    @Test("A run that collects its first paths as its workers run them gives the same state and the same first paths; none is evaluated again",
          arguments: [1, 2])
    func runCollectsItsFirstPaths(threads: Int) throws {
        let runs = GadgetRunCount()
        // Chunks of eight paths: the first 16 paths are two chunks, which two workers may share.
        let study = try ModulePathLanesTests.study(paths: 40, chunkSize: 8, counting: runs)
        let collector = study.firstPathsCollector()
        let state = study.runner.run(threads: threads, collecting: collector)
        #expect(study.resultJSON(state).serialized() == study.resultJSON(study.runner.run(threads: 1)).serialized())
        let before = runs.count
        let first = study.firstPaths(state, collected: collector)
        #expect(runs.count == before, "the collected paths are not run again")
        let evaluated = study.firstPaths(state)
        #expect(first.equityCashFlows.map { $0.map(\.bitPattern) } == evaluated.equityCashFlows.map { $0.map(\.bitPattern) })
        #expect(first.moduleSummaries.map(\.json) == evaluated.moduleSummaries.map(\.json))
    }

    @Test("An interrupted run's collector is incomplete: its first paths are evaluated after it")
    func interruptedRunEvaluatesItsFirstPaths() throws {
        let runs = GadgetRunCount()
        let study = try ModulePathLanesTests.study(paths: 40, chunkSize: 8, counting: runs)
        let collector = study.firstPathsCollector()
        let state = study.runner.run(threads: 1, isCancelled: { true }, collecting: collector)
        #expect(collector.firstPaths == nil)
        let before = runs.count
        _ = study.firstPaths(state, collected: collector)
        #expect(runs.count - before == 40, "the fan's 40 paths, five groups of eight")
    }
}
