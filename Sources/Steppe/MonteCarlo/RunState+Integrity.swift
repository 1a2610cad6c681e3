/// Checks that a state read from a shard file is one a run could have written.
///
/// Why: shard files cross shared file systems and are sometimes edited by hand. A checksum catches
/// accidental damage (a truncated value list moved P10); these checks catch what a checksum recomputed
/// after an edit would not, before any of it reaches a merge (a negative count gave `count: -1048`,
/// a sketch count near 2^64 trapped).
extension RunState {
    /// The checksum of a shard file's content: FNV-1a 64 of its canonical JSON, in hex (see `fingerprint`).
    /// The canonical JSON is the file's members without `checksum`, as `JSONValue.serialized` writes them.
    static func checksum(of content: JSONValue) -> String { fingerprint(content.serialized()) }

    /// What makes this state impossible for a run to have written, or nil.
    public var integrityProblem: String? {
        let c = identity.configuration
        let limits = MonteCarloConfiguration.Limits.self
        if !(1...limits.paths).contains(c.paths) { return "paths \(c.paths) is not in 1...\(limits.paths)" }
        if !(1...limits.chunkSize).contains(c.chunkSize) { return "chunkSize \(c.chunkSize) is not in 1...\(limits.chunkSize)" }
        if !(0...limits.exactQuantileLimit).contains(c.exactQuantileLimit) {
            return "exactQuantileLimit \(c.exactQuantileLimit) is not in 0...\(limits.exactQuantileLimit)"
        }
        if !identity.hurdleRate.isFinite || !c.dscrCovenant.isFinite || c.hurdleRate.map({ !$0.isFinite }) == true {
            return "a threshold is not finite"
        }
        let metricCount = PathMetric.allCases.count
        if identity.shift.count != metricCount || identity.shift.contains(where: { !PathMetric.isAccountable($0) }) {
            return "the base case holds \(identity.shift.count) values, not \(metricCount) finite ones"
        }
        var covered = 0, next = 0
        for r in ranges {
            if r.lowerBound < next || r.upperBound > c.paths {
                return "the path ranges are not increasing within 0..<\(c.paths)"
            }
            covered += r.count; next = r.upperBound
        }
        if !(0...covered).contains(completedPaths) { return "completedPaths \(completedPaths) is not in 0...\(covered)" }
        if metrics.count != metricCount { return "it holds \(metrics.count) metrics, not \(metricCount)" }
        for (metric, s) in zip(PathMetric.allCases, metrics) {
            if let problem = s.integrityProblem(paths: c.metrics.contains(metric) ? completedPaths : 0, sketched: !c.exactQuantiles) {
                return "\(metric.name): \(problem)"
            }
        }
        if let values {
            guard c.exactQuantiles, values.count == metricCount else {
                return "it keeps \(values.count) value lists; \(c.exactQuantiles ? "\(metricCount)" : "none") expected"
            }
            if let k = values.indices.first(where: { values[$0].count != covered }) {
                return "\(PathMetric.allCases[k].name): \(values[k].count) kept values for \(covered) paths"
            }
        } else if c.exactQuantiles {
            return "the kept values of exact quantiles are missing"
        }
        return nil
    }
}

extension MetricState {
    /// What makes this state impossible after recording `paths` paths, or nil.
    func integrityProblem(paths: Int, sketched: Bool) -> String? {
        if defined < 0 || undefined < 0 || below < 0 { return "a count is negative" }
        if defined > paths || undefined != paths - defined {
            return "defined \(defined) and undefined \(undefined) do not add up to its \(paths) paths"
        }
        if below > defined { return "below \(below) exceeds defined \(defined)" }
        if defined == 0 {
            if minimum != .infinity || maximum != -.infinity { return "extremes are given without a defined value" }
        } else if !(PathMetric.isAccountable(minimum) && PathMetric.isAccountable(maximum) && minimum <= maximum) {
            return "the extremes \(minimum) and \(maximum) are not ordered finite values"
        }
        if sumOfSquares.value < 0 { return "the sum of squares is negative" }
        if sketched != (sketch != nil) { return sketched ? "the quantile sketch is missing" : "a quantile sketch is given with exact quantiles" }
        if let sketch, sketch.count != UInt64(defined) { return "the sketch counts \(sketch.count) values, not \(defined)" }
        return nil
    }
}
