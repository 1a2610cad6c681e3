import Foundation

/// Steele, Lea and Flood's SplitMix64 generator (the `splitmix64` of Vigna's
/// xoshiro reference code): 64 bits of state, one add and a mixing function per draw.
///
/// Steppe uses it to make resource profiles reproducible: a profile's draws come from
/// a generator keyed by (seed, zone, year, stream) with `SplitMix64(key:)`, so a year's
/// profile never depends on which other years were generated or in which order.
///
/// Changing this generator or the order of draws changes every seeded profile.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one stream, keyed by several integers (seed, year, stream id),
    /// each mixed into the state so nearby keys give unrelated streams.
    public init(key: UInt64...) {
        var s: UInt64 = 0x6A09_E667_F3BC_C909
        for k in key { s = SplitMix64.mix((s ^ k) &+ 0x9E37_79B9_7F4A_7C15) }
        state = s
    }

    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1): 53 random bits, never exactly 0 or 1.
    @inline(__always)
    public mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal draw (Box–Muller, one of the pair; the other is discarded so
    /// every call uses exactly two uniforms).
    public mutating func nextNormal() -> Double {
        let u1 = nextUnit(), u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A stable 64-bit key for a string such as a zone id (FNV-1a), for `init(key:)`.
    public static func key(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
