import Foundation

extension PreparedQuantile {
    /// The inverse CDF of eight paths' uniforms at once: lane j equals
    /// `quantile(u[j])` to the bit. The common forms are `Shape.quantile(_:)`;
    /// a `.general` form runs the fallback lane by lane.
    @inline(__always)
    func quantile(_ u: SIMD8<Double>) -> SIMD8<Double> {
        guard case .general = form else { return shape.quantile(u) }
        var x = SIMD8<Double>()
        for j in 0..<Lanes.scalarCount { x[j] = fallback.quantile(u[j]) }
        return x
    }

    /// What the lane quantile of a common form reads: plain numbers, so the lane engine's
    /// tables of draws copy without reference counting.
    struct Shape: Sendable {
        let form: Form
        let truncation: Truncation?
    }

    var shape: Shape { Shape(form: form, truncation: truncation) }
}

extension PreparedQuantile.Shape {
    /// The inverse CDF of eight paths' uniforms at once, for every form but `.general`
    /// (which has no shape: `PreparedQuantile.quantile(_:)` handles it).
    ///
    /// Fixed, uniform and triangular forms and the truncation's linear map and
    /// clamp are vector arithmetic (the triangular's side of the mode is chosen
    /// per lane by a mask; `squareRoot()` is correctly rounded in vectors too).
    /// Normal and lognormal use the eight-lane `StandardNormal.quantile`, and
    /// lognormal the eight-lane `ElementaryFunctions.exp`, whose lanes equal the
    /// scalar functions the scalar quantile calls. Beta and PERT solve two lanes
    /// at a time (`IncompleteBeta.inverse` on `SIMD2`, masks where lanes branch,
    /// the C library's functions lane by lane).
    @inline(__always)
    func quantile(_ u: SIMD8<Double>) -> SIMD8<Double> {
        guard let tr = truncation else { return untruncated(u) }
        let x = tr.inUpperTail ? upperTail(tr.low - u * (tr.low - tr.high)) : untruncated(tr.low + u * (tr.high - tr.low))
        // Swift.max(x, lower) is `lower >= x ? lower : x` and Swift.min(m, upper) is
        // `upper < m ? upper : m`; the same comparisons keep nan and signed zeros alike.
        let atLeastLower = x.replacing(with: tr.lower, where: tr.lower .>= x)
        return atLeastLower.replacing(with: tr.upper, where: tr.upper .< atLeastLower)
    }

    @inline(__always)
    private func untruncated(_ u: SIMD8<Double>) -> SIMD8<Double> {
        switch form {
        case .fixed(let v):
            return SIMD8(repeating: v)
        case .uniform(let a, let b):
            return a + (b - a) * u
        case .triangular(let a, let c, let b):
            return PreparedQuantile.triangularQuantile(u, min: a, mode: c, max: b)
        case .normal(let mean, let sd):
            return mean + sd * StandardNormal.quantile(u)
        case .lognormal(let mu, let sigma):
            return ElementaryFunctions.exp(mu + sigma * StandardNormal.quantile(u))
        case .beta(let alpha, let beta, let a, let b, let lnB):
            // Two lanes per solve: the iteration's live values fit the SSE registers in pairs (eight
            // lanes spilled them), and a pair waits only for its own slower lane.
            var x = SIMD8<Double>()
            for j in stride(from: 0, to: 8, by: 2) {
                let pair = IncompleteBeta.inverse(SIMD2(u[j], u[j + 1]), alpha, beta, logBeta: lnB)
                x[j] = pair[0]
                x[j + 1] = pair[1]
            }
            return a + (b - a) * x
        case .general:
            preconditionFailure("a general form has no shape")
        }
    }

    /// The lane version of the scalar `upperTail`: the x with survival value `s`.
    private func upperTail(_ s: SIMD8<Double>) -> SIMD8<Double> {
        switch form {
        case .normal(let mean, let sd): return mean + sd * -StandardNormal.quantile(s)
        case .lognormal(let mu, let sigma): return ElementaryFunctions.exp(mu + sigma * -StandardNormal.quantile(s))
        default: return untruncated(1 - s)
        }
    }
}

extension PreparedQuantile {
    /// `Distribution.triangularQuantile` lane by lane: the same operations in the
    /// same order on both sides of the mode, the lane's side chosen by a mask,
    /// and the square root's argument selected first so each lane takes one root.
    ///
    /// Written for the optimiser, which is fragile here (each point measured,
    /// release build): a vector's `squareRoot()` runs lane by lane with a branch
    /// per lane to the C library for negative or nan arguments, so the root is a
    /// function of its own and this one is out of line; and the comparison takes
    /// the scalar `c - a`, since against a splatted vector it compiled to a loop
    /// over the lanes. Either way the lane quantile took twice the scalar time.
    @inline(never)
    static func triangularQuantile(_ u: SIMD8<Double>, min a: Double, mode c: Double, max b: Double) -> SIMD8<Double> {
        let w = b - a
        let uw = u * w
        let below = uw .< (c - a)
        let square = ((1 - u) * w * (b - c)).replacing(with: uw * (c - a), where: below)
        let root = laneSquareRoot(square)
        return (b - root).replacing(with: a + root, where: below)
    }

    /// `squareRoot()` of each lane, correctly rounded as the scalar one; out of
    /// line for the reason given at `triangularQuantile`.
    @inline(never)
    static func laneSquareRoot(_ x: SIMD8<Double>) -> SIMD8<Double> {
        x.squareRoot()
    }
}
