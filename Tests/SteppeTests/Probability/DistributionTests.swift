import Foundation
import Testing
@testable import Steppe

@Suite("Distributions")
struct DistributionTests {
    static let continuous: [Distribution] = [
        .uniform(min: -2, max: 5),
        .triangular(min: 1, mode: 2, max: 6),
        .triangular(min: 1, mode: 1, max: 6),
        .pert(min: 5, mode: 7, max: 12),
        .pert(min: 0, mode: 10, max: 10, lambda: 2),
        .normal(mean: 100, sd: 15),
        .lognormal(mu: 0.5, sigma: 0.8),
        .beta(alpha: 0.5, beta: 2, min: 10, max: 20),
        .beta(alpha: 3, beta: 1.5),
        .normal(mean: 0, sd: 1).truncated(lower: -1, upper: 2),
        .normal(mean: 0, sd: 1).truncated(lower: 6),
        .uniform(min: 0, max: 10).truncated(lower: 2, upper: 3),
    ]

    static let all: [Distribution] = continuous + [
        .fixed(3),
        .discrete(values: [1, 2, 5], probabilities: [0.2, 0.5, 0.3]),
        .empirical([4, 1, 3, 3, 9]),
        .bernoulli(p: 0.3),
        .geometric(p: 0.1),
    ]

    /// Sample moments of N = 10^5 draws with a fixed seed.
    static func sampleMoments(_ d: Distribution, n: Int = 100_000) -> (mean: Double, variance: Double, m4: Double) {
        let stream = RandomStream(seed: 20_240_607)
        var x = [Double](repeating: 0, count: n)
        for i in 0..<n { x[i] = d.quantile(stream.uniform(path: UInt64(i), dimension: 0)) }
        let mean = x.reduce(0, +) / Double(n)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let m4 = x.reduce(0) { $0 + pow($1 - mean, 4) } / Double(n)
        return (mean, variance, m4)
    }

    @Test("Sample mean and variance of 10^5 draws lie within 5 standard errors of the closed forms", arguments: all)
    func moments(_ d: Distribution) throws {
        try d.validate()
        let mean = try #require(d.mean), variance = try #require(d.variance)
        let n = 100_000.0
        let s = Self.sampleMoments(d)
        // SE of the mean is sqrt(σ²/n); of the sample variance sqrt((μ4 - σ⁴)/n).
        #expect(abs(s.mean - mean) <= 5 * (variance / n).squareRoot() + 1e-12, "\(d)")
        #expect(abs(s.variance - variance) <= 5 * (max(s.m4 - variance * variance, 0) / n).squareRoot() + 1e-12, "\(d)")
    }

    @Test("Quantiles of u = 1e-300 and u = 1 - 1e-16 are finite and ordered", arguments: all)
    func extremeUniforms(_ d: Distribution) {
        let low = d.quantile(1e-300), high = d.quantile(1 - 1e-16), mid = d.quantile(0.5)
        #expect(low.isFinite && high.isFinite)
        #expect(low <= mid && mid <= high)
    }

    @Test("Continuous quantiles are increasing in u", arguments: continuous)
    func monotone(_ d: Distribution) {
        var previous = -Double.infinity
        for i in 1..<1_000 {
            let x = d.quantile(Double(i) / 1_000)
            #expect(x >= previous)
            previous = x
        }
    }

    @Test("F(Q(u)) = u for the continuous distributions, with F from Steppe's own CDF", arguments: continuous)
    func roundTripOwnCDF(_ d: Distribution) {
        for u in [1e-9, 0.001, 0.1, 0.37, 0.5, 0.81, 0.999] {
            let x = d.quantile(u)
            // Allow for x being rounded to a double: the CDF's rise over an ulp.
            let rounding = d.cdf(x.nextUp) - d.cdf(x.nextDown)
            #expect(abs(d.cdf(x) - u) <= 1e-12 + 2 * rounding, "\(d) at \(u)")
        }
    }

