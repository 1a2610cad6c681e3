/// The uniforms of a Monte Carlo study as a pure function of
/// (seed, path, dimension): Philox4x32-10 in counter mode.
///
/// Mapping (version 1; changing it changes every seeded result):
/// - key = (low 32 bits of `seed`, high 32 bits of `seed`);
/// - counter = (low 32 bits of `path`, high 32 bits of `path`,
///   `dimension / 2`, `stream`);
/// - the 128-bit block holds two 64-bit words, `w0 = v0 | v1 << 32` for even
///   dimensions and `w1 = v2 | v3 << 32` for odd ones;
/// - the word's top 53 bits `k` give `u = k / 2^53`, and `k = 0` gives
///   `2^-54` instead of 0, so `u` lies in the open interval
///   [2^-54, 1 - 2^-53] on a grid of step 2^-53 and inverse CDFs stay finite.
///
/// Nothing is shared between paths: a path's draws are the same whichever
/// thread or shard computes them, and in whatever order. `stream` separates
/// independent uses of the same (path, dimension), such as the sampler's
/// uniforms (`RandomStream.Stream.sampling`) and Latin-hypercube jitter.
///
/// Dimensions run up to 2^33 - 1 (the counter's third word holds `dimension / 2`).
public struct RandomStream: Sendable, Hashable {
    /// Named counter streams used inside Steppe. Other values are free.
    public enum Stream {
        /// The plain random sampler's uniforms.
        public static let sampling: UInt32 = 0
        /// The jitter inside Latin-hypercube strata.
        public static let latinHypercubeJitter: UInt32 = 1
        /// `PathRandomGenerator`'s default stream.
        public static let generator: UInt32 = 2
        /// The weather year each path draws for each operating year (`WeatherPool`).
        public static let weather: UInt32 = 3
    }

    /// The study's seed; it is the Philox key.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    @inline(__always)
    var key: SIMD2<UInt32> {
        SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The raw 128-bit block at (path, block, stream).
    ///
    /// - Complexity: O(1), one Philox call.
    @inline(__always)
    public func block(path: UInt64, block: UInt32, stream: UInt32 = Stream.sampling) -> SIMD4<UInt32> {
        let counter = SIMD4(
            UInt32(truncatingIfNeeded: path), UInt32(truncatingIfNeeded: path >> 32), block, stream)
        return Philox4x32.block(counter: counter, key: key)
    }

    /// The uniform in (0, 1) of `path` in `dimension`.
    ///
    /// - Complexity: O(1), one Philox call.
    public func uniform(path: UInt64, dimension: Int, stream: UInt32 = Stream.sampling) -> Double {
        precondition(dimension >= 0 && dimension >> 33 == 0, "dimension \(dimension) outside 0..<2^33")
        let v = block(path: path, block: UInt32(truncatingIfNeeded: dimension >> 1), stream: stream)
        let word = dimension & 1 == 0
            ? UInt64(v[0]) | UInt64(v[1]) << 32
            : UInt64(v[2]) | UInt64(v[3]) << 32
        return Self.openUnit(word)
    }

    /// Writes the uniforms of `path` in dimensions `first ..< first + u.count`
    /// into `u`; equal, element by element, to `uniform(path:dimension:stream:)`.
    ///
    /// - Complexity: O(`u.count`), one Philox call per two dimensions, no allocation.
    public func fill(
        path: UInt64, firstDimension first: Int = 0, stream: UInt32 = Stream.sampling,
        into u: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(first >= 0 && (first + u.count) >> 33 == 0, "dimensions outside 0..<2^33")
        var i = 0
        var d = first
        if d & 1 == 1, i < u.count {
            u[i] = uniform(path: path, dimension: d, stream: stream)
            i += 1
            d += 1
        }
        while i + 1 < u.count {
            let v = block(path: path, block: UInt32(truncatingIfNeeded: d >> 1), stream: stream)
            u[i] = Self.openUnit(UInt64(v[0]) | UInt64(v[1]) << 32)
            u[i + 1] = Self.openUnit(UInt64(v[2]) | UInt64(v[3]) << 32)
            i += 2
            d += 2
        }
        if i < u.count {
            u[i] = uniform(path: path, dimension: d, stream: stream)
        }
    }

    /// A 64-bit word as a double in the open unit interval: the top 53 bits
    /// `k` give `k * 2^-53`, with `k = 0` moved to `2^-54`.
    @inline(__always)
    static func openUnit(_ word: UInt64) -> Double {
        let k = word >> 11
        return k == 0 ? 0x1p-54 : Double(k) * 0x1p-53
    }
}
