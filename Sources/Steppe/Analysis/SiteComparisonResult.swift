import Foundation

/// Every path's metrics in every zone of a `SiteComparison`, and the statistics a siting
/// decision needs: per-zone distributions, rankings, pairwise probabilities, regret and the
/// base-case lines that drive the differences.
public struct SiteComparisonResult: Sendable {
    public let comparison: SiteComparison
    /// values[(site × metrics + metric) × paths + path]; NaN where a metric is undefined.
    let values: [Double]

    public var zones: [String] { comparison.sites.map(\.zone) }
    public var paths: Int { comparison.configuration.paths }

    /// Zone `site`'s values of `metric`, by path.
    public func values(site: Int, metric: PathMetric) -> ArraySlice<Double> {
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

    /// Mean, its standard error (sample sd / √n), and P10/P50/P90 by linear interpolation between
    /// order statistics (type 7); nil when the metric is undefined on every path.
    public func statistics(site: Int, metric: PathMetric) -> Statistics? {
        let xs = values(site: site, metric: metric).filter(\.isFinite).sorted()
        guard !xs.isEmpty else { return nil }
        let (mean, sd) = Self.meanAndDeviation(xs[...])
        return Statistics(mean: mean, standardError: sd / Double(xs.count).squareRoot(),
                          p10: interpolatedQuantile(xs, 0.1), p50: interpolatedQuantile(xs, 0.5), p90: interpolatedQuantile(xs, 0.9),
                          undefined: paths - xs.count)
    }

    /// The equity IRR hurdle of a zone: the configuration's, or the zone's equity discount rate.
    public func hurdleRate(site: Int) -> Double {
        comparison.configuration.hurdleRate ?? comparison.sites[site].model.equityRate
    }

    /// P(equity IRR >= hurdle); a path whose IRR is undefined (no sign change) does not meet it.
    public func probabilityMeetingHurdle(site: Int) -> Double {
        let h = hurdleRate(site: site)
        return Double(values(site: site, metric: .equityIRR).filter { $0.isFinite && $0 >= h }.count) / Double(paths)
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
        var out: [Pair] = []
        for a in zones.indices {
            for b in zones.indices where b != a {
                let xa = values(site: a, metric: metric), xb = values(site: b, metric: metric)
                var diffs: [Double] = [], ya: [Double] = [], yb: [Double] = []
                var beats = 0
                for (x, y) in zip(xa, xb) {
                    guard x.isFinite && y.isFinite else { continue }
                    diffs.append(x - y); ya.append(x); yb.append(y)
                    if metric.higherIsBetter ? x > y : x < y { beats += 1 }
                }
                guard !diffs.isEmpty else { continue }
                let n = Double(diffs.count)
                let (mean, sd) = Self.meanAndDeviation(diffs[...])
                let (_, sa) = Self.meanAndDeviation(ya[...]), (_, sb) = Self.meanAndDeviation(yb[...])
                out.append(Pair(zone: a, other: b, probabilityBeats: Double(beats) / n,
                                meanDifference: mean, standardError: sd / n.squareRoot(),
                                independentStandardError: ((sa * sa + sb * sb) / n).squareRoot(), paths: diffs.count))
            }
        }
        return out
    }

    /// Regret of choosing each zone: E[best zone's value - chosen zone's value] on each path (for a
    /// smaller-is-better metric, chosen - best), over paths where every zone is defined; with the
    /// share of paths where each zone is the best (ties to the first zone listed).
    public func regret(_ metric: PathMetric) -> [(expected: Double, standardError: Double, probabilityBest: Double)] {
        let columns = zones.indices.map { values(site: $0, metric: metric) }
        var regrets = [[Double]](repeating: [], count: zones.count)
        var best = [Int](repeating: 0, count: zones.count)
        for p in 0..<paths {
            let xs = columns.map { $0[$0.startIndex + p] }
            guard xs.allSatisfy(\.isFinite) else { continue }
            let top = metric.higherIsBetter ? xs.max()! : xs.min()!
            best[xs.firstIndex(of: top)!] += 1
            for s in xs.indices { regrets[s].append(abs(top - xs[s])) }
        }
        return zones.indices.map { s in
            guard !regrets[s].isEmpty else { return (.nan, .nan, 0) }
            let (m, sd) = Self.meanAndDeviation(regrets[s][...])
            return (m, sd / Double(regrets[s].count).squareRoot(), Double(best[s]) / Double(regrets[s].count))
        }
    }

    /// Present values (project rate, base case) of each revenue, cost, capex, tax and incentive
    /// line of zone `site`: the lines a zone changes, in money.
    public func lines(site: Int) -> [(line: String, presentValue: Double)] {
        let m = comparison.sites[site].model
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        func pv(_ flows: [Double]) -> Double { netPresentValue(rate: m.projectRate, flows, timing: m.timing) }
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

    static func meanAndDeviation(_ xs: ArraySlice<Double>) -> (mean: Double, sd: Double) {
        guard !xs.isEmpty else { return (.nan, .nan) }
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        guard xs.count > 1 else { return (mean, 0) }
        let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / (n - 1)).squareRoot())
    }
}
