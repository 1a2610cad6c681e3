import Foundation

/// The standard normal distribution's CDF and quantile, in double precision.
public enum StandardNormal {
    /// Φ(x) = P(Z <= x), from `erfc` so that the lower tail keeps full
    /// relative precision down to Φ ≈ 1e-308 (x ≈ -37.5).
    /// Φ(-inf) = 0, Φ(+inf) = 1, Φ(nan) = nan.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x * 0.707_106_781_186_547_524_4)
    }

    /// 1 - Φ(x), computed without cancellation for large x.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x * 0.707_106_781_186_547_524_4)
    }

    /// Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16), "The percentage points
    /// of the normal distribution", Applied Statistics 37(3), 477-484 (1988):
    /// rational approximations in three regions, relative accuracy about 1e-16.
    ///
    /// The tails' logarithm is `ElementaryFunctions.log` (within 1 ulp), which
    /// the eight-lane version reproduces to the bit; the C library's `log`
    /// has no vector counterpart with its bits.
    ///
    /// Every p in (0, 1) gives a finite result: p = 1e-300 gives -37.0,
    /// p = 1 - 1e-16 (that is, 1 - 2^-53) gives 8.2. p = 0 gives -inf, p = 1
    /// gives +inf, and p outside [0, 1] or nan gives nan.
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * horner(r, a) / horner(r, b)
        }
        // The tail probability, exact: 1 - p is exact for p >= 0.5 (Sterbenz).
        var r = q < 0 ? p : 1 - p
        r = (-ElementaryFunctions.log(r)).squareRoot()
        let x: Double
        if r <= 5 {
            r -= 1.6
            x = horner(r, c) / horner(r, d)
        } else {
            r -= 5
            x = horner(r, e) / horner(r, f)
        }
        return q < 0 ? -x : x
    }

    /// Φ⁻¹(1 - s) for a small upper-tail probability `s`, without forming 1 - s.
    public static func upperQuantile(_ s: Double) -> Double {
        -quantile(s)
    }

    @inline(__always)
    private static func horner(_ x: Double, _ coefficients: (Double, Double, Double, Double, Double, Double, Double, Double)) -> Double {
        let k = coefficients
        return ((((((k.7 * x + k.6) * x + k.5) * x + k.4) * x + k.3) * x + k.2) * x + k.1) * x + k.0
    }

    // AS 241 coefficients, lowest order first (shared with the eight-lane
    // quantile in StandardNormal+Lanes.swift).
    static let a = (
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3)
    static let b = (
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3)
    static let c = (
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4)
    static let d = (
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9)
    static let e = (
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7)
    static let f = (
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15)
}
