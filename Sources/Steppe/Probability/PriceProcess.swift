import Foundation

/// Yearly price multipliers with mean 1 around a scenario's base price path,
/// driven by one standard normal per operating year (k = 1, 2, ..., n;
/// year 1 already carries one year of uncertainty).
///
/// - `geometricBrownian(volatility: σ)`: ln M_k = Σ_{j<=k} (σ Z_j - σ²/2), a
///   random walk in log price with zero drift relative to the base path;
///   Var(ln M_k) = k σ².
/// - `meanRevertingLog(speed: κ, volatility: σ)`: an Ornstein-Uhlenbeck
///   process x in log price, started at x_0 = 0 and sampled exactly at yearly
///   steps, x_k = e^{-κ} x_{k-1} + σ √(1 - e^{-2κ}) Z_k, so that
///   Var(x_k) = σ² (1 - e^{-2κ k}) → σ² (σ is the long-run volatility of the
///   log price, κ the reversion speed per year, half-life ln 2 / κ years);
///   M_k = exp(x_k - Var(x_k)/2).
///
/// Both give E[M_k] = 1 exactly, since E[exp(N(μ, v))] = exp(μ + v/2).
public enum PriceProcess: Sendable, Hashable {
    case geometricBrownian(volatility: Double)
    case meanRevertingLog(speed: Double, volatility: Double)

    /// - Throws: `SamplingError.invalidProcess` for a negative or non-finite
    ///   volatility, or a reversion speed that is not positive.
    public func validate() throws(SamplingError) {
        switch self {
        case .geometricBrownian(let sigma):
            if !(sigma >= 0 && sigma.isFinite) {
                throw .invalidProcess("geometric Brownian motion needs volatility >= 0 (got \(formatNumber(sigma)))")
            }
        case .meanRevertingLog(let kappa, let sigma):
            if !(kappa > 0 && kappa.isFinite) {
                throw .invalidProcess("mean-reverting process needs speed > 0 per year (got \(formatNumber(kappa))); use geometricBrownian for no reversion")
            }
            if !(sigma >= 0 && sigma.isFinite) {
                throw .invalidProcess("mean-reverting process needs volatility >= 0 (got \(formatNumber(sigma)))")
            }
        }
    }

    /// The closed-form Var(ln M_k) for year k >= 1.
    public func logVariance(year k: Int) -> Double {
        switch self {
        case .geometricBrownian(let sigma):
            return Double(k) * sigma * sigma
        case .meanRevertingLog(let kappa, let sigma):
            return -sigma * sigma * expm1(-2 * kappa * Double(k))
        }
    }

    /// Writes M_1 ... M_n into `multipliers` from the standard normals
    /// Z_1 ... Z_n in `normals` (equal counts; the two may be the same buffer).
    ///
    /// - Complexity: O(n), no allocation.
    public func multipliers(normals: UnsafeBufferPointer<Double>, into multipliers: UnsafeMutableBufferPointer<Double>) {
        precondition(normals.count == multipliers.count, "\(normals.count) normals for \(multipliers.count) years")
        guard let z = normals.baseAddress, let m = multipliers.baseAddress else { return }
        self.multipliers(normals: z, into: m, count: normals.count)
    }

    /// M_1 ... M_n of each lane (one path's `Double` or eight paths' `Lanes`, `normals[k]` holding
    /// year k + 1 of each) from its standard normals, in place when the two pointers are equal. The
    /// scalar operations lane by lane (the C library's `exp` per lane), so each lane equals the
    /// one-path multipliers to the bit; Var(ln M_k) is computed once per year for all lanes.
    @inline(__always)
    func multipliers<V: LaneValue>(normals: UnsafePointer<V>, into multipliers: UnsafeMutablePointer<V>, count: Int) {
        switch self {
        case .geometricBrownian(let sigma):
            var logM = V.zero
            let drift = -sigma * sigma / 2
            for k in 0..<count {
                logM += sigma * normals[k] + drift
                multipliers[k] = logM.lanewise { exp($0) }
            }
        case .meanRevertingLog(let kappa, let sigma):
            let decay = exp(-kappa)
            let shock = sigma * (-expm1(-2 * kappa)).squareRoot()
            var x = V.zero
            for k in 0..<count {
                x = decay * x + shock * normals[k]
                let halfVariance = logVariance(year: k + 1) / 2
                multipliers[k] = (x - halfVariance).lanewise { exp($0) }
            }
        }
    }

    /// `multipliers(normals:into:)` from uniforms in (0, 1), Z = Φ⁻¹(u),
    /// in place: the path's uniforms of its operating years become multipliers.
    public func multipliers(fromUniformsInPlace values: UnsafeMutableBufferPointer<Double>) {
        for k in 0..<values.count { values[k] = StandardNormal.quantile(values[k]) }
        multipliers(normals: UnsafeBufferPointer(values), into: values)
    }

    /// Arrays version of `multipliers(normals:into:)`.
    public func multipliers(normals: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: normals.count)
        normals.withUnsafeBufferPointer { z in out.withUnsafeMutableBufferPointer { multipliers(normals: z, into: $0) } }
        return out
    }
}
