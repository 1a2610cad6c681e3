/// Per-zone distribution figures a finance reader looks at first: the probability of a loss and
/// the quantile curve that overlays the zones' distributions in the report.
extension SiteComparisonResult {
    /// Percentile levels of the quantile curves (fractions).
    public static let curveLevels: [Double] = [0.01] + stride(from: 0.05, through: 0.951, by: 0.05).map { $0 } + [0.99]

    /// The share of the paths on which `metric` is defined with a value below zero (for the equity
    /// NPV: the probability of a loss); nil when it is undefined on every path. Exact in both
    /// modes: the sketch keeps negative values in buckets of their own.
    public func probabilityNegative(site: Int, metric: PathMetric) -> Double? {
        let m = PathMetric.allCases.count
        if values != nil {
            let xs = values(site: site, metric: metric).filter(\.isFinite)
            guard !xs.isEmpty else { return nil }
            return Double(xs.filter { $0 < 0 }.count) / Double(xs.count)
        }
        let sketch = state.sketches![site * m + metric.rawValue]
        guard sketch.count > 0 else { return nil }
        return Double(sketch.negative.reduce(0, +)) / Double(sketch.count)
    }

    /// `metric` at each of `levels` (exact order statistics, or the sketch's estimates); nil
    /// entries where the metric is undefined on every path.
    public func quantileCurve(site: Int, metric: PathMetric, levels: [Double] = curveLevels) -> [Double?] {
        let m = PathMetric.allCases.count
        if values != nil {
            let xs = finiteValuesSorted(values(site: site, metric: metric))
            guard !xs.isEmpty else { return levels.map { _ in nil } }
            return levels.map { interpolatedQuantile(xs, $0) }
        }
        let sketch = state.sketches![site * m + metric.rawValue]
        return levels.map { sketch.quantile($0) }
    }
}
