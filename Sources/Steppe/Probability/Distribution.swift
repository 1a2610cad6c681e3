import Foundation

/// A univariate probability distribution, sampled only through its inverse
/// CDF `quantile(_:)`, so that random, Latin-hypercube and Sobol uniforms and
/// copula-correlated uniforms all drive every distribution the same way.
///
/// Build a distribution, call `validate()` once (scenario input), then call
/// `quantile(_:)` per path. `quantile` does not check parameters again.
///
/// Parameter keys:
/// - `lognormal(mu:sigma:)` takes the mean and standard deviation of ln X;
///   `lognormal(mean:sd:)` takes those of X itself and converts them.
/// - `geometric(p:)` is the number of trials up to and including the first
///   success, on {1, 2, ...} (the year in which a yearly event with
///   probability `p` first happens).
/// - `discrete` values must be strictly ascending so that the quantile is
///   monotone (rank correlation then means something).
/// - `empirical(sortedSample:)` resamples the list with equal probabilities;
///   build it with `Distribution.empirical(_:)`, which sorts.
/// - `truncated` restricts a continuous distribution to [lower, upper] by
///   mapping u into [F(lower), F(upper)]; either bound may be infinite.
public indirect enum Distribution: Sendable, Hashable {
    /// Always `value`.
    case fixed(Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Triangular on [min, max] with its peak at `mode`.
    case triangular(min: Double, mode: Double, max: Double)
    /// PERT (scaled beta) on [min, max] with mode `mode`: α = 1 + λ(mode - min)/(max - min),
    /// β = 1 + λ(max - mode)/(max - min); the classic PERT has λ = 4.
    case pert(min: Double, mode: Double, max: Double, lambda: Double = 4)
    /// Normal with mean `mean` and standard deviation `sd`.
    case normal(mean: Double, sd: Double)
    /// Lognormal: ln X is normal with mean `mu` and standard deviation `sigma`.
    case lognormal(mu: Double, sigma: Double)
    /// Beta(α, β) scaled to [min, max].
    case beta(alpha: Double, beta: Double, min: Double = 0, max: Double = 1)
    /// `values[i]` with probability `probabilities[i]`.
    case discrete(values: [Double], probabilities: [Double])
    /// Equal-probability resampling (bootstrap) of an ascending list.
    case empirical(sortedSample: [Double])
    /// 1 with probability `p`, else 0.
    case bernoulli(p: Double)
    /// Trials up to and including the first success, each succeeding with probability `p`.
    case geometric(p: Double)
    /// A continuous distribution restricted to [lower, upper].
    case truncated(Distribution, lower: Double, upper: Double)

    /// The lognormal whose variable X (not ln X) has this mean and standard deviation:
    /// σ² = ln(1 + sd²/mean²), μ = ln(mean) - σ²/2.
    ///
    /// - Throws: `SamplingError.invalidDistribution` unless mean > 0 and sd >= 0 are finite.
    public static func lognormal(mean: Double, sd: Double) throws(SamplingError) -> Distribution {
        guard mean.isFinite, sd.isFinite, mean > 0, sd >= 0 else {
            throw .invalidDistribution(
                "lognormal by mean and sd needs mean > 0 and sd >= 0 (got mean \(formatNumber(mean)), sd \(formatNumber(sd)))")
        }
        let cv = sd / mean
        let sigma2 = log1p(cv * cv)
        return .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
    }

    /// Equal-probability resampling of `sample`, in any order.
    public static func empirical(_ sample: [Double]) -> Distribution {
        .empirical(sortedSample: sample.sorted())
    }

    /// This distribution restricted to [lower, upper].
    public func truncated(lower: Double = -.infinity, upper: Double = .infinity) -> Distribution {
        .truncated(self, lower: lower, upper: upper)
    }

    /// Whether the distribution has a density (and a CDF `cdf(_:)` that
    /// truncation can use).
    public var isContinuous: Bool {
        switch self {
        case .uniform, .triangular, .pert, .normal, .lognormal, .beta: return true
        case .truncated(let base, _, _): return base.isContinuous
        case .fixed, .discrete, .empirical, .bernoulli, .geometric: return false
        }
    }

    /// The (α, β) of a PERT distribution.
    static func pertShape(min: Double, mode: Double, max: Double, lambda: Double) -> (Double, Double) {
        let w = max - min
        return (1 + lambda * (mode - min) / w, 1 + lambda * (max - mode) / w)
    }
}
