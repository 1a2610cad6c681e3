extension Philox4x32 {
    /// Eight counters' words, one counter per lane, each 32-bit word in the low
    /// half of a 64-bit lane (the high half zero).
    typealias Words8 = SIMD8<UInt64>

    /// Eight Philox4x32-10 blocks at once: lane j of the result is
    /// `block(counter: (c0[j], c1[j], c2[j], c3[j]), key: key)`, word by word,
    /// each word in the low half of its 64-bit lane.
    ///
    /// The words live in 64-bit lanes so that a round's 32x32 -> 64-bit products
    /// are plain lane multiplies (`pmuludq` on x86-64) and their high and low
    /// halves a shift and a mask, with no shuffling between 32- and 64-bit
    /// layouts; the ten rounds are written out, which the optimiser does not do
    /// for the loop. Each lane is the scalar block to the bit.
    ///
    /// - Complexity: O(1), ten vector rounds, no allocation.
    @inline(__always)
    static func blocks(
        _ c0: Words8, _ c1: Words8, _ c2: Words8, _ c3: Words8, key: SIMD2<UInt32>
    ) -> (Words8, Words8, Words8, Words8) {
        var c = (c0, c1, c2, c3)
        let k0 = key[0], k1 = key[1]
        // Round i uses the key plus i Weyl increments, as the scalar loop's bumps give.
        laneRound(&c, k0, k1)
        laneRound(&c, k0 &+ w0, k1 &+ w1)
        laneRound(&c, k0 &+ 2 &* w0, k1 &+ 2 &* w1)
        laneRound(&c, k0 &+ 3 &* w0, k1 &+ 3 &* w1)
        laneRound(&c, k0 &+ 4 &* w0, k1 &+ 4 &* w1)
        laneRound(&c, k0 &+ 5 &* w0, k1 &+ 5 &* w1)
        laneRound(&c, k0 &+ 6 &* w0, k1 &+ 6 &* w1)
        laneRound(&c, k0 &+ 7 &* w0, k1 &+ 7 &* w1)
        laneRound(&c, k0 &+ 8 &* w0, k1 &+ 8 &* w1)
        laneRound(&c, k0 &+ 9 &* w0, k1 &+ 9 &* w1)
        return c
    }

    /// One Philox round in eight lanes; the scalar round of `block(counter:key:rounds:)`.
    @inline(__always)
    private static func laneRound(_ c: inout (Words8, Words8, Words8, Words8), _ k0: UInt32, _ k1: UInt32) {
        let low = Words8(repeating: 0xFFFF_FFFF)
        let p0 = (c.0 & low) &* Words8(repeating: UInt64(m0))
        let p1 = (c.2 & low) &* Words8(repeating: UInt64(m1))
        c = ((p1 &>> 32) ^ c.1 ^ Words8(repeating: UInt64(k0)), p1 & low,
             (p0 &>> 32) ^ c.3 ^ Words8(repeating: UInt64(k1)), p0 & low)
    }
}
