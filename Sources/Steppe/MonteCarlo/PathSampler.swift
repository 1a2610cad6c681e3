/// A source of the uniforms of one Monte Carlo path: `dimensions` numbers in
/// the open interval (0, 1), one per uncertain input (or per year of a price
/// path).
///
/// Every sampler is a pure function of (seed, path count N, path index,
/// dimension): `fill` reads no mutable state, so paths can be computed on any
/// thread, in any order or shard, with identical results. Build one sampler
/// per study (building may allocate tables) and share it across threads.
public protocol PathSampler: Sendable {
    /// The number of uniforms per path.
    var dimensions: Int { get }
    /// The number of paths N of the study; path indices run over 0..<N.
    var pathCount: Int { get }
    /// Writes path `path`'s uniforms into `u`, whose count must equal
    /// `dimensions`. Does not allocate.
    func fill(path: Int, into u: UnsafeMutableBufferPointer<Double>)
    /// Writes the uniforms of the eight paths `firstPath ..< firstPath + 8` into
    /// `u`, whose count must equal `dimensions`: lane j of `u[d]` is element d of
    /// `fill(path: firstPath + j)`, to the bit. Lanes whose path is `pathCount` or
    /// more hold 0.5. Does not allocate.
    ///
    /// A requirement (with a default that calls `fill` per path and transposes)
    /// so that a sampler that can draw eight paths faster, as `RandomSampler`
    /// does, is used through `any PathSampler` too.
    func fillLanes(firstPath: Int, into u: UnsafeMutableBufferPointer<SIMD8<Double>>)
}

extension PathSampler {
    /// `fill(path:into:)` for an array that already holds `dimensions` elements
    /// (so nothing is allocated).
    public func fill(path: Int, into u: inout [Double]) {
        u.withUnsafeMutableBufferPointer { fill(path: path, into: $0) }
    }

    @inline(__always)
    func checkFill(path: Int, count: Int) {
        precondition(count == dimensions, "buffer holds \(count) values, sampler has \(dimensions) dimensions")
        precondition(path >= 0 && path < pathCount, "path \(path) outside 0..<\(pathCount)")
    }
}

/// How the uniforms of a study are drawn; the raw values are the names `--sampler` and result
/// files use.
public enum SamplingMethod: String, Sendable, Hashable, CaseIterable {
    /// Independent uniforms from the counter-based `RandomStream`.
    case random
    /// Latin hypercube: each dimension puts exactly one path in each of N strata.
    case latinHypercube = "lhs"
    /// Owen-scrambled Sobol' points (Joe-Kuo direction numbers, up to 1024 dimensions).
    case sobol

    /// Whether a path's uniforms depend on the study's path count N (LHS strata and Sobol points
    /// do; independent uniforms are keyed by (seed, path, dimension) alone), so a study of 2N paths
    /// cannot reuse the first N paths of a study of N.
    public var drawsDependOnPathCount: Bool { self != .random }

    /// The sampler for a study of `pathCount` paths and `dimensions` uniforms per path.
    ///
    /// - Throws: `SamplingError.invalidSampler` for fewer than one path,
    ///   negative dimensions, or a Sobol request beyond its table or 2^32 paths.
    public func sampler(seed: UInt64, pathCount: Int, dimensions: Int) throws(SamplingError) -> any PathSampler {
        switch self {
        case .random: return try RandomSampler(seed: seed, pathCount: pathCount, dimensions: dimensions)
        case .latinHypercube: return try LatinHypercubeSampler(seed: seed, pathCount: pathCount, dimensions: dimensions)
        case .sobol: return try SobolSampler(seed: seed, pathCount: pathCount, dimensions: dimensions)
        }
    }
}

func validateSamplerSize(_ name: String, pathCount: Int, dimensions: Int) throws(SamplingError) {
    if pathCount < 1 { throw .invalidSampler("\(name) sampling needs at least 1 path (got \(pathCount))") }
    if dimensions < 0 { throw .invalidSampler("\(name) sampling needs dimensions >= 0 (got \(dimensions))") }
}
