/// The streaming statistics of a `SiteComparison`: per-zone moments, pairwise differences
/// and regret for every metric, accumulated path by path so memory does not grow with the
/// path count (values are kept only for exact quantiles, up to the configuration's limit).
///
/// Order independence, as in `MetricState`: each worker adds a chunk's paths in path order
/// into plain `Double` partial sums, flushed at the end of the chunk into `ExactSum`s; counts
/// are integers and sketches hold integer counts. Merging workers therefore gives the same
/// state for any thread count.
///
/// Sums are of deviations from a shift (the zone's base-case value; for a difference, the
/// difference of the shifts), so variances do not suffer cancellation.
struct SiteComparisonState: Sendable {
    let siteCount: Int
    static let metricCount = PathMetric.allCases.count
    /// Base-case value of each (site, metric), the shift of its sums.
    let shift: [Double]

    /// Exact sums and their per-chunk partials, in the layout of `index` functions below.
    private(set) var sums: [ExactSum]
    private var partials: [Double]
    /// Integer counts, in the layout of the `*Count` functions below.
    private(set) var counts: [Int]
    /// A quantile sketch per (site, metric) when quantiles are not exact.
    private(set) var sketches: [QuantileSketch]?

    init(siteCount: Int, shift: [Double], sketch: Bool) {
        self.siteCount = siteCount
        self.shift = shift
        let pairs = siteCount * (siteCount - 1) / 2
        let m = Self.metricCount
        let sumCount = siteCount * m * 2 + pairs * m * 6 + m * siteCount * 2
        sums = Array(repeating: ExactSum(), count: sumCount)
        partials = Array(repeating: 0, count: sumCount)
        counts = Array(repeating: 0, count: siteCount * m + 1 * siteCount + pairs * m * 3 + m + m * siteCount)
        sketches = sketch ? Array(repeating: QuantileSketch(), count: siteCount * m) : nil
    }

    // MARK: Layout

    func pairIndex(_ a: Int, _ b: Int) -> Int {
        precondition(a < b)
        return a * siteCount - a * (a + 1) / 2 + (b - a - 1)
    }
    /// Sum of (x - shift) (+0) and of its square (+1), for one site and metric.
    func siteSum(_ s: Int, _ k: Int) -> Int { (s * Self.metricCount + k) * 2 }
    /// Sums of d, d², a, a², b, b² (+0 ... +5) over paths where both zones of pair (a < b) are defined.
    func pairSum(_ p: Int, _ k: Int) -> Int { siteCount * Self.metricCount * 2 + (p * Self.metricCount + k) * 6 }
    /// Sum of regret (+0) and its square (+1) of site `s` on metric `k`.
    func regretSum(_ k: Int, _ s: Int) -> Int {
        let pairs = siteCount * (siteCount - 1) / 2
        return siteCount * Self.metricCount * 2 + pairs * Self.metricCount * 6 + (k * siteCount + s) * 2
    }
    /// Paths where (site, metric) is defined.
    func definedCount(_ s: Int, _ k: Int) -> Int { s * Self.metricCount + k }
    /// Paths where the site's equity IRR meets its hurdle.
    func hurdleCount(_ s: Int) -> Int { siteCount * Self.metricCount + s }
    /// Paths where both zones of the pair are defined (+0), where a beats b (+1), where b beats a (+2).
    func pairCount(_ p: Int, _ k: Int) -> Int { siteCount * Self.metricCount + siteCount + (p * Self.metricCount + k) * 3 }
    /// Paths where every zone is defined on metric `k`.
    func regretPathCount(_ k: Int) -> Int {
        let pairs = siteCount * (siteCount - 1) / 2
        return siteCount * Self.metricCount + siteCount + pairs * Self.metricCount * 3 + k
    }
    /// Paths on which site `s` is best on metric `k` (ties: the first zone listed).
    func bestCount(_ k: Int, _ s: Int) -> Int { regretPathCount(0) + Self.metricCount + k * siteCount + s }

    // MARK: Accumulation

    @inline(__always)
    private mutating func add(_ i: Int, _ x: Double) {
        partials[i] += x
        partials[i + 1] += x * x
    }

    /// Adds one path: `x[s * metricCount + k]` is site s's value of metric k (NaN: undefined).
    /// `hurdles[s]` is site s's equity IRR hurdle.
    mutating func add(path x: UnsafeBufferPointer<Double>, hurdles: [Double]) {
        let m = Self.metricCount
        for s in 0..<siteCount {
            for k in 0..<m {
                let v = x[s * m + k]
                guard v.isFinite else { continue }
                counts[definedCount(s, k)] += 1
                add(siteSum(s, k), v - shift[s * m + k])
                sketches?[s * m + k].add(v)
            }
            let irr = x[s * m + PathMetric.equityIRR.rawValue]
            if irr.isFinite && irr >= hurdles[s] { counts[hurdleCount(s)] += 1 }
        }
        for metric in PathMetric.allCases {
            let k = metric.rawValue
            var allDefined = true
            var best = 0
            for a in 0..<siteCount {
                let va = x[a * m + k]
                guard va.isFinite else { allDefined = false; continue }
                if allDefined, a > 0, metric.higherIsBetter ? va > x[best * m + k] : va < x[best * m + k] { best = a }
                for b in (a + 1)..<siteCount {
                    let vb = x[b * m + k]
                    guard vb.isFinite else { continue }
                    let p = pairIndex(a, b), c = pairCount(p, k), i = pairSum(p, k)
                    let sa = shift[a * m + k], sb = shift[b * m + k]
                    counts[c] += 1
                    if metric.higherIsBetter ? va > vb : va < vb { counts[c + 1] += 1 }
                    if metric.higherIsBetter ? vb > va : vb < va { counts[c + 2] += 1 }
                    add(i, (va - vb) - (sa - sb))
                    add(i + 2, va - sa)
                    add(i + 4, vb - sb)
                }
            }
            guard allDefined else { continue }
            counts[regretPathCount(k)] += 1
            counts[bestCount(k, best)] += 1
            let top = x[best * m + k]
            for s in 0..<siteCount { add(regretSum(k, s), abs(top - x[s * m + k])) }
        }
    }

    /// Moves the chunk's partial sums into the exact sums (call at the end of every chunk).
    mutating func flush() {
        for i in partials.indices where partials[i] != 0 {
            sums[i].add(partials[i])
            partials[i] = 0
        }
    }

    mutating func merge(_ other: SiteComparisonState) {
        for i in sums.indices { sums[i].add(other.sums[i]) }
        for i in counts.indices { counts[i] += other.counts[i] }
        if let o = other.sketches { for i in o.indices { sketches?[i].merge(o[i]) } }
    }

    // MARK: Results

    /// Mean and sample standard deviation of `n` values whose deviations from `shift` sum to
    /// sums[i] (and their squares to sums[i + 1]).
    func meanAndDeviation(_ i: Int, count n: Int, shift: Double) -> (mean: Double, sd: Double) {
        guard n > 0 else { return (.nan, .nan) }
        let s = sums[i].value, ss = sums[i + 1].value
        let mean = shift + s / Double(n)
        guard n > 1 else { return (mean, 0) }
        return (mean, (max(0, ss - s * s / Double(n)) / Double(n - 1)).squareRoot())
    }
}