    // Independent CDFs, written from the textbook formulas here rather than
    // taken from Steppe.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    @Test("Quantiles invert independent closed-form CDFs")
    func roundTripIndependentCDF() {
        for u in [1e-12, 1e-6, 0.02, 0.25, 0.5, 0.75, 0.98, 1 - 1e-9] {
            let x1 = Distribution.uniform(min: -2, max: 5).quantile(u)
            #expect(abs((x1 + 2) / 7 - u) <= 1e-15)
            let x2 = Distribution.triangular(min: 1, mode: 2, max: 6).quantile(u)
            let f2 = x2 <= 2 ? (x2 - 1) * (x2 - 1) / (5 * 1) : 1 - (6 - x2) * (6 - x2) / (5 * 4)
            #expect(abs(f2 - u) <= 1e-14)
            let x3 = Distribution.normal(mean: 100, sd: 15).quantile(u)
            #expect(abs(Self.normalCDF((x3 - 100) / 15) - u) <= 1e-14 * max(u, 1e-2))
            let x4 = Distribution.lognormal(mu: 0.5, sigma: 0.8).quantile(u)
            #expect(abs(Self.normalCDF((log(x4) - 0.5) / 0.8) - u) <= 1e-14 * max(u, 1e-2))
        }
    }

    @Test("PERT and scaled beta quantiles match SciPy 1.17.1's beta.ppf", arguments: [
        // PERT(5, 7, 12): α = 1 + 4·2/7, β = 1 + 4·5/7, i.e. beta(15/7, 27/7) on [5, 12].
        (Distribution.pert(min: 5, mode: 7, max: 12), 0.01, 5.2838101021107535),
        (Distribution.pert(min: 5, mode: 7, max: 12), 0.5, 7.382588601420245),
        (Distribution.pert(min: 5, mode: 7, max: 12), 0.99, 10.582713270834809),
        (Distribution.beta(alpha: 0.5, beta: 2, min: 10, max: 20), 0.3, 10.411194828804787),
        (Distribution.beta(alpha: 0.5, beta: 2, min: 10, max: 20), 0.9, 15.318774334735805),
    ])
    func pertQuantiles(_ d: Distribution, u: Double, expected: Double) {
        #expect(abs(d.quantile(u) - expected) <= 1e-12 * abs(expected))
    }

    @Test("The PERT mean is (min + 4 mode + max) / 6")
    func pertMean() {
        #expect(Distribution.pert(min: 5, mode: 7, max: 12).mean == 45.0 / 6)
    }

