/// Latin hypercube sampling (McKay, Beckman and Conover 1979) without stored
/// permutations: in dimension j, path i falls in stratum π_j(i) of N equal
/// strata, where π_j is a keyed pseudo-random permutation of 0..<N
/// (`KeyedPermutation`, keyed by (seed, j)), and
///
///     u = (π_j(i) + jitter) / N,
///
/// with jitter = `RandomStream(seed:).uniform(path: i, dimension: j, stream: 1)`.
/// Each dimension therefore holds exactly one of the N paths in each
/// stratum [k/N, (k+1)/N). Results depend on N: the same seed with another
/// path count gives other draws. u is clamped to [2^-1074, 1 - 2^-53] because
/// (N - 1 + jitter)/N can round to 1 for large N.
public struct LatinHypercubeSampler: PathSampler {
    public let seed: UInt64
    public let pathCount: Int
    public let dimensions: Int
    private let permutations: [KeyedPermutation]

    public init(seed: UInt64, pathCount: Int, dimensions: Int) throws(SamplingError) {
        try validateSamplerSize("Latin hypercube", pathCount: pathCount, dimensions: dimensions)
        self.seed = seed
        self.pathCount = pathCount
        self.dimensions = dimensions
        self.permutations = (0..<dimensions).map {
            KeyedPermutation(count: pathCount, key: derivedKey(seed: seed, dimension: $0, purpose: 0x4C48_5300))
        }
    }

    /// The stratum of `path` in `dimension`, in 0..<pathCount.
    public func stratum(path: Int, dimension: Int) -> Int {
        permutations[dimension](path)
    }

    /// - Complexity: O(`dimensions`): per dimension one permutation lookup
    ///   (under 4 Feistel encryptions on average) and half a Philox call.
    public func fill(path: Int, into u: UnsafeMutableBufferPointer<Double>) {
        checkFill(path: path, count: u.count)
        RandomStream(seed: seed).fill(path: UInt64(path), stream: RandomStream.Stream.latinHypercubeJitter, into: u)
        let n = Double(pathCount)
        for j in 0..<dimensions {
            let value = (Double(permutations[j](path)) + u[j]) / n
            u[j] = Swift.min(Swift.max(value, .leastNonzeroMagnitude), 1.0.nextDown)
        }
    }
}
