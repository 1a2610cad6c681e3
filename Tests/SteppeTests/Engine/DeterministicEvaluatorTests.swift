import Foundation
import Testing
@testable import Steppe
import SteppeFiles

/// The deterministic evaluator: the one engine with the base case in every lane.
@Suite("Deterministic evaluator")
struct DeterministicEvaluatorTests {
    static let model: CompiledModel = {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path
        return try! ScenarioFile.load(path: path).compile()
    }()

    /// The yearly lines and metrics of `m` from a fresh evaluator.
    static func fresh(_ m: CompiledModel) -> (Workspace, Double) {
        var evaluator = DeterministicEvaluator(m)
        evaluator.run()
        return (evaluator.yearly, evaluator.metric(.equityNPV))
    }

    @Test("Incentive scales set on a reused evaluator give the bits of a model with those scales, in any order of runs")
    func incentiveScalesEqualAScaledModel() throws {
        let m = Self.model
        let n = m.incentives.count
        try #require(n >= 3)
        var reused = DeterministicEvaluator(m)
        // Withdraw each incentive in turn, then all, then none, on the same evaluator.
        let patterns: [[Double]] = (0..<n).map { k in (0..<n).map { $0 == k ? 0 : 1 } } + [Array(repeating: 0, count: n), Array(repeating: 1, count: n)]
        for scales in patterns {
            var scaled = m
            for i in 0..<n { scaled.incentiveScale[i] = m.incentiveScale[i] * scales[i] }
            let (expected, npv) = Self.fresh(scaled)
            reused.run(incentiveScales: scales, only: [.equityNPV])
            #expect(reused.yearly.equityCashFlow == expected.equityCashFlow, "scales \(scales)")
            #expect(reused.yearly.incentiveByItem.storage == expected.incentiveByItem.storage, "scales \(scales)")
            #expect(reused.metric(.equityNPV).bitPattern == npv.bitPattern, "scales \(scales)")
        }
    }
}
