import Foundation

/// The statistics a siting decision needs, from the streamed state of a `SiteComparison`:
/// per-zone distributions, rankings, pairwise probabilities, regret and the base-case lines
/// that drive the differences. Every path's values are kept too while quantiles are exact.
public struct SiteComparisonResult: Sendable {
    public let comparison: SiteComparison
    let state: SiteComparisonState
    /// values[(site × metrics + metric) × paths + path]; NaN where a metric is undefined.
    /// Kept only while quantiles are exact (paths <= the configuration's exact-quantile limit).
    let values: [Double]?

    init(comparison: SiteComparison, state: SiteComparisonState, values: [Double]?) {
        self.comparison = comparison; self.state = state; self.values = values
    }

    public var zones: [String] { comparison.sites.map(\.zone) }
    public var paths: Int { comparison.configuration.paths }
    /// Whether P10/P50/P90 are exact order statistics (else DDSketch estimates, relative error <= 0.1%).
    public var exactQuantiles: Bool { values != nil }

    /// Zone `site`'s values of `metric`, by path; empty when quantiles are estimated (values not kept).
    public func values(site: Int, metric: PathMetric) -> ArraySlice<Double> {
        guard let values else { return [] }
        let n = paths, start = (site * PathMetric.allCases.count + metric.rawValue) * n
        return values[start..<(start + n)]
    }

    /// A zone's distribution of one metric over the paths where it is defined.
    public struct Statistics: Sendable {
        public var mean: Double
        public var standardError: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var undefined: Int
    }

    /// Mean, its standard error (sample sd / √n), and P10/P50/P90 (exact: linear interpolation
    /// between order statistics, type 7; else the sketch's estimate); nil when the metric is
    /// undefined on every path.
    public func statistics(site: Int, metric: PathMetric) -> Statistics? {
        let k = metric.rawValue, m = PathMetric.allCases.count
        let n = state.counts[state.definedCount(site, k)]
        guard n > 0 else { return nil }
        let (mean, sd) = state.meanAndDeviation(state.siteSum(site, k), count: n, shift: state.shift[site * m + k])
        let quantile: (Double) -> Double
        if values != nil {
            let xs = finiteValuesSorted(values(site: site, metric: metric))
            quantile = { interpolatedQuantile(xs, $0) }
        } else {
            let sketch = state.sketches![site * m + k]
            quantile = { sketch.quantile($0) ?? .nan }
        }
        return Statistics(mean: mean, standardError: sd / Double(n).squareRoot(),
                          p10: quantile(0.1), p50: quantile(0.5), p90: quantile(0.9), undefined: paths - n)
    }

    /// The equity IRR hurdle of a zone: the configuration's, or the zone's equity discount rate.
    public func hurdleRate(site: Int) -> Double {
        comparison.configuration.hurdleRate ?? comparison.sites[site].model.equityRate
    }

    /// P(equity IRR >= hurdle); a path whose IRR is undefined (no sign change) does not meet it.
    public func probabilityMeetingHurdle(site: Int) -> Double {
        Double(state.counts[state.hurdleCount(site)]) / Double(paths)
    }

