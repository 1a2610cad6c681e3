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

    /// I_x(a, b) of each lane (one path's `Double` or eight paths' `Lanes`), each lane with its own
    /// x, a and b; `lnB` is ln B(a, b), the same for (a, b) and (b, a). The operations are the scalar
    /// ones lane by lane (the C library's `log`, `log1p` and `exp` called per lane), so each lane
    /// equals the one-path result to the bit. Lanes outside (0, 1) compute at 1/2 and take 0 or 1.
    @inline(__always)
    static func regularized<V: LaneValue>(_ x: V, _ a: V, _ b: V, logBeta lnB: Double) -> V {
        regularized(x, a, b, logBeta: lnB, logX: x.lanewise { log($0) }, log1mX: x.negated.lanewise { log1p($0) },
                    lanes: V.Mask(repeating: true))
    }

    /// `regularized` in the lanes of `lanes` (the others' results are meaningless), with ln x and
    /// ln(1 - x) (as `log1p(-x)`) of each lane given, for a caller that needs them too (the
    /// inverse's density). They are read only in lanes inside (0, 1).
    @inline(__always)
    static func regularized<V: LaneValue>(_ x: V, _ a: V, _ b: V, logBeta lnB: Double, logX: V, log1mX: V,
                                          lanes: V.Mask) -> V {
        let below = x .<= 0, above = x .>= 1
        let inside = x.replacing(with: 0.5, where: below .| above)
        let logFront = a * logX + b * log1mX - lnB
        // The side of the mean where the continued fraction converges fast; the other side uses
        // I_x(a, b) = 1 - I_{1-x}(b, a).
        let near = inside .< (a + 1) / (a + b + 2)
        let y = (1 - inside).replacing(with: inside, where: near)
        let p = b.replacing(with: a, where: near), q = a.replacing(with: b, where: near)
        let term = logFront.lanewise(where: lanes) { exp($0) } / p * continuedFraction(y, p, q, lanes: lanes)
        return (1 - term).replacing(with: term, where: near).replacing(with: 0, where: below).replacing(with: 1, where: above)
    }

    /// The continued fraction of I_x(a, b) (modified Lentz) in the lanes of `lanes`, converging fast
    /// for x < (a + 1) / (a + b + 2); a lane's sum stops changing at its own convergence, the loop
    /// runs until every lane of `lanes` has converged.
    @inline(__always)
    private static func continuedFraction<V: LaneValue>(_ x: V, _ a: V, _ b: V, lanes: V.Mask) -> V {
        let tiny = 1e-300
        @inline(__always) func awayFromZero(_ v: V) -> V {
            v.replacing(with: tiny, where: V.maximum(v, v.negated) .< tiny)   // abs(v) < tiny
        }
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = V(repeating: 1)
        var d = awayFromZero(1 - qab * x / qap)
        d = 1 / d
        var h = d
        var running = lanes
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = awayFromZero(1 + aa * d)
            c = awayFromZero(1 + aa / c)
            d = 1 / d
            h.replace(with: h * (d * c), where: running)
            // Odd step.
            aa = (a + m).negated * (qab + m) * x / ((a + m2) * (qap + m2))
            d = awayFromZero(1 + aa * d)
            c = awayFromZero(1 + aa / c)
            d = 1 / d
            let delta = d * c
            h.replace(with: h * delta, where: running)
            let change = delta - 1
            running = running .& .!(V.maximum(change, change.negated) .< 1e-16)
            if !running.anyLane { break }
        }
        return h
    }

    /// The x in [0, 1] with I_x(a, b) = p, for a, b > 0. p <= 0 gives 0 and
    /// p >= 1 gives 1.
    static func inverse(_ p: Double, _ a: Double, _ b: Double) -> Double {
        inverse(p, a, b, logBeta: logBeta(a, b))
    }

    /// `inverse` of each lane's p (one path or eight), with `lnB` = ln B(a, b) computed once by the
    /// caller; each lane equals the one-path result to the bit. For p > 1/2 a lane solves the
    /// mirrored problem: 1 - p is exact there (Sterbenz), and I_x(a, b) = 1 - I_{1-x}(b, a).
    static func inverse<V: LaneValue>(_ p: V, _ a: Double, _ b: Double, logBeta lnB: Double) -> V {
        let zero = p .<= 0, one = p .>= 1
        let mirrored = p .> 0.5
        // Lanes with p outside (0, 1) solve at 1/4 and take 0 or 1.
        let lower = p.replacing(with: 1 - p, where: mirrored).replacing(with: 0.25, where: zero .| one)
        let laneA = V(repeating: a).replacing(with: b, where: mirrored)
        let laneB = V(repeating: b).replacing(with: a, where: mirrored)
        let x = lowerInverse(lower, laneA, laneB, logBeta: lnB)
        return x.replacing(with: 1 - x, where: mirrored).replacing(with: 0, where: zero).replacing(with: 1, where: one)
    }

    /// Solves I_x(a, b) = p for p in (0, 1/2] in each lane; a lane keeps its answer once it has
    /// one, the loop runs until every lane has its own.
    private static func lowerInverse<V: LaneValue>(_ p: V, _ a: V, _ b: V, logBeta lnB: Double) -> V {
        var lo = V.zero, hi = V(repeating: 1)
        var x = initialGuess(p, a, b, logBeta: lnB)
        var result = x
        var active = V.Mask(repeating: true)
        for _ in 0..<400 {
            // ln x and ln(1 - x) once for I_x and the density (the same calls the scalar made twice),
            // in the lanes still solving only.
            let logX = x.lanewise(where: active) { log($0) }, log1mX = x.negated.lanewise(where: active) { log1p($0) }
            let f = regularized(x, a, b, logBeta: lnB, logX: logX, log1mX: log1mX, lanes: active) - p
            let root = active .& (f .== 0)
            result.replace(with: x, where: root)
            active = active .& .!root
            if !active.anyLane { return result }
            let below = f .< 0
            lo.replace(with: x, where: active .& below)
            hi.replace(with: x, where: active .& .!below)
            let logDensity = (a - 1) * logX + (b - 1) * log1mX - lnB
            // Halley's step: f''/f' = (a - 1)/x - (b - 1)/(1 - x) for f = I_x - p.
            let newton = f / logDensity.lanewise(where: active) { exp($0) }
            let curvature = 1 - 0.5 * newton * ((a - 1) / x - (b - 1) / (1 - x))
            let halley = (curvature .> 0.5) .& (curvature .< 2)
            var next = x - newton.replacing(with: newton / curvature, where: halley)
            let inside = (next .> lo) .& (next .< hi)
            // Halley converges cubically: after a step below 1e-7 relative,
            // the next error is far below an ulp, so stop without checking.
            let step = next - x
            let settled = active .& halley .& (V.maximum(step, step.negated) .< 1e-7 * x) .& inside
            result.replace(with: next, where: settled)
            active = active .& .!settled
            // Bisect where the step leaves the bracket or is not finite; geometrically while the
            // bracket spans decades.
            let finite = V.maximum(next, next.negated) .< .infinity
            var bisection = (0.5 * (lo + hi)).replacing(with: hi / 8, where: lo .== 0)
            bisection.replace(with: (lo * hi).lanewise { $0.squareRoot() }, where: (lo .> 0) .& (hi / lo .> 8))
            next.replace(with: bisection, where: .!inside .| .!finite)
            let moved = next - x
            let done = active .& ((V.maximum(moved, moved.negated) .<= 2e-16 * x) .| (hi - lo .<= 2e-16 * hi))
            result.replace(with: next, where: done)
            active = active .& .!done
            if !active.anyLane { return result }
            x.replace(with: next, where: active)
        }
        return result.replacing(with: x, where: active)
    }

    /// A start for the inverse, in each lane. Away from the lower tail, for a, b > 1, the
    /// normal approximation of Abramowitz and Stegun 26.5.22 (Carter 1947):
    /// x = a / (a + b e^{2w}) with y = Φ⁻¹(1 - p), λ = (y² - 3)/6,
    /// h = 2 / (1/(2a - 1) + 1/(2b - 1)) and
    /// w = y √(h + λ)/h - (1/(2b - 1) - 1/(2a - 1))(λ + 5/6 - 2/(3h)).
    /// Otherwise the tail approximation x^a / (a B(a, b)) = p.
    @inline(__always)
    private static func initialGuess<V: LaneValue>(_ p: V, _ a: V, _ b: V, logBeta lnB: Double) -> V {
        let y = p.lanewise { StandardNormal.quantile($0) }.negated
        let lambda = (y * y - 3) / 6
        let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
        let fiveSixths = 5.0 / 6
        let spread = (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + fiveSixths - 2 / (3 * h))
        let w = y * (h + lambda).lanewise { $0.squareRoot() } / h - spread
        let normal = a / (a + b * (2 * w).lanewise { exp($0) })
        let usesNormal = (a .> 1) .& (b .> 1) .& (p .> 1e-3) .& (normal .> 0) .& (normal .< 1)
        let tail = ((p.lanewise { log($0) } + a.lanewise { log($0) } + lnB) / a).lanewise { exp($0) }
        return tail.replacing(with: a / (a + b), where: .!((tail .> 0) .& (tail .< 0.9))).replacing(with: normal, where: usesNormal)
    }
}
