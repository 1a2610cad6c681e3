import Foundation
import Testing
@testable import Steppe
import SteppeFiles
@testable import SteppeCLI

/// Each module's work runs once per evaluation (`ScenarioModule.prepared(for:)`, `ContributedScenario`).
@Suite("Module life cycle")
struct ModuleLifeCycleTests {
    static let hourly = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-hourly.yaml").path

    /// Runs `body` and returns how many times the hydrogen dispatch ran inside it.
    static func dispatchRuns(_ body: () throws -> Void) rethrows -> Int {
        let counter = DispatchRunCounter()
        try DispatchRunCounter.$current.withValue(counter) { try body() }
        return counter.count
    }

    @Test("Reading and evaluating a hydrogen scenario dispatches its years once")
    func readAndEvaluateDispatchOnce() throws {
        let runs = try Self.dispatchRuns { _ = try ScenarioFile.load(path: Self.hourly).evaluate() }
        #expect(runs == 1)
    }

    @Test("steppe evaluate of a hydrogen scenario dispatches its years once")
    func evaluateCommandDispatchesOnce() throws {
        let runs = Self.dispatchRuns { #expect(SteppeCommand.run(["evaluate", Self.hourly]).status == 0) }
        #expect(runs == 1)
    }

    @Test("steppe run of a hydrogen scenario dispatches its years once")
    func runCommandDispatchesOnce() throws {
        let runs = Self.dispatchRuns {
            let result = SteppeCommand.run(["run", Self.hourly, "--paths", "64", "--threads", "1", "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(runs == 1)
    }

    @Test("A scenario whose calendar changes after reading is dispatched again, once, for its new years")
    func changedCalendarDispatchesAgain() throws {
        var scenario = try ScenarioFile.load(path: Self.hourly)
        scenario.operatingYears -= 5
        var evaluation: Evaluation?
        let runs = try Self.dispatchRuns { evaluation = try scenario.evaluate() }
        #expect(runs == 1)
        let e = try #require(evaluation)
        let generation = try #require(e.moduleSeries.first { $0.name == "generationMWh" })
        #expect(generation.values.count == e.years.count)
    }

    @Test("The module series of an evaluation come from the run that made its lines")
    func seriesMatchTheLines() throws {
        let evaluation = try ScenarioFile.load(path: Self.hourly).evaluate()
        let delivered = try #require(evaluation.moduleSeries.first { $0.name == "hydrogenDeliveredKg" })
        let h = try #require(evaluation.model.productIDs.firstIndex(of: "hydrogen"))
        for t in 0..<evaluation.years.count { #expect(evaluation.model.quantity[h, t] == delivered.values[t]) }
    }
}
