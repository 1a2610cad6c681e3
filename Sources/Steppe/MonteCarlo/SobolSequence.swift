/// The unscrambled Sobol' sequence (Sobol' 1967) in up to 1024 dimensions,
/// with the direction numbers of Joe and Kuo, "Constructing Sobol sequences
/// with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008),
/// file "new-joe-kuo-6.21201" (`_JoeKuoTable`), at 32-bit resolution.
///
/// Point i is built directly from its index, x_j(i) = XOR of v_{j,k} over the
/// set bits k of the Gray code g(i) = i XOR (i >> 1), so any point is computed
/// on its own. This gives exactly the points, in the same order, of Joe and
/// Kuo's Gray-code recurrence (and of SciPy's `qmc.Sobol`): dimension 1
/// starts 0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125.
///
/// Direction numbers: v_{j,k} = m_{j,k} · 2^(32-k) for k <= s_j, and for
/// k > s_j the recurrence of Bratley and Fox (1988, Algorithm 659),
/// v_k = v_{k-s} ⊕ (v_{k-s} >> s) ⊕ ⊕_{i=1}^{s-1} a_i v_{k-i},
/// with a_i the bits of the file's column `a` (a_1 the most significant).
/// Dimension 1 has all m = 1, i.e. v_k = 2^(32-k).
public struct SobolSequence: Sendable, Hashable {
    /// The most dimensions the embedded table provides.
    public static let maxDimensions = _JoeKuoTable.maxDimension

    public let dimensions: Int
    /// v_{j,k} at `directions[32 * j + k - 1]`.
    let directions: [UInt32]

    /// - Throws: `SamplingError.invalidSampler` beyond `maxDimensions`.
    public init(dimensions: Int) throws(SamplingError) {
        guard dimensions >= 0, dimensions <= Self.maxDimensions else {
            throw .invalidSampler(
                "Sobol sampling supports 0 to \(Self.maxDimensions) dimensions, the Joe-Kuo table embedded in Steppe (got \(dimensions)); use lhs or random beyond that")
        }
        self.dimensions = dimensions
        var v = [UInt32](repeating: 0, count: 32 * dimensions)
        var offset = 0
        for j in 0..<dimensions {
            let base = 32 * j
            if j == 0 {
                for k in 1...32 { v[base + k - 1] = 1 << (32 - k) }
                continue
            }
            let row = j - 1
            let s = Int(_JoeKuoTable.degrees[row])
            let a = UInt32(_JoeKuoTable.coefficients[row])
            for k in 1...s {
                v[base + k - 1] = UInt32(_JoeKuoTable.initialNumbers[offset + k - 1]) << (32 - k)
            }
            offset += s
            if s < 32 {
                for k in (s + 1)...32 {
                    var value = v[base + k - s - 1]
                    value ^= value >> s
                    for i in 1..<s where (a >> (s - 1 - i)) & 1 == 1 {
                        value ^= v[base + k - i - 1]
                    }
                    v[base + k - 1] = value
                }
            }
        }
        self.directions = v
    }

    /// Point `index` in `dimension` (0-based) as a 32-bit fraction: the
    /// coordinate is `value / 2^32`.
    ///
    /// - Complexity: O(number of set bits of the Gray code of `index`) <= 32.
    @inline(__always)
    public func value(index: UInt32, dimension: Int) -> UInt32 {
        var gray = index ^ (index >> 1)
        var x: UInt32 = 0
        let base = 32 * dimension
        directions.withUnsafeBufferPointer { v in
            while gray != 0 {
                x ^= v[base + gray.trailingZeroBitCount]
                gray &= gray &- 1
            }
        }
        return x
    }
}
