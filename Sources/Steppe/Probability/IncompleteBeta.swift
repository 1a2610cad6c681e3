import Foundation

/// The regularized incomplete beta function I_x(a, b) and its inverse in x,
/// for the beta and PERT distributions.
///
/// I_x(a, b) is evaluated by its continued fraction (DLMF 8.17.22), summed
/// with the modified Lentz algorithm, on the side of the mean where it
/// converges fast; the other side uses I_x(a, b) = 1 - I_{1-x}(b, a). This is
/// the method of Numerical Recipes' `betai` and Cephes' `incbet`; the
/// relative accuracy is about 1e-15 for parameters up to 1e4.
///
/// The inverse is a safeguarded Halley iteration on I_x(a, b) = p, started
/// from a normal approximation (Abramowitz and Stegun 26.5.22) or, in the
/// lower tail, from I_x ≈ x^a / (a B(a, b)), with a bisection fallback
/// whenever a step leaves the current bracket. For
/// p > 1/2 it solves the mirrored problem, so both tails keep their relative
/// precision: `inverse(1e-300, 2, 3)` is about 7e-151, not 0.
enum IncompleteBeta {
    /// ln B(a, b), via the reentrant `lgamma_r` (plain `lgamma` writes the
    /// global `signgam` and would race across threads).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(a, &sign) + lgamma_r(b, &sign) - lgamma_r(a + b, &sign)
    }

    /// I_x(a, b) for a, b > 0; 0 for x <= 0 and 1 for x >= 1.
    static func regularized(_ x: Double, _ a: Double, _ b: Double) -> Double {
        regularized(x, a, b, logBeta: logBeta(a, b))
    }

    static func regularized(_ x: Double, _ a: Double, _ b: Double, logBeta lnB: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = a * log(x) + b * log1p(-x) - lnB
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) / a * continuedFraction(x, a, b)
        } else {
            return 1 - exp(logFront) / b * continuedFraction(1 - x, b, a)
        }
    }

    /// The continued fraction of I_x(a, b) (modified Lentz), converging fast
    /// for x < (a + 1) / (a + b + 2).
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The x in [0, 1] with I_x(a, b) = p, for a, b > 0. p <= 0 gives 0 and
    /// p >= 1 gives 1.
    static func inverse(_ p: Double, _ a: Double, _ b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let lnB = logBeta(a, b)
        if p > 0.5 {
            // 1 - p is exact here (Sterbenz), and I_x(a, b) = 1 - I_{1-x}(b, a).
            return 1 - lowerInverse(1 - p, b, a, logBeta: lnB)
        }
        return lowerInverse(p, a, b, logBeta: lnB)
    }

    /// Solves I_x(a, b) = p for p in (0, 1/2].
    private static func lowerInverse(_ p: Double, _ a: Double, _ b: Double, logBeta lnB: Double) -> Double {
        var lo = 0.0, hi = 1.0
        var x = initialGuess(p, a, b, logBeta: lnB)
        for _ in 0..<400 {
            let f = regularized(x, a, b, logBeta: lnB) - p
            if f == 0 { return x }
            if f < 0 { lo = x } else { hi = x }
            let logDensity = (a - 1) * log(x) + (b - 1) * log1p(-x) - lnB
            // Halley's step: f''/f' = (a - 1)/x - (b - 1)/(1 - x) for f = I_x - p.
            let newton = f / exp(logDensity)
            let curvature = 1 - 0.5 * newton * ((a - 1) / x - (b - 1) / (1 - x))
            let halley = curvature > 0.5 && curvature < 2
            var next = x - (halley ? newton / curvature : newton)
            // Halley converges cubically: after a step below 1e-7 relative,
            // the next error is far below an ulp, so stop without checking.
            if halley && abs(next - x) < 1e-7 * x && next > lo && next < hi { return next }
            if !(next > lo && next < hi) || !next.isFinite {
                // Bisect; geometrically while the bracket spans decades.
                next = lo > 0 && hi / lo > 8 ? (lo * hi).squareRoot() : lo == 0 ? hi / 8 : 0.5 * (lo + hi)
            }
            if abs(next - x) <= 2e-16 * x || hi - lo <= 2e-16 * hi { return next }
            x = next
        }
        return x
    }

    /// A start for the inverse. Away from the lower tail, for a, b > 1, the
    /// normal approximation of Abramowitz and Stegun 26.5.22 (Carter 1947):
    /// x = a / (a + b e^{2w}) with y = Φ⁻¹(1 - p), λ = (y² - 3)/6,
    /// h = 2 / (1/(2a - 1) + 1/(2b - 1)) and
    /// w = y √(h + λ)/h - (1/(2b - 1) - 1/(2a - 1))(λ + 5/6 - 2/(3h)).
    /// Otherwise the tail approximation x^a / (a B(a, b)) = p.
    private static func initialGuess(_ p: Double, _ a: Double, _ b: Double, logBeta lnB: Double) -> Double {
        if a > 1, b > 1, p > 1e-3 {
            let y = -StandardNormal.quantile(p)
            let lambda = (y * y - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = y * (h + lambda).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
            let x = a / (a + b * exp(2 * w))
            if x > 0 && x < 1 { return x }
        }
        let x = exp((log(p) + log(a) + lnB) / a)
        return x > 0 && x < 0.9 ? x : a / (a + b)
    }
}
