/// Hash-based Owen (nested uniform) scrambling of 32-bit fractions, after
/// Burley, "Practical Hash-based Owen Scrambling", JCGT 9(4), 2020,
/// Listings 1-2: reverse the bits, apply the Laine-Karras permutation, and
/// reverse back.
///
/// The Laine-Karras steps `x += seed` and `x ^= x * even` change each bit
/// only as a function of the bits below it; after bit reversal, each digit of
/// the fraction is flipped as a function of the digits above it, which is
/// Owen's nested scrambling. Hence every elementary interval that held one
/// point before scrambling holds one afterwards (the (t, m, s)-net property
/// survives), while the points become randomized.
enum OwenScrambling {
    @inline(__always)
    static func scramble(_ x: UInt32, seed: UInt32) -> UInt32 {
        var v = x.bitReversed
        v &+= seed
        v ^= v &* 0x6C50_B47C
        v ^= v &* 0xB82F_1E52
        v ^= v &* 0xC7AF_E638
        v ^= v &* 0x8D22_F6E6
        return v.bitReversed
    }
}

extension UInt32 {
    /// The bits in reverse order.
    @inline(__always)
    var bitReversed: UInt32 {
        var x = self
        x = (x & 0x5555_5555) << 1 | (x >> 1) & 0x5555_5555
        x = (x & 0x3333_3333) << 2 | (x >> 2) & 0x3333_3333
        x = (x & 0x0F0F_0F0F) << 4 | (x >> 4) & 0x0F0F_0F0F
        x = (x & 0x00FF_00FF) << 8 | (x >> 8) & 0x00FF_00FF
        return x << 16 | x >> 16
    }
}
