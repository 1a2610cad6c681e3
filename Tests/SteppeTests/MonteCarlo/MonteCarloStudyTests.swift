import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Monte Carlo study")
struct MonteCarloStudyTests {
    static let hourly = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-hourly.yaml").path

    @Test("A study with more paths compiles and dispatches nothing again, and runs as a study built with that many paths")
    func withPathsKeepsTheCompiledStudy() throws {
        let (scenario, text) = try ScenarioFile.loadWithText(path: Self.hourly)
        let study = try MonteCarloStudy(scenario: scenario, scenarioText: text,
                                        configuration: MonteCarloConfiguration(paths: 64, seed: 3, chunkSize: 32))
        var doubled: MonteCarloStudy?
        let runs = try ModuleLifeCycleTests.dispatchRuns { doubled = try study.withPaths(128) }
        #expect(runs == 0)
        let fresh = try MonteCarloStudy(scenario: scenario, scenarioText: text,
                                        configuration: MonteCarloConfiguration(paths: 128, seed: 3, chunkSize: 32))
        let more = try #require(doubled)
        #expect(more.runner.identity == fresh.runner.identity)
        #expect(more.resultJSON(more.runner.run(threads: 2)).serialized() == fresh.resultJSON(fresh.runner.run(threads: 1)).serialized())
    }
}
