import Foundation

/// The statistics of each metric over a run's paths: what reports show.
public struct MonteCarloSummary: Sendable {
    public struct Statistics: Sendable, Equatable {
        public var metric: PathMetric
        public var count: Int
        public var undefined: Int
        public var mean: Double?
        public var standardDeviation: Double?
        public var standardError: Double?
        public var minimum: Double?
        public var maximum: Double?
        /// (percent, value) for P1, P5, P10, P50, P90, P95, P99.
        public var percentiles: [(Int, Double)]
        /// Share of defined paths below `threshold`.
        public var probabilityBelow: Double?
        public var threshold: Double?

        public static func == (a: Statistics, b: Statistics) -> Bool {
            a.metric == b.metric && a.count == b.count && a.undefined == b.undefined && a.mean == b.mean
                && a.standardDeviation == b.standardDeviation && a.minimum == b.minimum && a.maximum == b.maximum
                && a.percentiles.map(\.1) == b.percentiles.map(\.1) && a.probabilityBelow == b.probabilityBelow
        }
    }

    public static let percentileLevels = [1, 5, 10, 50, 90, 95, 99]

    public var state: RunState
    public var statistics: [Statistics]

    /// Summarises a state. Exact quantiles use linear interpolation between order
    /// statistics (numpy's default, "type 7"); sketched ones are DDSketch estimates.
    public init(_ state: RunState, thresholds: [Double?]) {
        self.state = state
        statistics = state.identity.configuration.metrics.map { metric in
            let k = metric.rawValue
            let s = state.metrics[k]
            let n = s.defined
            var stats = Statistics(metric: metric, count: n, undefined: s.undefined, mean: nil, standardDeviation: nil,
                                   standardError: nil, minimum: nil, maximum: nil, percentiles: [],
                                   probabilityBelow: nil, threshold: thresholds[k])
            guard n > 0 else { return stats }
            let shift = state.identity.shift[k]
            let s1 = s.sum.value, s2 = s.sumOfSquares.value
            stats.mean = shift + s1 / Double(n)
            if n > 1 {
                let variance = max(0, (s2 - s1 * s1 / Double(n)) / Double(n - 1))
                stats.standardDeviation = variance.squareRoot()
                stats.standardError = (variance / Double(n)).squareRoot()
            }
            stats.minimum = s.minimum; stats.maximum = s.maximum
            if let threshold = thresholds[k], threshold.isFinite { stats.probabilityBelow = Double(s.below) / Double(n) }
            if let values = state.values?[k] {
                let sorted = finiteValuesSorted(values)
                stats.percentiles = Self.percentileLevels.map { ($0, interpolatedQuantile(sorted, Double($0) / 100)) }
            } else if let sketch = s.sketch {
                stats.percentiles = Self.percentileLevels.compactMap { p in sketch.quantile(Double(p) / 100).map { (p, $0) } }
            }
            return stats
        }
    }

    /// The paths whose equity NPV is nearest the given percentiles (ties: lowest path index),
    /// available with exact quantiles only.
    public func representativePaths(percentiles: [Int] = [10, 50, 90]) -> [(percentile: Int, path: Int, equityNPV: Double)] {
        guard let values = state.values?[PathMetric.equityNPV.rawValue] else { return [] }
        return representativePaths(percentiles: percentiles, among: values, firstPath: state.ranges.first?.lowerBound ?? 0)
    }

    /// The paths among `values` (the equity NPVs of paths `firstPath`, `firstPath + 1`, ...) nearest
    /// the run's percentiles of equity NPV (ties: lowest path index).
    public func representativePaths(percentiles: [Int] = [10, 50, 90], among values: [Double],
                                    firstPath: Int) -> [(percentile: Int, path: Int, equityNPV: Double)] {
        guard let stats = statistics.first(where: { $0.metric == .equityNPV }), stats.count > 0 else { return [] }
        return percentiles.compactMap { p in
            guard let target = stats.percentiles.first(where: { $0.0 == p })?.1 else { return nil }
            var best = -1, distance = Double.infinity
            for (i, v) in values.enumerated() where v.isFinite && abs(v - target) < distance {
                best = i; distance = abs(v - target)
            }
            return best < 0 ? nil : (p, firstPath + best, values[best])
        }
    }
}
