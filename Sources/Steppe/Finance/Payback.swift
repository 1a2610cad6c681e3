/// Where a payback is counted from, and which crossing counts (`ProjectConventions.payback`).
public enum PaybackStart: String, Sendable, Equatable, CaseIterable {
    /// Years after the end of the start year to the first crossing of the cumulative flow.
    case valuationDate
    /// The feasibility-study method's: years from the start of construction, T − 1 + |cumulative of
    /// year T − 1| / flow of year T, where T (counted from 1) is the year the cumulative flow turns
    /// non-negative for good. When it turns negative again later (a replacement, a loss), the later
    /// crossing counts: the investment is not recovered while the cumulative flow is negative; a flow
    /// that ends negative has no payback.
    case constructionStart
}

/// Years from the valuation date (end of the start year) until the cumulative
/// cash flow first turns non-negative, interpolated linearly within the crossing
/// year; with `rate` the flows are discounted first (discounted payback).
///
/// `[-1000] + [100] * 25` pays back in exactly 10.0 years, and in 20.9154 years
/// discounted at 8% (end-of-year timing).
/// A project that never invests pays back at 0; one that never recovers its
/// outlay is undefined. The computation is `Payback`, which the engine runs eight paths at a time.
///
/// With `from: .constructionStart` (the feasibility-study method, `PaybackStart`): counted from the
/// start of the first year, and the last crossing. Flows discounted as year index `t + firstYearIndex`
/// (the valuation date's offset) scale every discounted flow alike, so the crossing year and its
/// fraction do not depend on it.
public func paybackYears(
    _ flows: [Double], discountRate rate: Double? = nil, timing: DiscountTiming = .endOfYear,
    firstYearIndex: Int = 0, from start: PaybackStart = .valuationDate
) -> MetricValue {
    var payback = Payback<Double>(from: start)
    for (t, raw) in flows.enumerated() {
        payback.add(rate.map { raw * timing.factor(rate: $0, yearIndex: t + firstYearIndex) } ?? raw, year: t)
    }
    let years = payback.value
    if !years.isNaN { return .value(years) }
    return .undefined(rate == nil
        ? "payback undefined: cumulative cash flow never recovers within the project life"
        : "discounted payback undefined: discounted cumulative cash flow never recovers within the project life")
}

/// The payback of one path's flows (`Double`) or eight paths' (`Lanes`), fed one year's flows at a
/// time: the crossing of the cumulative flow to a non-negative value after a negative one,
/// interpolated within the crossing year (flows spread evenly over the year). From the valuation
/// date the first crossing is final; from the start of construction (`PaybackStart`) a lane whose
/// cumulative flow turns negative again is open again, and the count has one year more.
///
/// The engine's year loop runs one for the project flow (`paybackYears`) and one for the equity flow
/// (`equityPaybackYears`), each only when its metric is selected.
struct Payback<V: LaneValue> {
    private var cumulative = V.zero
    private var years = V.zero
    private var everNegative = V.Mask(repeating: false)
    private var recovered = V.Mask(repeating: false)
    private let fromConstructionStart: Bool

    init(from start: PaybackStart = .valuationDate) {
        fromConstructionStart = start == .constructionStart
    }

    /// Adds year `t`'s flow; from the valuation date, does nothing once every lane has recovered.
    @_transparent
    mutating func add(_ flow: V, year t: Int) {
        guard fromConstructionStart || !recovered.everyLane else { return }
        let before = cumulative
        cumulative += flow
        let negative = cumulative .< 0
        if fromConstructionStart { recovered = recovered .& .!negative }
        let open = .!recovered
        everNegative = everNegative .| (open .& negative)
        let crosses = open .& .!negative .& everNegative
        guard crosses.anyLane else { return }
        years.replace(with: Double(t - 1) + before.negated / flow, where: crosses)
        recovered = recovered .| crosses
    }

    /// Each lane's payback in years: 0 for flows never negative, NaN (undefined) for flows that never recover.
    var value: V {
        let counted = fromConstructionStart ? years.replacing(with: years + 1, where: everNegative) : years
        return counted.replacing(with: .nan, where: .!recovered .& everNegative)
    }
}
