import Foundation
import Testing
@testable import Steppe

@Suite("Sobol indices")
struct SobolIndicesTests {
    /// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³.
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        let a = 7.0, b = 0.1
        return sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
    }

    /// Analytic indices for a = 7, b = 0.1 (Sobol' & Levitan 1999; Saltelli et al. 2010, §4):
    /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸ (1/18 - 1/50).
    static let ishigamiFirst = [0.3139, 0.4424, 0.0]
    static let ishigamiTotal = [0.5576, 0.4424, 0.2437]

    @Test("Ishigami (a = 7, b = 0.1) with N = 8192 scrambled Sobol' rows: every index within 0.02 of the analytic value")
    func ishigami() throws {
        let s = try SobolIndices.estimate(dimension: 3, samples: 8192, seed: 1, bootstrap: 200) { Self.ishigami($0) }
        for i in 0..<3 {
            #expect(abs(s.indices[i].firstOrder - Self.ishigamiFirst[i]) <= 0.02, "S1[\(i)] = \(s.indices[i].firstOrder)")
            #expect(abs(s.indices[i].total - Self.ishigamiTotal[i]) <= 0.02, "ST[\(i)] = \(s.indices[i].total)")
        }
        #expect(s.evaluations == 8192 * 5)
    }

    @Test("The bootstrap intervals of the Ishigami indices contain the estimates and the analytic total indices")
    func ishigamiIntervals() throws {
        let s = try SobolIndices.estimate(dimension: 3, samples: 4096, seed: 3, bootstrap: 300) { Self.ishigami($0) }
        for i in 0..<3 {
            #expect(s.indices[i].firstOrderInterval.contains(s.indices[i].firstOrder))
            #expect(s.indices[i].totalInterval.contains(s.indices[i].total))
            #expect(s.indices[i].totalInterval.lowerBound - 0.01 <= Self.ishigamiTotal[i]
                    && Self.ishigamiTotal[i] <= s.indices[i].totalInterval.upperBound + 0.01, "ST[\(i)]")
        }
    }

    @Test("On an additive linear model first-order and total indices both equal the variance shares c_i² / Σ c_j²")
    func additiveLinear() throws {
        let c = [1.0, 2.0, 3.0, 0.5]
        let shares = c.map { $0 * $0 / c.reduce(0) { $0 + $1 * $1 } }
        let s = try SobolIndices.estimate(dimension: 4, samples: 4096, seed: 7, bootstrap: 0) { u in
            zip(c, u).reduce(0) { $0 + $1.0 * $1.1 }
        }
        for i in 0..<4 {
            #expect(abs(s.indices[i].firstOrder - shares[i]) <= 0.01, "S1[\(i)]")
            // Without interactions AB_i differs from A only in x_i: Jansen's estimator is exact up to sampling of x_i.
            #expect(abs(s.indices[i].total - shares[i]) <= 0.01, "ST[\(i)]")
        }
        #expect(abs(s.variance - c.reduce(0) { $0 + $1 * $1 } / 12) <= 0.01 * s.variance)
    }

    @Test("Grouped dimensions get one index: a group of two inputs carries their joint share")
    func groups() throws {
        let s = try SobolIndices.estimate(dimension: 3, groups: [.init(name: "ab", dimensions: 0..<2), .init(name: "c", dimensions: 2..<3)],
                                          samples: 2048, seed: 2, bootstrap: 0) { u in u[0] + u[1] + 2 * u[2] }
        #expect(s.indices.map(\.name) == ["ab", "c"])
        #expect(abs(s.indices[0].firstOrder - 2.0 / 6) <= 0.02 && abs(s.indices[1].total - 4.0 / 6) <= 0.02)
    }

    @Test("Groups that do not partition the dimensions are rejected")
    func badGroups() {
        #expect(throws: SamplingError.self) {
            try SobolIndices.estimate(dimension: 2, groups: [.init(name: "a", dimensions: 0..<1)], samples: 64) { $0[0] }
        }
    }

    @Test("The same seed gives the same indices for any number of threads")
    func reproducible() throws {
        func run(_ threads: Int) throws -> [Double] {
            let s = try SobolIndices.estimate(dimension: 3, samples: 1024, seed: 9, bootstrap: 50, threads: threads) {
                { u in Self.ishigami(Array(u)) }
            }
            return s.indices.flatMap { [$0.firstOrder, $0.total, $0.totalInterval.lowerBound] }
        }
        #expect(try run(1) == run(3))
    }

    @Test("Its progress counts every base sample once, up to N, from any number of threads")
    func progressCountsEverySample() throws {
        let reports = PolicyRiskComparisonTests.Reports()
        _ = try SobolIndices.estimate(dimension: 3, samples: 1000, seed: 9, bootstrap: 0, threads: 3,
                                      progress: { reports.add($0) }) { { u in Self.ishigami(Array(u)) } }
        // Four chunks of at most 256 rows, each reported once; the running total ends at 1000.
        #expect(reports.all.count == 4)
        #expect(reports.all.max() == 1000)
    }
}
