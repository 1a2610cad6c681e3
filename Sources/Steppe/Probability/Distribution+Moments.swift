import Foundation

extension Distribution {
    /// The mean, where a closed form exists; `nil` for truncations other than
    /// of the normal and the uniform.
    public var mean: Double? {
        switch self {
        case .fixed(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + c + b) / 3
        case .pert(let a, let c, let b, let lambda): return (a + lambda * c + b) / (lambda + 2)
        case .normal(let mean, _): return mean
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .beta(let alpha, let beta, let a, let b): return a + (b - a) * alpha / (alpha + beta)
        case .discrete(let values, let probabilities):
            return zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 } / probabilities.reduce(0, +)
        case .empirical(let sample): return sample.reduce(0, +) / Double(sample.count)
        case .bernoulli(let p): return p
        case .geometric(let p): return 1 / p
        case .truncated(let base, let lower, let upper):
            switch base {
            case .uniform(let a, let b):
                return (Swift.max(a, lower) + Swift.min(b, upper)) / 2
            case .normal(let mu, let sd):
                let t = TruncatedNormalMoments(mean: mu, sd: sd, lower: lower, upper: upper)
                return mu + sd * t.shift
            default: return nil
            }
        }
    }

    /// The variance, where a closed form exists; `nil` for truncations other
    /// than of the normal and the uniform. The empirical distribution's
    /// variance is that of resampling: the population variance (divisor n).
    public var variance: Double? {
        switch self {
        case .fixed: return 0
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .pert(let a, let c, let b, let lambda):
            let (alpha, beta) = Self.pertShape(min: a, mode: c, max: b, lambda: lambda)
            return Self.betaVariance(alpha, beta) * (b - a) * (b - a)
        case .normal(_, let sd): return sd * sd
        case .lognormal(let mu, let sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case .beta(let alpha, let beta, let a, let b):
            return Self.betaVariance(alpha, beta) * (b - a) * (b - a)
        case .discrete(let values, let probabilities):
            let total = probabilities.reduce(0, +)
            let m = zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 } / total
            return zip(values, probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) } / total
        case .empirical(let sample):
            let n = Double(sample.count)
            let m = sample.reduce(0, +) / n
            return sample.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
        case .bernoulli(let p): return p * (1 - p)
        case .geometric(let p): return (1 - p) / (p * p)
        case .truncated(let base, let lower, let upper):
            switch base {
            case .uniform(let a, let b):
                let w = Swift.min(b, upper) - Swift.max(a, lower)
                return w * w / 12
            case .normal(let mu, let sd):
                let t = TruncatedNormalMoments(mean: mu, sd: sd, lower: lower, upper: upper)
                return sd * sd * t.varianceFactor
            default: return nil
            }
        }
    }

    private static func betaVariance(_ alpha: Double, _ beta: Double) -> Double {
        let s = alpha + beta
        return alpha * beta / (s * s * (s + 1))
    }
}

/// Moments of a normal truncated to [lower, upper] in standard units
/// α = (lower - μ)/σ, β = (upper - μ)/σ, Z = Φ(β) - Φ(α):
/// mean = μ + σ (φ(α) - φ(β))/Z,
/// variance = σ² [1 + (α φ(α) - β φ(β))/Z - ((φ(α) - φ(β))/Z)²]
/// (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions 1, §10.1).
private struct TruncatedNormalMoments {
    let shift: Double
    let varianceFactor: Double

    init(mean: Double, sd: Double, lower: Double, upper: Double) {
        let a = (lower - mean) / sd, b = (upper - mean) / sd
        func phi(_ x: Double) -> Double { x.isFinite ? exp(-x * x / 2) / (2 * Double.pi).squareRoot() : 0 }
        func xPhi(_ x: Double) -> Double { x.isFinite ? x * phi(x) : 0 }
        // Z from the side of the tail that keeps precision.
        let z = a > 0 ? StandardNormal.survival(a) - StandardNormal.survival(b)
                      : StandardNormal.cdf(b) - StandardNormal.cdf(a)
        shift = (phi(a) - phi(b)) / z
        varianceFactor = 1 + (xPhi(a) - xPhi(b)) / z - shift * shift
    }
}
