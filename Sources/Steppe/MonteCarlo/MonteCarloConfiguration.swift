/// What a Monte Carlo run does: how many paths, from which seed, with which sampler.
///
/// Together with the scenario these fix every number of the result: the same
/// configuration gives bit-identical results for any thread count and shard split.
public struct MonteCarloConfiguration: Sendable, Equatable {
    public var paths: Int
    public var seed: UInt64
    public var sampler: SamplingMethod
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

    public init(paths: Int, seed: UInt64 = 1, sampler: SamplingMethod = .random, chunkSize: Int = 1024,
                exactQuantileLimit: Int = 1_000_000, hurdleRate: Double? = nil, dscrCovenant: Double = 1.2,
                metrics: [PathMetric] = PathMetric.allCases) {
        self.paths = paths; self.seed = seed; self.sampler = sampler; self.chunkSize = chunkSize
        self.exactQuantileLimit = exactQuantileLimit; self.hurdleRate = hurdleRate; self.dscrCovenant = dscrCovenant
        self.metrics = PathMetric.allCases.filter(metrics.contains)
    }

    /// Estimated peak memory of a run in MB.
    ///
    /// With exact quantiles every path keeps all eight metrics, whichever `--metrics` are computed, and
    /// each kept value costs about `bytesPerKeptValue` (the shared buffer, its copy in the state, the
    /// sorted copy for quantiles and, in a shard, its base64 text); with a sketch, each worker holds a
    /// sketch per metric (about 0.5 MB each). A fixed 40 MB covers the program, the model and the buffers.
    ///
    /// - Parameter keptValuesPerPath: values kept per path (8 metrics; 8 per zone in a comparison).
    public static func estimatedMemoryMB(paths: Int, exactQuantileLimit: Int,
                                         keptValuesPerPath: Int = PathMetric.allCases.count,
                                         threads: Int, shards: Int) -> Int {
        let fixed = 40.0
        let megabytes: Double
        if paths <= exactQuantileLimit {
            let perShard = Double(paths) / Double(max(shards, 1))
            megabytes = fixed + perShard * Double(keptValuesPerPath) * bytesPerKeptValue / 1_000_000
        } else {
            megabytes = fixed + Double(max(threads, 1) + 1) * Double(keptValuesPerPath) * 0.5
        }
        // Doubles, so no product of user numbers overflows; capped so the conversion cannot trap.
        return Int(min(megabytes.rounded(.up), 1e15))
    }

    /// Bytes of memory per kept value of an exact-quantile run: measured 43 for a shard of 1e6 paths
    /// (331 MB with 7 metrics, docs/cluster.md), 15 in a single process; 48 leaves a margin.
    public static let bytesPerKeptValue = 48.0

    /// Limits on the sizes of a run, so that no size of a user's choosing overflows an integer,
    /// exhausts memory or runs without end. Documented in docs/errors.md ("Limits").
    public enum Limits {
        /// Paths of one run (a shard covers part of them): 10^12, about a day on 1000 cores.
        public static let paths = 1_000_000_000_000
        /// Paths per chunk: 2^20. A chunk's partial sums are plain doubles, so its size bounds their rounding.
        public static let chunkSize = 1 << 20
        /// `--exact-limit`: 5e7 paths (19 GB of kept values); beyond, quantiles come from a sketch.
        public static let exactQuantileLimit = 50_000_000
        /// Shards of a run: 10^6.
        public static let shards = 1_000_000
        /// Worker threads: 4096.
        public static let threads = 4096
    }

    /// Quantiles are exact (all values kept) for this run.
    public var exactQuantiles: Bool { paths <= exactQuantileLimit }

    /// Written without `paths + chunkSize - 1`, which overflows for a chunk size near `Int.max`.
    public var chunkCount: Int { paths / chunkSize + (paths % chunkSize == 0 ? 0 : 1) }

    /// The chunks `shard` runs (all of them without a shard).
    public func chunks(of shard: Shard?) -> Range<Int> {
        (shard ?? Shard(index: 1, count: 1)!).chunks(of: chunkCount)
    }

    /// The paths `shard` runs (all of them without a shard): its whole chunks, the last cut at `paths`.
    public func paths(of shard: Shard?) -> Range<Int> {
        let chunks = chunks(of: shard)
        let first = chunks.lowerBound * chunkSize
        return first..<max(first, min(chunks.upperBound * chunkSize, paths))
    }
}

/// Shard `index` of `count` (1-based): a contiguous run of whole chunks.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= MonteCarloConfiguration.Limits.shards, (1...count).contains(index) else { return nil }
        self.index = index; self.count = count
    }

    /// Parses `i/n`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The chunks of this shard: chunk boundaries split as evenly as possible.
    ///
    /// Computed in 128 bits: `total * index` overflows 64 bits for large shard counts.
    public func chunks(of total: Int) -> Range<Int> {
        Shard.part(total, index - 1, count)..<Shard.part(total, index, count)
    }

    /// `total * i / n` without overflow (all three nonnegative, i <= n).
    private static func part(_ total: Int, _ i: Int, _ n: Int) -> Int {
        let product = total.multipliedFullWidth(by: i)
        return n.dividingFullWidth(product).quotient
    }
}
