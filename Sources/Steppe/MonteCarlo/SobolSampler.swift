/// Randomized quasi-Monte Carlo: path i's uniform in dimension j is the
/// Sobol' point `SobolSequence.value(index: i, dimension: j)`, Owen-scrambled
/// (`OwenScrambling`) with a 32-bit key derived from (seed, j), and mapped to
/// the middle of its 2^-32 cell: u = (x + 1/2) / 2^32, in (0, 1).
///
/// Use a power-of-two path count: the first 2^m points of each dimension,
/// and of many 2-D projections, are then perfectly stratified. Scrambling
/// keeps that structure, makes the estimate unbiased, and lets independent
/// seeds give independent replicates for an error estimate. With
/// `scrambled: false` the points are the published Joe-Kuo ones (shifted by
/// half a cell, 2^-33).
public struct SobolSampler: PathSampler {
    public let seed: UInt64
    public let pathCount: Int
    public let scrambled: Bool
    public let sequence: SobolSequence
    private let scrambleKeys: [UInt32]

    public var dimensions: Int { sequence.dimensions }

    /// - Throws: `SamplingError.invalidSampler` for fewer than one or more
    ///   than 2^32 paths, or more than `SobolSequence.maxDimensions` dimensions.
    public init(seed: UInt64, pathCount: Int, dimensions: Int, scrambled: Bool = true) throws(SamplingError) {
        try validateSamplerSize("Sobol", pathCount: pathCount, dimensions: dimensions)
        guard UInt64(pathCount) <= 1 << 32 else {
            throw .invalidSampler("Sobol sampling supports at most 2^32 paths (got \(pathCount))")
        }
        self.seed = seed
        self.pathCount = pathCount
        self.scrambled = scrambled
        self.sequence = try SobolSequence(dimensions: dimensions)
        self.scrambleKeys = (0..<dimensions).map {
            UInt32(truncatingIfNeeded: derivedKey(seed: seed, dimension: $0, purpose: 0x0057_4E00) >> 32)
        }
    }

    /// - Complexity: O(`dimensions` × set bits of the path's Gray code).
    public func fill(path: Int, into u: UnsafeMutableBufferPointer<Double>) {
        checkFill(path: path, count: u.count)
        let index = UInt32(truncatingIfNeeded: path)
        for j in 0..<dimensions {
            var x = sequence.value(index: index, dimension: j)
            if scrambled { x = OwenScrambling.scramble(x, seed: scrambleKeys[j]) }
            u[j] = (Double(x) + 0.5) * 0x1p-32
        }
    }
}