    @Test("lognormal(mean:sd:) has the requested mean and sd")
    func lognormalByMoments() throws {
        let d = try Distribution.lognormal(mean: 50, sd: 20)
        #expect(abs(try #require(d.mean) - 50) < 1e-12)
        #expect(abs(try #require(d.variance) - 400) < 1e-9)
        #expect(throws: SamplingError.invalidDistribution(
            "lognormal by mean and sd needs mean > 0 and sd >= 0 (got mean -1, sd 2)")) {
            try Distribution.lognormal(mean: -1, sd: 2)
        }
    }

    @Test("Truncated draws stay inside the bounds, even in a far tail")
    func truncationBounds() {
        let far = Distribution.normal(mean: 0, sd: 1).truncated(lower: 9, upper: 10)
        let lognormalTail = Distribution.lognormal(mu: 0, sigma: 1).truncated(lower: 500)
        for u in [1e-300, 1e-9, 0.3, 0.5, 0.9, 1 - 1e-16] {
            let x = far.quantile(u)
            #expect(x >= 9 && x <= 10)
            let y = lognormalTail.quantile(u)
            #expect(y >= 500 && y.isFinite)
        }
        // Working with the survival function keeps full precision in the
        // tail: SciPy's truncnorm.ppf(0.5, 9, inf) is 9.075787065491834.
        #expect(abs(Distribution.normal(mean: 0, sd: 1).truncated(lower: 9).quantile(0.5) - 9.075787065491834) < 1e-12)
    }

    @Test("Discrete, empirical, Bernoulli and geometric quantiles step where the CDF does")
    func discreteQuantiles() {
        let d = Distribution.discrete(values: [1, 2, 5], probabilities: [0.2, 0.5, 0.3])
        #expect(d.quantile(0.2) == 1)
        #expect(d.quantile(0.2.nextUp) == 2)
        #expect(d.quantile(0.7) == 2)
        #expect(d.quantile(0.71) == 5)
        let e = Distribution.empirical([4, 1, 3, 9])
        #expect(e == .empirical(sortedSample: [1, 3, 4, 9]))
        #expect([0.1, 0.3, 0.6, 0.9].map(e.quantile) == [1, 3, 4, 9])
        let b = Distribution.bernoulli(p: 0.3)
        #expect(b.quantile(0.7) == 0)
        #expect(b.quantile(0.70001) == 1)
        let g = Distribution.geometric(p: 0.5)
        // P(K = 1) = 1/2, P(K <= 2) = 3/4, P(K <= 3) = 7/8.
        #expect([0.4, 0.6, 0.8, 0.9].map(g.quantile) == [1, 2, 3, 4])
        #expect(Distribution.geometric(p: 1).quantile(0.99) == 1)
    }

    @Test("Truncated normal moments follow the closed form")
    func truncatedNormalMoments() throws {
        // Half-normal: mean sqrt(2/π), variance 1 - 2/π.
        let half = Distribution.normal(mean: 0, sd: 1).truncated(lower: 0)
        #expect(abs(try #require(half.mean) - (2 / Double.pi).squareRoot()) < 1e-14)
        #expect(abs(try #require(half.variance) - (1 - 2 / Double.pi)) < 1e-14)
        #expect(Distribution.pert(min: 0, mode: 1, max: 2).truncated(lower: 0.5).mean == nil)
    }

    struct MessageCase: CustomStringConvertible, Sendable {
        let distribution: Distribution
        let message: String
        var description: String { message }
    }

    static let messages: [MessageCase] = [
        MessageCase(distribution: .pert(min: 5, mode: 3, max: 9),
                    message: "PERT needs min <= mode <= max (got min 5, mode 3, max 9)"),
        MessageCase(distribution: .triangular(min: 2, mode: 2, max: 2),
                    message: "triangular needs min < max (got min 2, max 2); use fixed for a constant"),
        MessageCase(distribution: .uniform(min: 3, max: 1),
                    message: "uniform needs min < max (got min 3, max 1); use fixed for a constant"),
        MessageCase(distribution: .normal(mean: 1, sd: -0.5),
                    message: "normal needs sd > 0 (got -0.5); use fixed for a constant"),
        MessageCase(distribution: .lognormal(mu: 0, sigma: 0),
                    message: "lognormal needs sigma > 0, the sd of ln X (got 0); use fixed for a constant"),
        MessageCase(distribution: .beta(alpha: 0, beta: 2),
                    message: "beta needs alpha > 0 and beta > 0 (got alpha 0, beta 2)"),
        MessageCase(distribution: .discrete(values: [1, 2], probabilities: [0.5, 0.4]),
                    message: "discrete probabilities must sum to 1 (got 0.9)"),
        MessageCase(distribution: .discrete(values: [2, 1], probabilities: [0.5, 0.5]),
                    message: "discrete values must be strictly ascending (value 0 is 2, value 1 is 1)"),
        MessageCase(distribution: .discrete(values: [1, 2], probabilities: [1]),
                    message: "discrete needs one probability per value (got 2 values, 1 probabilities)"),
        MessageCase(distribution: .empirical(sortedSample: []),
                    message: "empirical needs at least one value"),
        MessageCase(distribution: .empirical(sortedSample: [3, 1]),
                    message: "empirical(sortedSample:) needs ascending values (value 1 is 1 after 3); build it with Distribution.empirical(_:)"),
        MessageCase(distribution: .bernoulli(p: 1.5), message: "bernoulli needs 0 <= p <= 1 (got 1.5)"),
        MessageCase(distribution: .geometric(p: 0), message: "geometric needs 0 < p <= 1 (got 0)"),
        MessageCase(distribution: .bernoulli(p: 0.5).truncated(lower: 0, upper: 1),
                    message: "truncation needs a continuous distribution (got bernoulli)"),
        MessageCase(distribution: .normal(mean: 0, sd: 1).truncated(lower: 2, upper: 1),
                    message: "truncation needs lower < upper (got lower 2, upper 1)"),
        MessageCase(distribution: .uniform(min: 0, max: 1).truncated(lower: 2, upper: 3),
                    message: "truncation to [2, 3] leaves no probability of the uniform distribution"),
    ]

    @Test("Invalid parameters are rejected with a message naming the rule and values", arguments: messages)
    func validationMessages(_ c: MessageCase) {
        #expect(throws: SamplingError.invalidDistribution(c.message)) { try c.distribution.validate() }
    }

    @Test("Valid distributions pass validation", arguments: all)
    func validDistributions(_ d: Distribution) {
        #expect(d.validationMessage == nil)
    }
}
