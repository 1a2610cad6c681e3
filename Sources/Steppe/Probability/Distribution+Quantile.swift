import Foundation

extension Distribution {
    /// The inverse CDF: the smallest x with F(x) >= u, for u in (0, 1).
    ///
    /// Every u in (0, 1), including 1e-300 and 1 - 1e-16, gives a finite
    /// value. Continuous distributions are strictly increasing in u, so
    /// stratification and rank correlation of the uniforms carry over.
    /// Parameters are assumed valid (see `validate()`).
    ///
    /// - Complexity: O(1) except: PERT and beta solve I_x(α, β) = u by
    ///   Newton's method (typically 4-8 continued-fraction evaluations);
    ///   discrete scans its values, O(n); a truncated distribution adds two
    ///   CDF evaluations.
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .fixed(let v):
            return v
        case .uniform(let a, let b):
            return a + (b - a) * u
        case .triangular(let a, let c, let b):
            return Self.triangularQuantile(u, min: a, mode: c, max: b)
        case .pert(let a, let c, let b, let lambda):
            let (alpha, beta) = Self.pertShape(min: a, mode: c, max: b, lambda: lambda)
            return a + (b - a) * IncompleteBeta.inverse(u, alpha, beta)
        case .normal(let mean, let sd):
            return mean + sd * StandardNormal.quantile(u)
        case .lognormal(let mu, let sigma):
            return ElementaryFunctions.exp(mu + sigma * StandardNormal.quantile(u))
        case .beta(let alpha, let beta, let a, let b):
            return a + (b - a) * IncompleteBeta.inverse(u, alpha, beta)
        case .discrete(let values, let probabilities):
            var cumulative = 0.0
            for i in 0..<(values.count - 1) {
                cumulative += probabilities[i]
                if u <= cumulative { return values[i] }
            }
            return values[values.count - 1]
        case .empirical(let sorted):
            let n = sorted.count
            return sorted[Swift.min(Int(u * Double(n)), n - 1)]
        case .bernoulli(let p):
            return u <= 1 - p ? 0 : 1
        case .geometric(let p):
            if p >= 1 { return 1 }
            // Smallest k >= 1 with 1 - (1 - p)^k >= u.
            return Swift.max(1, (log1p(-u) / log1p(-p)).rounded(.up))
        case .truncated(let base, let lower, let upper):
            return base.truncatedQuantile(u, lower: lower, upper: upper)
        }
    }

    /// The triangular inverse CDF (shared with `PreparedQuantile`, so both give the same bits).
    @inline(__always)
    static func triangularQuantile(_ u: Double, min a: Double, mode c: Double, max b: Double) -> Double {
        let w = b - a
        if u * w < c - a {
            return a + (u * w * (c - a)).squareRoot()
        }
        return b - ((1 - u) * w * (b - c)).squareRoot()
    }

    /// Truncation by mapping u into [F(lower), F(upper)]. Where the interval
    /// lies in the upper tail, the survival function is used instead so that
    /// e.g. a normal truncated to [6 sd, inf) still has full precision.
    private func truncatedQuantile(_ u: Double, lower: Double, upper: Double) -> Double {
        let fLower = cdf(lower)
        let x: Double
        if fLower > 0.5 {
            let sLower = survival(lower), sUpper = survival(upper)
            x = upperQuantile(sLower - u * (sLower - sUpper))
        } else {
            let fUpper = cdf(upper)
            x = quantile(fLower + u * (fUpper - fLower))
        }
        return Swift.min(Swift.max(x, lower), upper)
    }

    /// The x with 1 - F(x) = s, precise for small s in the normal and
    /// lognormal cases.
    private func upperQuantile(_ s: Double) -> Double {
        switch self {
        case .normal(let mean, let sd): return mean + sd * StandardNormal.upperQuantile(s)
        case .lognormal(let mu, let sigma): return ElementaryFunctions.exp(mu + sigma * StandardNormal.upperQuantile(s))
        default: return quantile(1 - s)
        }
    }

    /// The CDF F(x) = P(X <= x) of a continuous distribution; nan for the
    /// discrete ones, which truncation does not accept.
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .uniform(let a, let b):
            return Swift.min(1, Swift.max(0, (x - a) / (b - a)))
        case .triangular(let a, let c, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .pert(let a, let c, let b, let lambda):
            let (alpha, beta) = Self.pertShape(min: a, mode: c, max: b, lambda: lambda)
            return IncompleteBeta.regularized((x - a) / (b - a), alpha, beta)
        case .normal(let mean, let sd):
            return StandardNormal.cdf((x - mean) / sd)
        case .lognormal(let mu, let sigma):
            return x <= 0 ? 0 : StandardNormal.cdf((log(x) - mu) / sigma)
        case .beta(let alpha, let beta, let a, let b):
            return IncompleteBeta.regularized((x - a) / (b - a), alpha, beta)
        case .truncated(let base, let lower, let upper):
            if x <= lower { return 0 }
            if x >= upper { return 1 }
            let fLower = base.cdf(lower)
            if fLower > 0.5 {
                // Upper tail: differences of survival values keep precision.
                let sLower = base.survival(lower)
                return (sLower - base.survival(x)) / (sLower - base.survival(upper))
            }
            return (base.cdf(x) - fLower) / (base.cdf(upper) - fLower)
        case .fixed, .discrete, .empirical, .bernoulli, .geometric:
            return .nan
        }
    }

    /// 1 - F(x), without cancellation for the normal and lognormal.
    func survival(_ x: Double) -> Double {
        switch self {
        case .normal(let mean, let sd):
            return StandardNormal.survival((x - mean) / sd)
        case .lognormal(let mu, let sigma):
            return x <= 0 ? 1 : StandardNormal.survival((log(x) - mu) / sigma)
        default:
            return 1 - cdf(x)
        }
    }
}
