/// A statistic of one metric over the Monte Carlo paths of a scenario's uncertain inputs: what
/// `SizingOptimiser` optimises when it optimises under uncertainty rather than on the base case.
///
/// Why common random numbers: every design point runs the same seed, sampler and path count, so
/// path k draws the same prices at every design (the dispatch, which the design changes, has no
/// uncertain input; docs/hydrogen.md). The difference between two designs is then the difference
/// of their responses to the same draws, not sampling noise, and the statistic is a deterministic
/// function of the design that the search can compare point by point.
///
/// Undefined paths (an IRR with no sign change, say) follow the run summary's conventions
/// (`MonteCarloSummary`): the mean and the percentiles are over the defined paths, and the number
/// of undefined paths is reported beside the value; a design where every path is undefined has no
/// value and ranks last.
public struct SampledStatistic: Sendable, Equatable {
    /// The statistics that can be optimised; each is available for every metric the Monte Carlo
    /// runner tracks per path (`PathMetric`).
    public enum Statistic: String, Sendable, CaseIterable {
        case mean, p10, p50, p90

        /// The quantile level of a percentile; nil for the mean.
        public var level: Double? {
            switch self {
            case .mean: nil
            case .p10: 0.1
            case .p50: 0.5
            case .p90: 0.9
            }
        }
    }

    /// The statistic at one design point, with its sampling error.
    public struct Estimate: Sendable, Equatable {
        /// The statistic over the defined paths; nil when every path is undefined.
        public var value: Double?
        /// Standard error of `value` from the paths' spread (nil with fewer than two defined paths).
        /// Mean: s / √n. Percentile q: √(q(1 − q)/n) / f(Q(q)), the asymptotic standard error of a
        /// sample quantile, with the density's reciprocal 1/f estimated as the slope of the sorted values
        /// over q ± `densityWindow` (a window of 10% of the paths: a narrower one, e.g. one binomial
        /// standard deviation of the rank, left the estimate itself about 16% noisy at 4000 paths).
        public var standardError: Double?
        public var definedPaths: Int
        public var undefinedPaths: Int
        /// Uniforms each path draws: 0 when the scenario has no uncertain input, so that every path is
        /// the base case and the statistic is the base case's metric.
        public var dimensions: Int
    }

    /// Half-width, in probability, of the window over which a percentile's density is estimated.
    public static let densityWindow = 0.05

    public var statistic: Statistic
    public var paths: Int
    public var seed: UInt64
    public var sampler: SamplingMethod

    public init(statistic: Statistic, paths: Int, seed: UInt64 = 1, sampler: SamplingMethod = .random) {
        self.statistic = statistic; self.paths = paths; self.seed = seed; self.sampler = sampler
    }

    /// The statistic of `metric` over the paths of `scenario`, run on `threads` threads (the result is
    /// the same for any thread count, as every Monte Carlo run's). Quantiles are exact: every path's
    /// value is kept.
    public func estimate(_ scenario: Scenario, metric: PathMetric, threads: Int = 1) throws(ScenarioErrors) -> Estimate {
        let configuration = MonteCarloConfiguration(paths: paths, seed: seed, sampler: sampler,
                                                    exactQuantileLimit: paths, metrics: [metric])
        let study = try MonteCarloStudy(scenario: scenario, scenarioText: "", configuration: configuration)
        let state = study.runner.run(threads: threads)
        let summary = MonteCarloSummary(state, thresholds: study.thresholds)
        guard let stats = summary.statistics.first(where: { $0.metric == metric }) else {
            return Estimate(value: nil, standardError: nil, definedPaths: 0, undefinedPaths: paths, dimensions: study.runner.drawer.dimension)
        }
        var estimate = Estimate(value: nil, standardError: nil, definedPaths: stats.count, undefinedPaths: stats.undefined,
                                dimensions: study.runner.drawer.dimension)
        guard let q = statistic.level else {
            estimate.value = stats.mean; estimate.standardError = stats.standardError
            return estimate
        }
        // The run summary's percentile (type 7 over the defined paths), so a report of the same run agrees.
        estimate.value = stats.percentiles.first { Double($0.0) == q * 100 }?.1
        let sorted = finiteValuesSorted(state.values?[metric.rawValue] ?? [])
        if sorted.count > 1 {
            let spread = (q * (1 - q) / Double(sorted.count)).squareRoot()
            let h = max(spread, Self.densityWindow)
            let slope = (interpolatedQuantile(sorted, min(1, q + h)) - interpolatedQuantile(sorted, max(0, q - h))) / (min(1, q + h) - max(0, q - h))
            estimate.standardError = spread * slope
        }
        return estimate
    }
}
