extension RandomStream {
    /// Writes the uniforms of the eight paths `firstPath ..< firstPath + 8` in
    /// dimensions `0 ..< u.count` into `u`, one path per lane: lane j of `u[d]`
    /// equals `uniform(path: firstPath + j, dimension: d, stream: stream)` to the bit.
    ///
    /// Eight Philox blocks are computed together per pair of dimensions, which
    /// is what makes drawing eight paths cheaper than eight `fill` calls. Paths
    /// wrap modulo 2^64 like the counter does.
    ///
    /// - Complexity: O(`u.count`), one eight-lane Philox call per two dimensions, no allocation.
    public func fillLanes(
        firstPath: UInt64, stream: UInt32 = Stream.sampling, into u: UnsafeMutableBufferPointer<SIMD8<Double>>
    ) {
        precondition(u.count >> 33 == 0, "dimensions outside 0..<2^33")
        typealias Words8 = Philox4x32.Words8
        let paths = Words8(repeating: firstPath) &+ Words8(0, 1, 2, 3, 4, 5, 6, 7)
        let pathLow = paths & Words8(repeating: 0xFFFF_FFFF), pathHigh = paths &>> 32
        let streams = Words8(repeating: UInt64(stream))
        let key = key
        var d = 0
        while d < u.count {
            let block = Words8(repeating: UInt64(d >> 1))
            let (v0, v1, v2, v3) = Philox4x32.blocks(pathLow, pathHigh, block, streams, key: key)
            u[d] = Self.openUnit(v0 | v1 &<< 32)
            if d + 1 < u.count {
                u[d + 1] = Self.openUnit(v2 | v3 &<< 32)
            }
            d += 2
        }
    }

    /// `openUnit(_:)` lane by lane, to the bit: `k * 2^-53` is exact in both
    /// (k < 2^53 converts exactly), and `k = 0` is the only zero.
    ///
    /// The zero test compares doubles: integer lane comparisons compile to a
    /// loop over the lanes with a branch each, double ones to vector compares.
    @inline(__always)
    static func openUnit(_ word: SIMD8<UInt64>) -> SIMD8<Double> {
        let value = SIMD8<Double>(word &>> 11) * 0x1p-53
        return value.replacing(with: 0x1p-54, where: value .== 0)
    }
}
