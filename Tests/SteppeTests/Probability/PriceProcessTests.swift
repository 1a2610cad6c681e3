import Foundation
import Testing
@testable import Steppe

@Suite("Price processes")
struct PriceProcessTests {
    static let processes: [PriceProcess] = [
        .geometricBrownian(volatility: 0.2),
        .meanRevertingLog(speed: 0.5, volatility: 0.3),
        .meanRevertingLog(speed: 3, volatility: 0.1),
    ]

    @Test("E[M_k] ≈ 1 and Var(ln M_k) matches the closed form over 10^5 paths", arguments: processes)
    func moments(_ process: PriceProcess) throws {
        try process.validate()
        let years = 20, n = 100_000
        let sampler = try RandomSampler(seed: 31, pathCount: n, dimensions: years)
        var u = [Double](repeating: 0, count: years)
        var sumM = [Double](repeating: 0, count: years)
        var sumM2 = [Double](repeating: 0, count: years)
        var sumLog = [Double](repeating: 0, count: years)
        var sumLog2 = [Double](repeating: 0, count: years)
        for path in 0..<n {
            sampler.fill(path: path, into: &u)
            u.withUnsafeMutableBufferPointer { process.multipliers(fromUniformsInPlace: $0) }
            for k in 0..<years {
                let m = u[k], l = log(m)
                sumM[k] += m
                sumM2[k] += m * m
                sumLog[k] += l
                sumLog2[k] += l * l
            }
        }
        let count = Double(n)
        for k in [0, 4, 19] {
            let v = process.logVariance(year: k + 1)
            // E[M] = 1 within 5 SE, with Var(M) = e^v - 1.
            #expect(abs(sumM[k] / count - 1) < 5 * (expm1(v) / count).squareRoot(), "\(process) year \(k + 1)")
            // ln M is normal with mean -v/2 and variance v; SE of the sample variance is v sqrt(2/n).
            let meanLog = sumLog[k] / count
            let varLog = sumLog2[k] / count - meanLog * meanLog
            #expect(abs(meanLog + v / 2) < 5 * (v / count).squareRoot())
            #expect(abs(varLog - v) < 5 * v * (2 / count).squareRoot(), "\(process) year \(k + 1)")
        }
    }

    @Test("Closed-form log variances: kσ² for GBM, σ²(1 - e^{-2κk}) for the OU process")
    func closedForms() {
        #expect(PriceProcess.geometricBrownian(volatility: 0.2).logVariance(year: 5) == 5 * 0.04)
        let ou = PriceProcess.meanRevertingLog(speed: 0.5, volatility: 0.3)
        #expect(abs(ou.logVariance(year: 1) - 0.09 * (1 - exp(-1))) < 1e-16)
        #expect(abs(ou.logVariance(year: 100) - 0.09) < 1e-16)
    }

    @Test("Zero normals give the deterministic lognormal correction only")
    func zeroShocks() {
        let m = PriceProcess.geometricBrownian(volatility: 0.2).multipliers(normals: [0, 0, 0])
        #expect(zip(m, [1, 2, 3]).allSatisfy { abs($0 - exp(-0.02 * Double($1))) < 1e-15 })
        #expect(PriceProcess.geometricBrownian(volatility: 0).multipliers(normals: [1, -2]) == [1, 1])
    }

    @Test("Eight paths' multipliers in lanes equal each path's own multipliers to the bit", arguments: processes)
    func lanesEqualOnePath(_ process: PriceProcess) throws {
        let years = 20
        let sampler = try RandomSampler(seed: 5, pathCount: 64, dimensions: years)
        for first in stride(from: 0, to: 64, by: 8) {
            var lanes = [Lanes](repeating: .zero, count: years)
            var paths: [[Double]] = []
            for j in 0..<8 {
                var u = [Double](repeating: 0, count: years)
                sampler.fill(path: first + j, into: &u)
                for k in 0..<years { lanes[k][j] = StandardNormal.quantile(u[k]) }
                u.withUnsafeMutableBufferPointer { process.multipliers(fromUniformsInPlace: $0) }
                paths.append(u)
            }
            lanes.withUnsafeMutableBufferPointer { process.multipliers(normals: $0.baseAddress!, into: $0.baseAddress!, count: years) }
            for j in 0..<8 {
                #expect((0..<years).allSatisfy { lanes[$0][j].bitPattern == paths[j][$0].bitPattern }, "\(process) path \(first + j)")
            }
        }
    }

    @Test("Bad parameters are rejected with a message")
    func validation() {
        #expect(throws: SamplingError.invalidProcess(
            "mean-reverting process needs speed > 0 per year (got 0); use geometricBrownian for no reversion")) {
            try PriceProcess.meanRevertingLog(speed: 0, volatility: 0.2).validate()
        }
        #expect(throws: SamplingError.invalidProcess("geometric Brownian motion needs volatility >= 0 (got -0.1)")) {
            try PriceProcess.geometricBrownian(volatility: -0.1).validate()
        }
    }
}
