/// The SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; constants of Stafford's
/// "Mix13"): a bijective 64-bit mixer used to derive keys from
/// (seed, dimension) and as the Feistel round function. Not a generator
/// in its own right.
@inline(__always)
func mix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// A key for (seed, dimension, purpose), so that keys of different
/// dimensions and purposes are unrelated.
@inline(__always)
func derivedKey(seed: UInt64, dimension: Int, purpose: UInt64) -> UInt64 {
    mix64(seed ^ mix64(UInt64(truncatingIfNeeded: dimension) &* 0x9E37_79B9_7F4A_7C15 &+ purpose))
}
