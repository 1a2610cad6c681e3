import Testing
@testable import Steppe

@Suite("Prepared quantiles in eight lanes")
struct PreparedQuantileLanesTests {
    static let distributions: [Distribution] = PreparedQuantileTests.distributions + [
        // Lower-tail truncation (the lower bound's CDF is at most 0.5): u maps into CDF space.
        .normal(mean: 10, sd: 2).truncated(lower: -10, upper: 4),
        .normal(mean: 0, sd: 1).truncated(upper: -7),
        .lognormal(mu: 0, sigma: 1).truncated(lower: 0.001, upper: 0.2),
        // Upper-tail truncation (the lower bound's CDF exceeds 0.5): u maps into survival space.
        .normal(mean: 0, sd: 1).truncated(lower: 0.3, upper: 2),
        .normal(mean: 5, sd: 3).truncated(lower: 30),
        .lognormal(mu: 1, sigma: 0.5).truncated(lower: 3, upper: 40),
        .lognormal(mu: 0, sigma: 2).truncated(lower: 1e4),
        .uniform(min: 0, max: 1).truncated(lower: 0.6, upper: 0.9),
        .triangular(min: 0, mode: 1, max: 4).truncated(lower: 2.5),
        .triangular(min: -3, mode: 5, max: 5),
        .fixed(-0.0),
        // Beta and PERT in lanes (one iteration for eight paths), truncated in either tail too.
        .pert(min: 370e6, mode: 390e6, max: 450e6),
        .pert(min: 5, mode: 7, max: 12).truncated(lower: 9),
        .beta(alpha: 0.5, beta: 0.5).truncated(lower: 0.1, upper: 0.95),
        .beta(alpha: 40, beta: 0.7),
        // A clamp to -0: Swift.max(+0, -0) is -0, and the lanes must agree.
        .uniform(min: -1, max: 1).truncated(lower: -0.0, upper: 0.5),
    ]

    /// The u values checked: the sampler grid's extremes, the edges of the
    /// normal quantile's central region, and 10^5 random u.
    static let us: [Double] = {
        var us: [Double] = [0x1p-54, 1 - 0x1p-53, 0.075, 0.925, 0.5, 1e-300, 1e-12, 1 - 1e-12, 0.075.nextUp, 0.925.nextDown]
        var g = PathRandomGenerator(seed: 17, path: 0)
        for _ in 0..<100_000 { us.append(Double.random(in: 0..<1, using: &g).nextUp) }
        while us.count % 8 != 0 { us.append(0.5) }
        return us
    }()

    @Test("Each lane equals the scalar prepared quantile to the bit, for every form and truncation", arguments: distributions)
    func lanesEqualScalar(_ distribution: Distribution) {
        let prepared = PreparedQuantile(distribution)
        let us = Self.us
        var found: [Double] = []
        for start in stride(from: 0, to: us.count, by: 8) {
            let x = prepared.quantile(SIMD8(us[start..<(start + 8)]))
            for j in 0..<8 where x[j].bitPattern != prepared.quantile(us[start + j]).bitPattern {
                found.append(us[start + j])
            }
        }
        #expect(found.isEmpty, "\(distribution): u = \(found.prefix(5))")
    }

    @Test("The extreme u values sit in different lanes of one vector without changing each other")
    func extremesInOneVector() {
        let u = SIMD8<Double>(0x1p-54, 0.075, 0.5, 0.925, 1 - 0x1p-53, 0.3, 1e-300, 0.999)
        for distribution in Self.distributions {
            let prepared = PreparedQuantile(distribution)
            let x = prepared.quantile(u)
            for j in 0..<8 {
                #expect(x[j].bitPattern == prepared.quantile(u[j]).bitPattern, "\(distribution) u = \(u[j])")
            }
        }
    }

    @Test("The truncations listed cover both tails for the normal and lognormal forms")
    func bothTailsCovered() {
        let tails = Self.distributions.compactMap { d -> Bool? in
            guard case .truncated(let inner, _, _) = d else { return nil }
            switch inner {
            case .normal, .lognormal: return PreparedQuantile(d).truncation?.inUpperTail
            default: return nil
            }
        }
        #expect(tails.contains(true) && tails.contains(false))
    }
}
