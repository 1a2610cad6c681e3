extension StandardNormal {
    /// `quantile(_:)` lane by lane, to the bit.
    ///
    /// The central region |p - 0.5| <= 0.425, which holds 85% of uniform draws,
    /// is AS 241's rational polynomial evaluated in all eight lanes with the
    /// scalar's operations in the scalar's order (no fused multiply-adds, IEEE
    /// division), so its lanes equal the scalar's. Lanes outside it (the tails,
    /// which need `log`, and 0, 1 and nan) are then recomputed one by one with
    /// `quantile(_:)`.
    ///
    /// On uniform p about 1.2 lanes in 8 take the scalar path, so the whole is
    /// about as fast as eight scalar calls (measured); lanes all in the central
    /// region take two thirds of the scalar time.
    ///
    /// - Complexity: O(1); one scalar call per lane outside the central region.
    @inline(__always)
    static func quantile(_ p: SIMD8<Double>) -> SIMD8<Double> {
        let q = p - 0.5
        let r = 0.180625 - q * q
        var x = q * horner(r, a) / horner(r, b)
        // |q| > 0.425 or q is nan: the tails and the invalid p.
        let outside = .!(q .>= -0.425 .& q .<= 0.425)
        if any(outside) {
            for j in 0..<Lanes.scalarCount where outside[j] {
                x[j] = quantile(p[j])
            }
        }
        return x
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
