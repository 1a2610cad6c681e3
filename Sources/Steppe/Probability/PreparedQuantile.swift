import Foundation

/// A distribution's inverse CDF prepared once for the per-path loop.
///
/// `Distribution` is an `indirect` enum, so reading its payload on every path costs a
/// reference-count round trip, and a truncated distribution recomputes the CDF of its
/// bounds on every call. A prepared quantile keeps the common forms (fixed, uniform,
/// triangular, normal, lognormal, and beta and PERT with their shape and ln B(α, β)) as plain
/// numbers and the truncation bounds' CDF (or survival) values precomputed, so a draw is
/// arithmetic only (a beta's is its inverse incomplete beta function, without the three
/// `lgamma` calls of ln B). It performs the same
/// floating-point operations as `Distribution.quantile(_:)` and so returns the same value
/// to the bit (a test checks this); other forms fall back to `Distribution.quantile(_:)`.
struct PreparedQuantile: Sendable {
    enum Form: Sendable {
        case fixed(Double)
        case uniform(min: Double, max: Double)
        case triangular(min: Double, mode: Double, max: Double)
        case normal(mean: Double, sd: Double)
        case lognormal(mu: Double, sigma: Double)
        /// Beta(α, β) scaled to [min, max], a PERT's too, with ln B(α, β).
        case beta(alpha: Double, beta: Double, min: Double, max: Double, logBeta: Double)
        /// Any other distribution: `PreparedQuantile.fallback` computes it.
        case general
    }
    /// Truncation to [lower, upper] as in `Distribution.truncatedQuantile`: u maps linearly to
    /// [low, high] in CDF space, or from `low` down to `high` in survival space in the upper tail.
    struct Truncation: Sendable {
        var lower: Double, upper: Double
        var low: Double, high: Double
        var inUpperTail: Bool
    }

    let form: Form
    let truncation: Truncation?
    /// The distribution itself, read only for `.general` forms.
    let fallback: Distribution

    init(_ distribution: Distribution) {
        fallback = distribution
        var base = distribution
        var truncation: Truncation?
        if case .truncated(let inner, let lower, let upper) = distribution {
            base = inner
            let fLower = inner.cdf(lower)
            if fLower > 0.5 {
                truncation = Truncation(lower: lower, upper: upper, low: inner.survival(lower),
                                        high: inner.survival(upper), inUpperTail: true)
            } else {
                truncation = Truncation(lower: lower, upper: upper, low: fLower, high: inner.cdf(upper), inUpperTail: false)
            }
        }
        var form: Form
        switch base {
        case .fixed(let v): form = .fixed(v)
        case .uniform(let a, let b): form = .uniform(min: a, max: b)
        case .triangular(let a, let c, let b): form = .triangular(min: a, mode: c, max: b)
        case .normal(let mean, let sd): form = .normal(mean: mean, sd: sd)
        case .lognormal(let mu, let sigma): form = .lognormal(mu: mu, sigma: sigma)
        case .pert(let a, let c, let b, let lambda):
            let (alpha, beta) = Distribution.pertShape(min: a, mode: c, max: b, lambda: lambda)
            form = .beta(alpha: alpha, beta: beta, min: a, max: b, logBeta: IncompleteBeta.logBeta(alpha, beta))
        case .beta(let alpha, let beta, let a, let b):
            form = .beta(alpha: alpha, beta: beta, min: a, max: b, logBeta: IncompleteBeta.logBeta(alpha, beta))
        default: form = .general
        }
        if case .general = form { truncation = nil }   // the fallback handles its own truncation
        self.form = form
        self.truncation = truncation
    }

    /// The inverse CDF at `u` in (0, 1); equal to `Distribution.quantile(u)` of the prepared distribution.
    @inline(__always)
    func quantile(_ u: Double) -> Double {
        guard let tr = truncation else { return untruncated(u) }
        let x = tr.inUpperTail ? upperTail(tr.low - u * (tr.low - tr.high)) : untruncated(tr.low + u * (tr.high - tr.low))
        return Swift.min(Swift.max(x, tr.lower), tr.upper)
    }

    @inline(__always)
    private func untruncated(_ u: Double) -> Double {
        switch form {
        case .fixed(let v):
            return v
        case .uniform(let a, let b):
            return a + (b - a) * u
        case .triangular(let a, let c, let b):
            return Distribution.triangularQuantile(u, min: a, mode: c, max: b)
        case .normal(let mean, let sd):
            return mean + sd * StandardNormal.quantile(u)
        case .lognormal(let mu, let sigma):
            return ElementaryFunctions.exp(mu + sigma * StandardNormal.quantile(u))
        case .beta(let alpha, let beta, let a, let b, let lnB):
            return a + (b - a) * IncompleteBeta.inverse(u, alpha, beta, logBeta: lnB)
        case .general:
            return fallback.quantile(u)
        }
    }

    /// The x with survival value `s`, as `Distribution.upperQuantile`.
    private func upperTail(_ s: Double) -> Double {
        switch form {
        case .normal(let mean, let sd): return mean + sd * StandardNormal.upperQuantile(s)
        case .lognormal(let mu, let sigma): return ElementaryFunctions.exp(mu + sigma * StandardNormal.upperQuantile(s))
        default: return untruncated(1 - s)
        }
    }
}
