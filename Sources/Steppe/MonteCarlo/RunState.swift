/// Everything a (possibly sharded) Monte Carlo run has accumulated, in a form that merges exactly.
///
/// A shard's state covers a contiguous range of paths; `merging` checks that states
/// describe the same run and that their ranges tile the paths, then combines them. The
/// statistics of a merged state are bit-identical to those of the unsharded run.
public struct RunState: Sendable {
    /// What makes two states parts of the same run.
    public struct Identity: Sendable, Equatable {
        public var scenarioName: String
        /// FNV-1a 64-bit hash of the scenario's source text, in hex.
        public var scenarioFingerprint: String
        public var configuration: MonteCarloConfiguration
        /// Base-case value of each metric, subtracted before summing squares (0 when undefined).
        public var shift: [Double]
        /// The hurdle rate actually used.
        public var hurdleRate: Double
    }

    public var identity: Identity
    /// Paths covered, as contiguous ranges in increasing order.
    public var ranges: [Range<Int>]
    /// Paths that finished; fewer than the ranges hold when the run was interrupted.
    public var completedPaths: Int
    public var metrics: [MetricState]
    /// With exact quantiles: for each metric, the value of every covered path in path order (NaN if undefined or not run).
    public var values: [[Double]]?

    public var isPartial: Bool { completedPaths < ranges.reduce(0) { $0 + $1.count } }

    /// Why states cannot be merged.
    public enum MergeError: Error, Equatable, CustomStringConvertible {
        case empty
        case differentRuns(String)
        case overlap(Range<Int>, Range<Int>)
        case partial(Range<Int>)

        public var description: String {
            switch self {
            case .empty: return "nothing to merge"
            case .differentRuns(let what): return "the shards are not of the same run: \(what) differ"
            case .overlap(let a, let b): return "paths \(a.lowerBound)..<\(a.upperBound) and \(b.lowerBound)..<\(b.upperBound) overlap"
            case .partial(let r): return "the shard covering paths \(r.lowerBound)..<\(r.upperBound) was interrupted; re-run it"
            }
        }
    }

    /// Combines states of one run. The result may still miss paths (see `missingRanges`).
    public static func merging(_ states: [RunState]) throws(MergeError) -> RunState {
        guard let first = states.first else { throw .empty }
        for s in states.dropFirst() where s.identity != first.identity {
            var what: [String] = []
            if s.identity.scenarioFingerprint != first.identity.scenarioFingerprint { what.append("scenarios") }
            if s.identity.configuration != first.identity.configuration { what.append("configurations (paths, seed, sampler, chunk size or thresholds)") }
            if what.isEmpty { what.append("base cases") }
            throw .differentRuns(what.joined(separator: " and "))
        }
        for s in states where s.isPartial { throw .partial(s.ranges.first ?? 0..<0) }
        return try joining(states)
    }

    /// Combines states of one run without refusing partial ones (a run continued in this process,
    /// whose interrupted part is reported as such): `merging` without its checks of identity and
    /// completeness.
    static func joining(_ states: [RunState]) throws(MergeError) -> RunState {
        guard let first = states.first else { throw .empty }
        let ordered = states.sorted { ($0.ranges.first?.lowerBound ?? 0) < ($1.ranges.first?.lowerBound ?? 0) }
        var merged = RunState(identity: first.identity, ranges: [], completedPaths: 0,
                              metrics: first.metrics.map { MetricState(sketch: $0.sketch != nil) },
                              values: first.values == nil ? nil : Array(repeating: [], count: first.metrics.count))
        for s in ordered {
            for r in s.ranges {
                if let last = merged.ranges.last, last.upperBound > r.lowerBound { throw .overlap(last, r) }
                if let last = merged.ranges.last, last.upperBound == r.lowerBound {
                    merged.ranges[merged.ranges.count - 1] = last.lowerBound..<r.upperBound
                } else {
                    merged.ranges.append(r)
                }
            }
            merged.completedPaths += s.completedPaths
            for k in merged.metrics.indices { merged.metrics[k].merge(s.metrics[k]) }
            if let v = s.values { for k in v.indices { merged.values?[k].append(contentsOf: v[k]) } }
        }
        return merged
    }

    /// Paths of the run not covered by this state.
    public var missingRanges: [Range<Int>] {
        var missing: [Range<Int>] = []
        var next = 0
        for r in ranges {
            if r.lowerBound > next { missing.append(next..<r.lowerBound) }
            next = r.upperBound
        }
        if next < identity.configuration.paths { missing.append(next..<identity.configuration.paths) }
        return missing
    }
}

/// FNV-1a, 64 bits: a stable fingerprint of scenario text (not a cryptographic hash).
public func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
