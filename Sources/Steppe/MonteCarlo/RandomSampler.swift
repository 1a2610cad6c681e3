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

    /// Eight paths from one eight-lane Philox call per two dimensions
    /// (`RandomStream.fillLanes`), equal lane by lane to `fill(path:into:)`.
    ///
    /// - Complexity: O(`dimensions`), no allocation.
    public func fillLanes(firstPath: Int, into u: UnsafeMutableBufferPointer<SIMD8<Double>>) {
        checkFillLanes(firstPath: firstPath, count: u.count)
        stream.fillLanes(firstPath: UInt64(firstPath), stream: RandomStream.Stream.sampling, into: u)
        if pathCount - firstPath < Lanes.scalarCount {
            let beyond = lanesBeyondPathCount(firstPath: firstPath)
            for d in u.indices { u[d].replace(with: 0.5, where: beyond) }
        }
    }
}
