/// `exp`, `log` and `log1p` of a `Double` and of eight lanes (`SIMD8<Double>`)
/// that perform the same IEEE operations in the same order, so that every lane
/// of the vector version equals the scalar version to the bit. The C library's
/// functions cannot serve the lane engine: a vector implementation would not
/// reproduce their bits, and calling them lane by lane is slow.
///
/// The algorithms and coefficients are those of FreeBSD's msun (Sun's fdlibm,
/// as in musl), `e_exp.c` and `e_log.c`; `log1p` reduces u = 1 + x as `log`
/// does, with a correction for the rounding of u (`s_log1p.c` has a second,
/// direct path near 0). The polynomials are evaluated by Estrin's scheme
/// rather than the sources' Horner chains (a shorter dependency chain; the
/// largest errors measured with either differ by less than 0.02 ulp, and a
/// chain of lane operations is vectorised by the optimiser as reliably as
/// Horner's; e_log.c's split into odd and even powers was vectorised only in
/// part). Integer rounding uses the 0x1.8p52
/// shift, scaling and reduction work on bit patterns, and special cases are
/// decided by comparisons, so that the lane versions (in
/// ElementaryFunctions+Lanes.swift) compute every lane alike. None uses a
/// fused multiply-add (Swift does not contract `a * b + c`).
///
/// Each is faithful (below 1 ulp from the exact value), and within 1 ulp of
/// glibc's function. Measured on 10^7 random arguments per range (glibc 2.x
/// on x86-64; errors against a `Float80` reference from `expl`, `logl` and
/// `log1pl`): see each function.
enum ElementaryFunctions {
    // MARK: exp

