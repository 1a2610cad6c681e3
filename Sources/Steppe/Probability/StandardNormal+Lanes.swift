extension StandardNormal {
    /// `quantile(_:)` lane by lane, to the bit.
    ///
    /// AS 241's rational functions are evaluated in all eight lanes with the
    /// scalar's operations in the scalar's order (no fused multiply-adds, IEEE
    /// division and square root, and `ElementaryFunctions.log`, whose lanes
    /// equal its scalar version), each lane's region chosen by masks. The
    /// central region |p - 0.5| <= 0.425 holds 85% of uniform draws. When
    /// some lanes are outside it, `tails` computes the tail branch in vector
    /// for all lanes. Invalid p (0, 1, outside [0, 1], nan) get the scalar's
    /// -inf, +inf or nan.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public static func quantile(_ p: SIMD8<Double>) -> SIMD8<Double> {
        let q = p - 0.5
        let r = 0.180625 - q * q
        let x = q * horner(r, a) / horner(r, b)
        // |q| > 0.425 or q is nan: the tails and the invalid p.
        let outside = .!(q .>= -0.425 .& q .<= 0.425)
        guard laneAny(outside) else { return x }
        return tails(p, central: x)
    }

    /// `central` with the lanes outside the central region replaced by the
    /// tail branch's results (q and the mask are recomputed here: passing
    /// them made the caller's central path slower).
    ///
    /// Always in vector, even for one tail lane (73% of groups of uniform p
    /// have one or more): built for a CPU with 512-bit vectors this was 2%
    /// faster on the reference model than one scalar `quantile` per tail lane
    /// below three tail lanes, as before; the portable build was unchanged
    /// (best of 7 alternating runs each, sixth session).
    @inline(never)
    private static func tails(_ p: SIMD8<Double>, central: SIMD8<Double>) -> SIMD8<Double> {
        let q = p - 0.5
        let outside = .!(q .>= -0.425 .& q .<= 0.425)
        return central.replacing(with: vectorTails(p, q), where: outside)
    }

    /// The scalar quantile's tail branch in every lane, and its results for
    /// invalid p.
    @inline(__always)
    private static func vectorTails(_ p: SIMD8<Double>, _ q: SIMD8<Double>) -> SIMD8<Double> {
        let valid = p .> 0 .& p .< 1
        let lower = q .< 0
        // The scalar's tail probability; 0.5 in invalid lanes (replaced below)
        // keeps the square root's argument positive.
        let t = (1 - p).replacing(with: p, where: lower).replacing(with: 0.5, where: .!valid)
        // `-v` on vectors is `0 - v`, the scalar's `-v` for the log's nonzero values.
        let r = squareRoot(-ElementaryFunctions.log(t))
        // Both tails' polynomials in all lanes (evaluating only the near one
        // when no lane needs the far one compiled to scalar code), and the
        // quotient's operands chosen rather than the quotients, since a
        // choice between quotients compiles to a branch per lane.
        let near = r .<= 5
        let s = (r - 5).replacing(with: r - 1.6, where: near)
        let numerator = horner(s, e).replacing(with: horner(s, c), where: near)
        let denominator = horner(s, f).replacing(with: horner(s, d), where: near)
        var x = numerator / denominator
        // Tail quantiles are at least 1.44 in magnitude, so `0 - x` is `-x`.
        x = x.replacing(with: -x, where: lower)
        if !laneAll(valid) {
            x = x.replacing(with: .nan, where: .!valid)
                .replacing(with: -.infinity, where: p .== 0)
                .replacing(with: .infinity, where: p .== 1)
        }
        return x
    }

    /// `squareRoot()` of each lane, out of line: a vector's square root runs
    /// lane by lane (with a branch per lane to the C library for negative
    /// arguments), and inlined, it left the arithmetic after it scalar.
    @inline(never)
    private static func squareRoot(_ x: SIMD8<Double>) -> SIMD8<Double> {
        x.squareRoot()
    }

    @inline(__always)
    private static func horner(
        _ x: SIMD8<Double>, _ coefficients: (Double, Double, Double, Double, Double, Double, Double, Double)
    ) -> SIMD8<Double> {
        // The scalar horner's order, one step per line (the nested expression
        // is too much for the type checker with vector operands).
        let k = coefficients
        var y: SIMD8<Double> = k.7 * x + k.6
        y = y * x + k.5
        y = y * x + k.4
        y = y * x + k.3
        y = y * x + k.2
        y = y * x + k.1
        return y * x + k.0
    }
}
