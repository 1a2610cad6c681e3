import Foundation
import Testing
@testable import Steppe

@Suite("Policy-risk comparison")
struct PolicyRiskComparisonTests {
    /// What a progress callback was told, from any thread.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        func add(_ done: Int) { lock.lock(); values.append(done); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return values }
    }

    @Test("Its progress counts both runs, with and without policy risk, up to twice the paths")
    func progressCoversBothRuns() throws {
        let text = SensitivityTests.yaml + """

            incentives:
              - {id: award, kind: annualAward, amountPerYear: 50000, validFrom: 2027, assumption: test, policyRisk: {withdrawalHazard: 0.5}}
            """
        let reports = Reports()
        _ = try PolicyRiskComparison(scenario: try scenario(text), scenarioText: text,
                                     configuration: MonteCarloConfiguration(paths: 3000, chunkSize: 256), threads: 2,
                                     progress: { reports.add($0) })
        #expect(reports.all.max() == 6000)
        #expect(reports.all.contains { $0 > 3000 && $0 < 6000 })
        #expect(reports.all.allSatisfy { $0 > 0 && $0 <= 6000 })
    }
}
