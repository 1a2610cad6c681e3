/// The Philox4x32-10 counter-based random bijection of Salmon, Moraes, Dror
/// and Shaw, "Parallel random numbers: as easy as 1, 2, 3" (SC'11, 2011),
/// as implemented in Random123.
///
/// Philox is a keyed bijection of 128-bit counters, not a stateful generator:
/// the output for a counter depends on nothing else, so any draw of a Monte
/// Carlo study can be computed on any thread, in any order, by any shard.
/// Ten rounds is the Random123 default and passes TestU01 BigCrush with a
/// safety margin (the paper's table 2 finds 7 rounds crush-resistant).
///
/// Each round multiplies words 0 and 2 by the constants `M0`, `M1` into 64-bit
/// products and mixes their high halves with words 1 and 3 and the round key;
/// the key is bumped by the Weyl constants `W0` (golden ratio) and `W1`
/// (sqrt(3) - 1) between rounds.
///
/// The known-answer vectors of Random123's `kat_vectors` pin the output in
/// `Philox4x32Tests`.
public enum Philox4x32 {
    /// The multipliers `PHILOX_M4x32_0` and `PHILOX_M4x32_1`.
    static let m0: UInt32 = 0xD251_1F53
    static let m1: UInt32 = 0xCD9E_8D57
    /// The key increments `PHILOX_W32_0` and `PHILOX_W32_1`.
    static let w0: UInt32 = 0x9E37_79B9
    static let w1: UInt32 = 0xBB67_AE85

    /// The 128-bit output block for a 128-bit counter and a 64-bit key.
    ///
    /// - Parameters:
    ///   - counter: words 0-3 of the counter (Random123's `ctr.v[0...3]`).
    ///   - key: words 0-1 of the key (`key.v[0...1]`).
    ///   - rounds: the number of rounds; 10 unless you are reproducing a
    ///     published reduced-round vector.
    /// - Complexity: O(`rounds`), no allocation.
    public static func block(
        counter: SIMD4<UInt32>, key: SIMD2<UInt32>, rounds: Int = 10
    ) -> SIMD4<UInt32> {
        var c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3]
        var k0 = key[0], k1 = key[1]
        for round in 0..<rounds {
            if round > 0 {
                k0 &+= w0
                k1 &+= w1
            }
            let p0 = UInt64(m0) &* UInt64(c0)
            let p1 = UInt64(m1) &* UInt64(c2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            c0 = hi1 ^ c1 ^ k0
            c1 = lo1
            c2 = hi0 ^ c3 ^ k1
            c3 = lo0
        }
        return SIMD4(c0, c1, c2, c3)
    }
}
