import Foundation
import Testing
@testable import Steppe

@Suite("Prepared quantiles")
struct PreparedQuantileTests {
    static let distributions: [Distribution] = DistributionTests.all + [
        .lognormal(mu: -3.2, sigma: 0.15).truncated(lower: 0.01, upper: 0.2),
        .lognormal(mu: 0, sigma: 1).truncated(lower: 20),
        .triangular(min: 80, mode: 100, max: 130).truncated(lower: 90, upper: 120),
        .pert(min: 5, mode: 7, max: 12).truncated(lower: 6, upper: 11),
        .normal(mean: 306.6e6, sd: 26.28e6).truncated(lower: 175.2e6, upper: 438.0e6),
    ]

    @Test("equals Distribution.quantile to the bit, including the tails", arguments: distributions)
    func equalsDistributionQuantileBitForBit(_ distribution: Distribution) {
        let prepared = PreparedQuantile(distribution)
        var us: [Double] = [0x1p-54, 1e-300, 1e-12, 0.5, 1 - 0x1p-53, 1 - 1e-12]
        var g = PathRandomGenerator(seed: 7, path: 0)
        for _ in 0..<2_000 { us.append(Double.random(in: 0..<1, using: &g).nextUp) }
        for u in us {
            #expect(prepared.quantile(u).bitPattern == distribution.quantile(u).bitPattern, "u = \(u)")
        }
    }
}
