import Foundation
import Testing
@testable import Steppe

@Suite("Rank correlation")
struct RankCorrelationTests {
    static let target: [[Double]] = [
        [1, 0.7, -0.3],
        [0.7, 1, 0.1],
        [-0.3, 0.1, 1],
    ]

    @Test("Achieved Spearman correlations are within 0.02 of a 3×3 target at N = 10^4", arguments: SamplingMethod.allCases)
    func achievedCorrelation(_ method: SamplingMethod) throws {
        let n = 10_000
        // Correlate dimensions 1, 3, 4 of five; 0 and 2 stay independent.
        let copula = try RankCorrelation(dimensions: [1, 3, 4], spearman: Self.target)
        let sampler = try method.sampler(seed: 77, pathCount: n, dimensions: 5)
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: 5)
        var u = [Double](repeating: 0, count: 5)
        for path in 0..<n {
            sampler.fill(path: path, into: &u)
            copula.apply(to: &u)
            for j in 0..<5 { columns[j][path] = u[j] }
        }
        let dims = [1, 3, 4]
        for a in 0..<3 {
            for b in (a + 1)..<3 {
                #expect(abs(spearman(columns[dims[a]], columns[dims[b]]) - Self.target[a][b]) < 0.02, "\(method) [\(a)][\(b)]")
            }
        }
        #expect(abs(spearman(columns[0], columns[1])) < 0.03)
        // The marginals stay uniform: mean 1/2 within 5 standard errors.
        for j in 0..<5 {
            #expect(abs(columns[j].reduce(0, +) / Double(n) - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        }
    }

    @Test("The normal-space matrix is 2 sin(π ρ / 6)")
    func pearsonConversion() throws {
        let c = try RankCorrelation(dimensions: [0, 1], spearman: [[1, 0.5], [0.5, 1]])
        #expect(abs(c.normalCorrelation[0][1] - 2 * sin(Double.pi / 12)) < 1e-15)
        #expect(c.normalCorrelation[0][0] == 1)
    }

    @Test("Perfect rank correlation is accepted and gives identical ranks")
    func perfectCorrelation() throws {
        let c = try RankCorrelation(dimensions: [0, 1], spearman: [[1, 1], [1, 1]])
        var u = [0.3, 0.9]
        c.apply(to: &u)
        #expect(abs(u[0] - 0.3) < 1e-14 && abs(u[1] - 0.3) < 1e-14)
    }

    @Test("Extreme uniforms stay inside (0, 1)")
    func extremes() throws {
        let c = try RankCorrelation(dimensions: [0, 1], spearman: [[1, -0.9], [-0.9, 1]])
        for pair in [[1e-300, 1 - 1e-16], [1 - 1e-16, 1 - 1e-16], [0x1p-54, 0x1p-54]] {
            var u = pair
            c.apply(to: &u)
            #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
        }
    }

    struct BadCase: CustomStringConvertible, Sendable {
        let dimensions: [Int]
        let matrix: [[Double]]
        let message: String
        var description: String { message }
    }

    // The first matrix's smallest eigenvalue, -0.815962, is numpy.linalg.eigvalsh of 2 sin(π ρ / 6).
    static let bad: [BadCase] = [
        BadCase(dimensions: [0, 1, 2], matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]],
                message: "rank correlation matrix is not positive semi-definite: the normal-space matrix 2 sin(π ρ / 6) has smallest eigenvalue -0.815962"),
        BadCase(dimensions: [0, 1], matrix: [[1, 0.5], [0.4, 1]],
                message: "rank correlation matrix must be symmetric (entry [0][1] is 0.5, [1][0] is 0.4)"),
        BadCase(dimensions: [0, 1], matrix: [[1, 0.5], [0.5, 0.9]],
                message: "rank correlation diagonal must be 1 (entry [1][1] is 0.9)"),
        BadCase(dimensions: [0, 1], matrix: [[1, 1.5], [1.5, 1]],
                message: "rank correlation entry [0][1] must lie in [-1, 1] (got 1.5)"),
        BadCase(dimensions: [0, 1, 2], matrix: [[1, 0], [0, 1]],
                message: "rank correlation matrix must be 3×3 for 3 dimensions (got 2 rows of lengths [2, 2])"),
        BadCase(dimensions: [2, 2], matrix: [[1, 0], [0, 1]],
                message: "rank correlation dimensions repeat (got [2, 2])"),
    ]

    @Test("Invalid matrices are rejected naming the problem", arguments: bad)
    func rejected(_ c: BadCase) {
        #expect(throws: SamplingError.invalidCorrelation(c.message)) {
            try RankCorrelation(dimensions: c.dimensions, spearman: c.matrix)
        }
    }

    @Test("Jacobi eigenvalues of a known matrix")
    func eigenvalues() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        let e = RankCorrelation.eigenvalues([[2, 1], [1, 2]]).sorted()
        #expect(abs(e[0] - 1) < 1e-12 && abs(e[1] - 3) < 1e-12)
    }

    @Test("The copula on eight paths in lanes equals it on each path to the bit, other dimensions untouched")
    func lanesEqualOnePath() throws {
        let copula = try RankCorrelation(dimensions: [1, 3, 4], spearman: Self.target)
        let sampler = try RandomSampler(seed: 3, pathCount: 800, dimensions: 5)
        for first in stride(from: 0, to: 800, by: 8) {
            var lanes = [Lanes](repeating: .zero, count: 5)
            var paths: [[Double]] = []
            for j in 0..<8 {
                var u = [Double](repeating: 0, count: 5)
                sampler.fill(path: first + j, into: &u)
                // The extremes of the uniforms, where the normal quantile takes its tails.
                if first == 0 { u[1] = [0x1p-54, 1 - 0x1p-53, 1e-300, 0.5, 0.075, 0.925, 1e-12, 0.3][j] }
                for d in 0..<5 { lanes[d][j] = u[d] }
                copula.apply(to: &u)
                paths.append(u)
            }
            lanes.withUnsafeMutableBufferPointer { copula.apply(lanes: $0.baseAddress!) }
            for j in 0..<8 {
                #expect((0..<5).allSatisfy { lanes[$0][j].bitPattern == paths[j][$0].bitPattern }, "path \(first + j)")
            }
        }
    }

    @Test("spearman uses average ranks for ties and is ±1 for monotone data")
    func spearmanFunction() {
        #expect(spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
        #expect(spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        // Ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 → r = 4.5 / sqrt(4.5 · 5) = 0.9486833.
        #expect(abs(spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 4.5 / (4.5 * 5).squareRoot()) < 1e-15)
        #expect(spearman([1], [2]).isNaN)
    }
}
