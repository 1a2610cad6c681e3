/// Plain Monte Carlo: path i's uniform in dimension j is
/// `RandomStream(seed:).uniform(path: i, dimension: j)` (stream 0).
/// The path count only bounds the index; the draws do not depend on it.
public struct RandomSampler: PathSampler {
    public let stream: RandomStream
    public let pathCount: Int
    public let dimensions: Int

    public init(seed: UInt64, pathCount: Int, dimensions: Int) throws(SamplingError) {
        try validateSamplerSize("random", pathCount: pathCount, dimensions: dimensions)
        self.stream = RandomStream(seed: seed)
        self.pathCount = pathCount
        self.dimensions = dimensions
    }

    /// - Complexity: O(`dimensions`), one Philox call per two dimensions.
    public func fill(path: Int, into u: UnsafeMutableBufferPointer<Double>) {
        checkFill(path: path, count: u.count)
        stream.fill(path: UInt64(path), stream: RandomStream.Stream.sampling, into: u)
    }
}
