extension Distribution {
    /// Checks the parameters, so that `quantile(_:)` is finite and monotone
    /// for every u in (0, 1).
    ///
    /// - Throws: `SamplingError.invalidDistribution` naming the rule and the
    ///   values, e.g. "PERT needs min <= mode <= max (got min 5, mode 3, max 9)".
    public func validate() throws(SamplingError) {
        if let message = validationMessage { throw .invalidDistribution(message) }
    }

    /// The largest sigma of a lognormal: its 1-in-10^15 draw is then e^40 times the median, while
    /// sigma 300 gives infinite draws (which made whole runs undefined, or crashed them).
    public static let largestLogSigma = 5.0

    /// The reason the parameters are invalid, or `nil`.
    public var validationMessage: String? {
        let f = formatNumber
        switch self {
        case .fixed(let v):
            return v.isFinite ? nil : "fixed needs a finite value (got \(f(v)))"
        case .uniform(let a, let b):
            if !(a.isFinite && b.isFinite) { return "uniform needs finite min and max (got min \(f(a)), max \(f(b)))" }
            return a < b ? nil : "uniform needs min < max (got min \(f(a)), max \(f(b))); use fixed for a constant"
        case .triangular(let a, let c, let b):
            return Self.rangeWithMode("triangular", a, c, b)
        case .pert(let a, let c, let b, let lambda):
            if let message = Self.rangeWithMode("PERT", a, c, b) { return message }
            return lambda.isFinite && lambda > 0 ? nil : "PERT needs lambda > 0 (got \(f(lambda)))"
        case .normal(let mean, let sd):
            if !mean.isFinite { return "normal needs a finite mean (got \(f(mean)))" }
            return sd.isFinite && sd > 0 ? nil : "normal needs sd > 0 (got \(f(sd))); use fixed for a constant"
        case .lognormal(let mu, let sigma):
            if !mu.isFinite { return "lognormal needs a finite mu, the mean of ln X (got \(f(mu)))" }
            if !(sigma.isFinite && sigma > 0) {
                return "lognormal needs sigma > 0, the sd of ln X (got \(f(sigma))); use fixed for a constant"
            }
            return sigma <= Self.largestLogSigma
                ? nil : "lognormal needs sigma <= \(f(Self.largestLogSigma)), the sd of ln X (got \(f(sigma))); a larger one makes draws beyond any double"
        case .beta(let alpha, let beta, let a, let b):
            if !(alpha.isFinite && beta.isFinite && alpha > 0 && beta > 0) {
                return "beta needs alpha > 0 and beta > 0 (got alpha \(f(alpha)), beta \(f(beta)))"
            }
            if !(a.isFinite && b.isFinite) { return "beta needs finite min and max (got min \(f(a)), max \(f(b)))" }
            return a < b ? nil : "beta needs min < max (got min \(f(a)), max \(f(b)))"
        case .discrete(let values, let probabilities):
            if values.isEmpty { return "discrete needs at least one value" }
            if values.count != probabilities.count {
                return "discrete needs one probability per value (got \(values.count) values, \(probabilities.count) probabilities)"
            }
            if let i = values.firstIndex(where: { !$0.isFinite }) { return "discrete value \(i) is not finite (got \(f(values[i])))" }
            for i in 1..<values.count where !(values[i - 1] < values[i]) {
                return "discrete values must be strictly ascending (value \(i - 1) is \(f(values[i - 1])), value \(i) is \(f(values[i])))"
            }
            if let i = probabilities.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
                return "discrete probability \(i) must be >= 0 (got \(f(probabilities[i])))"
            }
            let total = probabilities.reduce(0, +)
            return abs(total - 1) <= 1e-9 ? nil : "discrete probabilities must sum to 1 (got \(total))"
        case .empirical(let sample):
            if sample.isEmpty { return "empirical needs at least one value" }
            if let i = sample.firstIndex(where: { !$0.isFinite }) { return "empirical value \(i) is not finite (got \(f(sample[i])))" }
            for i in 1..<sample.count where sample[i - 1] > sample[i] {
                return "empirical(sortedSample:) needs ascending values (value \(i) is \(f(sample[i])) after \(f(sample[i - 1]))); build it with Distribution.empirical(_:)"
            }
            return nil
        case .bernoulli(let p):
            return p >= 0 && p <= 1 ? nil : "bernoulli needs 0 <= p <= 1 (got \(f(p)))"
        case .geometric(let p):
            return p > 0 && p <= 1 ? nil : "geometric needs 0 < p <= 1 (got \(f(p)))"
        case .truncated(let base, let lower, let upper):
            if case .truncated = base { return "truncation of a truncated distribution: give one [lower, upper] instead" }
            if let message = base.validationMessage { return message }
            if !base.isContinuous { return "truncation needs a continuous distribution (got \(base.kindName))" }
            if lower.isNaN || upper.isNaN || !(lower < upper) {
                return "truncation needs lower < upper (got lower \(f(lower)), upper \(f(upper)))"
            }
            let mass = Swift.max(base.cdf(upper) - base.cdf(lower), base.survival(lower) - base.survival(upper))
            return mass > 0 ? nil : "truncation to [\(f(lower)), \(f(upper))] leaves no probability of the \(base.kindName) distribution"
        }
    }

    /// The family's name, as in messages.
    public var kindName: String {
        switch self {
        case .fixed: return "fixed"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .pert: return "PERT"
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .beta: return "beta"
        case .discrete: return "discrete"
        case .empirical: return "empirical"
        case .bernoulli: return "bernoulli"
        case .geometric: return "geometric"
        case .truncated(let base, _, _): return "truncated " + base.kindName
        }
    }

    private static func rangeWithMode(_ name: String, _ a: Double, _ c: Double, _ b: Double) -> String? {
        let f = formatNumber
        if !(a.isFinite && c.isFinite && b.isFinite) {
            return "\(name) needs finite min, mode and max (got min \(f(a)), mode \(f(c)), max \(f(b)))"
        }
        if !(a <= c && c <= b) { return "\(name) needs min <= mode <= max (got min \(f(a)), mode \(f(c)), max \(f(b)))" }
        return a < b ? nil : "\(name) needs min < max (got min \(f(a)), max \(f(b))); use fixed for a constant"
    }
}
