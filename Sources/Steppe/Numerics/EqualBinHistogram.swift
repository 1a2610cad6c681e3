/// Counts of the finite values of a sample in equal bins spanning [minimum, maximum] (the maximum falls
/// in the last bin; all values in one bin when they are equal): the report's histograms of a metric
/// and of the curtailment. Depends only on the set of values, so a merged run gives the same counts.
public struct EqualBinHistogram: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var counts: [Int]

    /// nil without a finite value.
    ///
    /// - Complexity: O(*n*) in values.
    public init?<Values: Sequence<Double>>(_ values: Values, bins: Int) {
        precondition(bins > 0, "a histogram needs at least one bin")
        var lower = Double.infinity, upper = -Double.infinity
        for v in values where v.isFinite { lower = Swift.min(lower, v); upper = Swift.max(upper, v) }
        guard lower <= upper else { return nil }
        var counts = [Int](repeating: 0, count: bins)
        let width = upper - lower
        for v in values where v.isFinite {
            let k = width > 0 ? Int(((v - lower) / width * Double(bins)).rounded(.down)) : 0
            counts[Swift.min(Swift.max(k, 0), bins - 1)] += 1
        }
        self.lower = lower; self.upper = upper; self.counts = counts
    }
}