    /// e^x, within 1 ulp. Measured: at most 1 ulp from glibc's `exp` on 10^7
    /// arguments each in [-745, 710], [-1, 1] and [-746, -708] (subnormal
    /// results); largest error 0.885 ulp (glibc's: 0.508).
    ///
    /// x = k ln 2 + r with |r| <= ln 2 / 2 (Cody-Waite, ln 2 in two parts),
    /// e^r = 1 - ((lo - r c / (2 - c)) - hi) with c = r - r² P(r²), then
    /// 2^k in two factors 2^⌊k/2⌋ · 2^(k - ⌊k/2⌋), so that results in the
    /// subnormal range are rounded once and overflow gives +inf. x is first
    /// clamped to [-746, 710], where the arithmetic itself gives +inf above
    /// 709.782712893383973096 and 0 below -745.13321910194110842 (e_exp.c's
    /// thresholds): exp(+inf) = +inf, exp(-inf) = 0, and nan propagates.
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        // Clamped, the arithmetic overflows to +inf above 709.78... and rounds
        // to 0 below -745.13... by itself; nan propagates.
        var x = x
        if x > expUpperClamp { x = expUpperClamp }
        if x < expLowerClamp { x = expLowerClamp }
        let t = x * invLn2 + roundingShift
        let kd = t - roundingShift
        let hi = x - kd * ln2Hi
        let lo = kd * ln2Lo
        let r = hi - lo
        let rr = r * r
        let r4 = rr * rr
        let c = r - rr * ((expP1 + rr * expP2 + r4 * (expP3 + rr * expP4)) + r4 * r4 * expP5)
        let y = 1 + (r * c / (2 - c) - lo + hi)
        // k + 2048 from the shifted sum's bits (|k| <= 1076), halved.
        let kb = t.bitPattern &- expBiasShift
        let k1b = kb &>> 1
        let scale1 = Double(bitPattern: (k1b &- 1) &<< 52)
        let scale2 = Double(bitPattern: (kb &- k1b &- 1) &<< 52)
        return y * scale1 * scale2
    }

    // MARK: log

    /// The natural logarithm, within 1 ulp. Measured: at most 1 ulp from
    /// glibc's `log` on 10^7 random bit patterns of positive finite doubles,
    /// 10^7 subnormals, 10^7 uniforms in (0, 1) and 10^7 in [0.9, 1.1];
    /// largest error 0.840 ulp (glibc's: 0.518).
    ///
    /// x = 2^k m with m in [√2/2, √2), f = m - 1, s = f / (2 + f),
    /// log(m) = f - s (f - R) with R a polynomial in z = s², summed as
    /// s (f²/2 + R) + k ln2_lo - f²/2 + f + k ln2_hi. Subnormal x is scaled by
    /// 2^54 first. log(±0) = -inf, log(x < 0) = nan, log(+inf) = +inf,
    /// log(nan) = nan, log(1) = +0.
    @inline(__always)
    static func log(_ x: Double) -> Double {
        guard x >= 0x1p-1022, x < .infinity else { return logSpecial(x) }
        return logReduced(x.bitPattern, bias: 1023)
    }

    /// `log` of zero, subnormal, negative, infinite and nan x.
    @inline(never)
    static func logSpecial(_ x: Double) -> Double {
        if x == 0 { return -.infinity }
        if x < 0 { return .nan }
        if x < 0x1p-1022 { return logReduced((x * 0x1p54).bitPattern, bias: 1077) }
        return x + x
    }

    /// log of the positive normal double with bit pattern `bits`, less
    /// bias - 1023 times ln 2.
    @inline(__always)
    private static func logReduced(_ bits: UInt64, bias: Double) -> Double {
        let b = bits &+ logReductionOffset
        let dk = (Double(bitPattern: (b &>> 52) | twoTo52Bits) - 0x1p52) - bias
        let f = Double(bitPattern: (b & significandMask) &+ logReductionBase) - 1
        // + -0 is no operation (and no instruction).
        return logKernel(f, dk, correction: -0.0)
    }

    // MARK: log1p

    /// log(1 + x), within 1 ulp. Measured: at most 1 ulp from glibc's `log1p`
    /// on 10^7 arguments each in (-1, 1), of magnitude 2^-1000 to 2^-2 (either
    /// sign), in [1, 1e300] and in (-1, -0.999); largest error 0.862 ulp
    /// (glibc's, also fdlibm's algorithm: 0.839).
    ///
    /// u = 1 + x is reduced as in `log`, and the rounding error of u enters
    /// as log(1 + x) = log(u) + c with c = (x - (u - 1)) / u, to first order.
    /// x - (u - 1) is that error exactly while u < 2^53; beyond, where it is
    /// not, |c| < 2^-52 against log(u) > 36 (s_log1p.c sets c = 0 there).
    /// s_log1p.c takes 1 + x in [√2/2, √2) directly, without u: one reduction
    /// for every x keeps the lane version free of choices, at a larger error
    /// near 0 (0.66 ulp at most measured for |x| < 1e-5, against 0.51).
    /// f = -(1 - m) and k = -(1023 - e) are m - 1 and e - 1023, but -0 when
    /// zero, which makes log1p(-0) = -0. log1p(-1) = -inf, log1p(x < -1) =
    /// nan, log1p(+inf) = +inf, log1p(nan) = nan, log1p(x) = x for |x| <
    /// 2^-53.
    @inline(__always)
    static func log1p(_ x: Double) -> Double {
        guard x > -1, x < .infinity else {
            if x == -1 { return -.infinity }
            if x < -1 { return .nan }
            return x + x
        }
        let u = 1 + x
        let b = u.bitPattern &+ logReductionOffset
        let dk = -(1023 - (Double(bitPattern: (b &>> 52) | twoTo52Bits) - 0x1p52))
        let f = -(1 - Double(bitPattern: (b & significandMask) &+ logReductionBase))
        return logKernel(f, dk, correction: (x - (u - 1)) / u)
    }

    /// log(1 + f) + k ln 2 + c for f in [√2/2 - 1, √2 - 1), summed in
    /// e_log.c's (and, with c, s_log1p.c's) order; R(z) by Estrin's scheme.
    @inline(__always)
    private static func logKernel(_ f: Double, _ dk: Double, correction c: Double) -> Double {
        let hfsq = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let z2 = z * z
        let z4 = z2 * z2
        let r = z * ((lg1 + z * lg2 + z2 * (lg3 + z * lg4)) + z4 * (lg5 + z * lg6 + z2 * lg7))
        return s * (hfsq + r) + (dk * ln2Lo + c) - hfsq + f + dk * ln2Hi
    }

    // MARK: Constants (shared with the lane versions)

    /// ln 2 in two parts: ln2Hi has 32 significant bits, so k ln2Hi is exact
    /// for |k| < 2^21.
    static let ln2Hi = 6.93147180369123816490e-01  // 0x3FE62E42_FEE00000
    static let ln2Lo = 1.90821492927058770002e-10  // 0x3DEA39EF_35793C76
    static let invLn2 = 1.44269504088896338700e+00  // 0x3FF71547_652B82FE
    /// 1.5 · 2^52: x + roundingShift - roundingShift rounds |x| < 2^51 to an
    /// integer (to nearest even), and the sum's low bits hold it.
    static let roundingShift = 0x1.8p52
    /// 2^52's bit pattern: or'ed with n < 2^52, the double 2^52 + n.
    static let twoTo52Bits: UInt64 = 0x4330_0000_0000_0000
    /// roundingShift's bit pattern less 2048: t.bitPattern - this is k + 2048.
    static let expBiasShift: UInt64 = 0x4338_0000_0000_0000 &- 2048

    /// exp's argument is clamped to [expLowerClamp, expUpperClamp]: e^710
    /// overflows, e^-746 is below half the least subnormal, and |k| stays
    /// below 1077, so 2^⌊k/2⌋ and 2^(k - ⌊k/2⌋) are normal.
    static let expUpperClamp = 710.0
    static let expLowerClamp = -746.0

    // e_exp.c's P1...P5: c = r - r² (P1 + r² P2 + r⁴ (P3 + r² P4) + r⁸ P5).
    static let expP1 = 1.66666666666666019037e-01  // 0x3FC55555_5555553E
    static let expP2 = -2.77777777770155933842e-03  // 0xBF66C16C_16BEBD93
    static let expP3 = 6.61375632143793436117e-05  // 0x3F11566A_AF25DE2C
    static let expP4 = -1.65339022054652515390e-06  // 0xBEBBBD41_C5D26BF1
    static let expP5 = 4.13813679705723846039e-08  // 0x3E663769_72BEA4D0

    /// Added to the bit pattern, carries m >= √2 into the exponent
    /// (e_log.c's 0x3ff00000 - 0x3fe6a09e, in the high word).
    static let logReductionOffset: UInt64 = (0x3FF0_0000 - 0x3FE6_A09E) << 32
    /// Added to the significand bits, gives m in [√2/2, √2).
    static let logReductionBase: UInt64 = 0x3FE6_A09E << 32
    static let significandMask: UInt64 = 0x000F_FFFF_FFFF_FFFF

    // e_log.c's Lg1...Lg7: R = z (Lg1 + z Lg2 + z² (Lg3 + z Lg4) + z⁴ (Lg5 + z Lg6 + z² Lg7)).
    static let lg1 = 6.666666666666735130e-01  // 0x3FE55555_55555593
    static let lg2 = 3.999999999940941908e-01  // 0x3FD99999_9997FA04
    static let lg3 = 2.857142874366239149e-01  // 0x3FD24924_94229359
    static let lg4 = 2.222219843214978396e-01  // 0x3FCC71C5_1D8E78AF
    static let lg5 = 1.818357216161805012e-01  // 0x3FC74664_96CB03DE
    static let lg6 = 1.531383769920937332e-01  // 0x3FC39A09_D078C69F
    static let lg7 = 1.479819860511658591e-01  // 0x3FC2F112_DF3E5244
}
