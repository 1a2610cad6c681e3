/// What a Monte Carlo run does: how many paths, from which seed, with which sampler.
///
/// Together with the scenario these fix every number of the result: the same
/// configuration gives bit-identical results for any thread count and shard split.
public struct MonteCarloConfiguration: Sendable, Equatable {
    public enum Sampler: String, Sendable, CaseIterable {
        case random
        case lhs
        case sobol

        public var method: SamplingMethod {
            switch self {
            case .random: return .random
            case .lhs: return .latinHypercube
            case .sobol: return .sobol
            }
        }
    }

    public var paths: Int
    public var seed: UInt64
    public var sampler: Sampler
    /// Paths per chunk: the unit of work and of partial summation (part of the result's identity).
    public var chunkSize: Int
    /// Up to this many paths, quantiles are exact (every value kept); beyond, a sketch estimates them.
    public var exactQuantileLimit: Int
    /// IRRs below this rate count towards "probability below hurdle" (default: the equity discount rate).
    public var hurdleRate: Double?
    /// Minimum DSCRs below this count towards "probability below covenant".
    public var dscrCovenant: Double
    /// The metrics computed on each path (all by default; fewer run faster).
    public var metrics: [PathMetric]

    public init(paths: Int, seed: UInt64 = 1, sampler: Sampler = .random, chunkSize: Int = 1024,
                exactQuantileLimit: Int = 1_000_000, hurdleRate: Double? = nil, dscrCovenant: Double = 1.2,
                metrics: [PathMetric] = PathMetric.allCases) {
        self.paths = paths; self.seed = seed; self.sampler = sampler; self.chunkSize = chunkSize
        self.exactQuantileLimit = exactQuantileLimit; self.hurdleRate = hurdleRate; self.dscrCovenant = dscrCovenant
        self.metrics = PathMetric.allCases.filter(metrics.contains)
    }

    /// Estimated peak memory of a run in MB: the kept values of exact quantiles (8 bytes per path and
    /// metric, for the shard's paths), a quantile sketch per metric and worker otherwise (about 0.5 MB
    /// each), and a fixed 40 MB for the program, the model and the workers' buffers.
    public static func estimatedMemoryMB(paths: Int, exactQuantileLimit: Int, metrics: Int, threads: Int, shards: Int) -> Int {
        let fixed = 40.0
        if paths <= exactQuantileLimit {
            let perShard = Double(paths) / Double(max(shards, 1))
            return Int((fixed + perShard * Double(metrics) * 8 / 1_000_000).rounded(.up))
        }
        return Int((fixed + Double(threads + 1) * Double(metrics) * 0.5).rounded(.up))
    }

    /// Quantiles are exact (all values kept) for this run.
    public var exactQuantiles: Bool { paths <= exactQuantileLimit }

    public var chunkCount: Int { (paths + chunkSize - 1) / chunkSize }
}

/// Shard `index` of `count` (1-based): a contiguous run of whole chunks.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index; self.count = count
    }

    /// Parses `i/n`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The chunks of this shard: chunk boundaries split as evenly as possible.
    public func chunks(of total: Int) -> Range<Int> {
        (total * (index - 1) / count)..<(total * index / count)
    }
}
