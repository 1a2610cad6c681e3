extension ElementaryFunctions {
    // The lane versions repeat the scalar arithmetic operation for operation.
    // The standard library implements SIMD8<Double> arithmetic lane by lane
    // and leaves its vectorisation to the optimiser (only comparisons, masks
    // and integer &+ &- &* are vector operations from the start), so the code
    // is written for that: no choice between computed values
    // (`replacing(with:where:)`) in the common path, since the portable x86-64
    // build (no blend instruction) compiled such lane-wise selects to a branch
    // per lane; exp's clamps, a choice of a constant, become a minimum and a
    // maximum. Special lanes are handled out of line, behind one test of all
    // lanes. `-v` on a SIMD vector is `0 - v` (+0 where the scalar's is -0),
    // so the scalar negations are `negated(_:)` here.

    /// `exp(_:)` of each lane, to the bit: the same clamp (a minimum and a
    /// maximum), then the same arithmetic in every lane.
    @inline(__always)
    static func exp(_ x: SIMD8<Double>) -> SIMD8<Double> {
        // The scalar's `if x > upper { x = upper }` and `if x < lower { x = lower }`;
        // a nan lane stays nan.
        var x = x.replacing(with: expUpperClamp, where: x .> expUpperClamp)
        x = x.replacing(with: expLowerClamp, where: x .< expLowerClamp)
        let t = x * invLn2 + roundingShift
        let kd = t - roundingShift
        let hi = x - kd * ln2Hi
        let lo = kd * ln2Lo
        let r = hi - lo
        let rr = r * r
        let r4 = rr * rr
        let p12 = expP1 + rr * expP2
        let p34 = expP3 + rr * expP4
        let p = (p12 + r4 * p34) + (r4 * r4) * expP5
        let c = r - rr * p
        let y = 1 + (r * c / (2 - c) - lo + hi)
        let kb = bits(t) &- expBiasShift
        let k1b = kb &>> 1
        let scale1 = double((k1b &- 1) &<< 52)
        let scale2 = double((kb &- k1b &- 1) &<< 52)
        return y * scale1 * scale2
    }

    /// `log(_:)` of each lane, to the bit. When every lane is positive, normal
    /// and finite (the usual case), all lanes take the scalar's arithmetic;
    /// otherwise `logSpecial` handles each kind of lane by masks.
    @inline(__always)
    static func log(_ x: SIMD8<Double>) -> SIMD8<Double> {
        guard laneAll((x .>= 0x1p-1022) .& (x .< .infinity)) else { return logSpecial(x) }
        return logReduced(bits(x), bias: SIMD8(repeating: 1023))
    }

    /// `log` with subnormal lanes scaled by 2^54 and zero, negative, infinite
    /// and nan lanes given the scalar's results, by masks.
    @inline(never)
    static func logSpecial(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let subnormal = x .< 0x1p-1022
        let scaled = x.replacing(with: x * 0x1p54, where: subnormal)
        let bias = SIMD8<Double>(repeating: 1023).replacing(with: 1077, where: subnormal)
        return logReduced(bits(scaled), bias: bias)
            .replacing(with: x + x, where: .!(x .< .infinity))
            .replacing(with: .nan, where: x .< 0)
            .replacing(with: -.infinity, where: x .== 0)
    }

    /// The scalar `logReduced`, lane by lane.
    @inline(__always)
    private static func logReduced(_ bits: SIMD8<UInt64>, bias: SIMD8<Double>) -> SIMD8<Double> {
        let b = bits &+ logReductionOffset
        let dk = (double((b &>> 52) | twoTo52Bits) - 0x1p52) - bias
        let f = double((b & significandMask) &+ logReductionBase) - 1
        return logKernel(f, dk, correction: SIMD8(repeating: -0.0))
    }

    /// `log1p(_:)` of each lane, to the bit. When every lane is in (-1, +inf)
    /// (the usual case), all lanes take the scalar's arithmetic; otherwise
    /// `log1pSpecial` gives the others the scalar's results by masks.
    @inline(__always)
    static func log1p(_ x: SIMD8<Double>) -> SIMD8<Double> {
        guard laneAll((x .> -1) .& (x .< .infinity)) else { return log1pSpecial(x) }
        return log1pReduced(x)
    }

    @inline(never)
    static func log1pSpecial(_ x: SIMD8<Double>) -> SIMD8<Double> {
        log1pReduced(x)
            .replacing(with: x + x, where: .!(x .< .infinity))
            .replacing(with: .nan, where: x .< -1)
            .replacing(with: -.infinity, where: x .== -1)
    }

    /// The scalar `log1p` past its special cases, lane by lane.
    @inline(__always)
    private static func log1pReduced(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let u = 1 + x
        let b = bits(u) &+ logReductionOffset
        let dk = negated(1023 - (double((b &>> 52) | twoTo52Bits) - 0x1p52))
        let f = negated(1 - double((b & significandMask) &+ logReductionBase))
        return logKernel(f, dk, correction: (x - (u - 1)) / u)
    }

    /// The scalar `logKernel`, lane by lane.
    @inline(__always)
    private static func logKernel(
        _ f: SIMD8<Double>, _ dk: SIMD8<Double>, correction c: SIMD8<Double>
    ) -> SIMD8<Double> {
        let hfsq = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let z2 = z * z
        let z4 = z2 * z2
        let p12 = lg1 + z * lg2
        let p34 = lg3 + z * lg4
        let p56 = lg5 + z * lg6
        let p567 = p56 + z2 * lg7
        let r = z * ((p12 + z2 * p34) + z4 * p567)
        let sum = s * (hfsq + r) + (dk * ln2Lo + c)
        return sum - hfsq + f + dk * ln2Hi
    }

    /// The scalar prefix `-` in each lane: the sign bit flipped.
    @inline(__always)
    static func negated(_ x: SIMD8<Double>) -> SIMD8<Double> {
        double(bits(x) ^ 0x8000_0000_0000_0000)
    }

    @inline(__always)
    private static func bits(_ x: SIMD8<Double>) -> SIMD8<UInt64> {
        unsafeBitCast(x, to: SIMD8<UInt64>.self)
    }

    @inline(__always)
    private static func double(_ x: SIMD8<UInt64>) -> SIMD8<Double> {
        unsafeBitCast(x, to: SIMD8<Double>.self)
    }
}