    /// Zone indices from best to worst by mean (zones where the metric is never defined last).
    public func ranking(_ metric: PathMetric) -> [Int] {
        let means = zones.indices.map { statistics(site: $0, metric: metric)?.mean }
        return zones.indices.sorted { a, b in
            switch (means[a], means[b]) {
            case let (x?, y?): return x != y ? (metric.higherIsBetter ? x > y : x < y) : a < b
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
    }

    /// One ordered pair of zones on one metric.
    public struct Pair: Sendable {
        public var zone: Int
        public var other: Int
        /// The share of paths (where both are defined) on which `zone` is strictly better than
        /// `other`; ties count for neither, so a zone against itself gives 0.
        public var probabilityBeats: Double
        /// Mean of (zone - other) over paths where both are defined, and its standard error
        /// (sd of the per-path differences / √n).
        public var meanDifference: Double
        public var standardError: Double
        /// √((Var zone + Var other) / n): the standard error the same difference would have with
        /// independent draws (Cov = 0), estimated from these paths.
        public var independentStandardError: Double
        public var paths: Int
    }

    /// Every ordered pair (zone ≠ other) on `metric`.
    public func pairs(_ metric: PathMetric) -> [Pair] {
        let k = metric.rawValue, m = PathMetric.allCases.count
        var out: [Pair] = []
        for a in zones.indices {
            for b in zones.indices where b != a {
                let (lo, hi) = (min(a, b), max(a, b))
                let p = state.pairIndex(lo, hi), c = state.pairCount(p, k), i = state.pairSum(p, k)
                let n = state.counts[c]
                guard n > 0 else { continue }
                let shiftLo = state.shift[lo * m + k], shiftHi = state.shift[hi * m + k]
                let (d, sd) = state.meanAndDeviation(i, count: n, shift: shiftLo - shiftHi)
                let (_, sLo) = state.meanAndDeviation(i + 2, count: n, shift: shiftLo)
                let (_, sHi) = state.meanAndDeviation(i + 4, count: n, shift: shiftHi)
                let beats = a == lo ? state.counts[c + 1] : state.counts[c + 2]
                out.append(Pair(zone: a, other: b, probabilityBeats: Double(beats) / Double(n),
                                meanDifference: a == lo ? d : -d, standardError: sd / Double(n).squareRoot(),
                                independentStandardError: ((sLo * sLo + sHi * sHi) / Double(n)).squareRoot(), paths: n))
            }
        }
        return out
    }

    /// Regret of choosing each zone: E[best zone's value - chosen zone's value] on each path (for a
    /// smaller-is-better metric, chosen - best), over paths where every zone is defined; with the
    /// share of paths where each zone is the best (ties to the first zone listed).
    public func regret(_ metric: PathMetric) -> [(expected: Double, standardError: Double, probabilityBest: Double)] {
        let k = metric.rawValue
        let n = state.counts[state.regretPathCount(k)]
        return zones.indices.map { s in
            guard n > 0 else { return (.nan, .nan, 0) }
            let (mean, sd) = state.meanAndDeviation(state.regretSum(k, s), count: n, shift: 0)
            return (mean, sd / Double(n).squareRoot(), Double(state.counts[state.bestCount(k, s)]) / Double(n))
        }
    }

    /// Present values (project rate, base case) of each revenue, cost, capex, tax and incentive
    /// line of zone `site`: the lines a zone changes, in money.
    public func lines(site: Int) -> [(line: String, presentValue: Double)] {
        let m = comparison.sites[site].model
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        func pv(_ flows: [Double]) -> Double { m.presentValue(flows, rate: m.projectRate) }
        var out: [(String, Double)] = []
        for (p, id) in m.productIDs.enumerated() { out.append(("revenue:\(id)", pv(ws.revenueByProduct.row(p)))) }
        for (l, id) in m.costLineIDs.enumerated() { out.append(("opex:\(id)", -pv(ws.opexByLine.row(l)))) }
        for (c, a) in m.assetClasses.enumerated() { out.append(("capex:\(a.id)", -pv(m.capex.row(c)))) }
        for (i, inc) in m.incentives.enumerated() { out.append(("incentive:\(inc.id)", pv(ws.incentiveByItem.row(i)))) }
        out.append(("incomeTax", -pv(ws.tax)))
        out.append(("vatAndSurtax", -pv(zip(ws.vatCashCost, ws.surtax).map { $0 + $1 })))
        out.append(("residualValue", pv(ws.residualValue)))
        return out
    }

    /// The lines where zone `site` differs from zone `reference` (site - reference), largest first.
    public func drivers(site: Int, reference: Int) -> [(line: String, presentValue: Double, referencePresentValue: Double)] {
        let own = lines(site: site), ref = lines(site: reference)
        var names = own.map(\.line)
        for r in ref where !names.contains(r.line) { names.append(r.line) }
        let rows = names.map { name in
            (name, own.first { $0.line == name }?.presentValue ?? 0, ref.first { $0.line == name }?.presentValue ?? 0)
        }
        let scale = max(1, rows.map { abs($0.1) + abs($0.2) }.max() ?? 1)
        return rows.filter { abs($0.1 - $0.2) > 1e-9 * scale }.sorted { abs($0.1 - $0.2) > abs($1.1 - $1.2) }
    }
}
