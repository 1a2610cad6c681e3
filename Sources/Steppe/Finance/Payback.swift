/// Years from the valuation date (end of the start year) until the cumulative
/// cash flow first turns non-negative, interpolated linearly within the crossing
/// year; with `rate` the flows are discounted first (discounted payback).
///
/// `[-1000] + [100] * 25` pays back in exactly 10.0 years, and in 20.9154 years
/// discounted at 8% (end-of-year timing).
/// A project that never invests pays back at 0; one that never recovers its
/// outlay is undefined. The computation is `Payback`, which the engine runs eight paths at a time.
public func paybackYears(
    _ flows: [Double], discountRate rate: Double? = nil, timing: DiscountTiming = .endOfYear
) -> MetricValue {
    var payback = Payback<Double>()
    for (t, raw) in flows.enumerated() {
        payback.add(rate.map { raw * timing.factor(rate: $0, yearIndex: t) } ?? raw, year: t)
    }
    let years = payback.value
    if !years.isNaN { return .value(years) }
    return .undefined(rate == nil
        ? "payback undefined: cumulative cash flow never recovers within the project life"
        : "discounted payback undefined: discounted cumulative cash flow never recovers within the project life")
}

/// The payback of one path's flows (`Double`) or eight paths' (`Lanes`), fed one year's flows at a
/// time: the first crossing of the cumulative flow to a non-negative value after a negative one,
/// interpolated within the crossing year (flows spread evenly over the year).
///
/// The engine's year loop runs one for the project flow (`paybackYears`) and one for the equity flow
/// (`equityPaybackYears`), each only when its metric is selected.
struct Payback<V: LaneValue> {
    private var cumulative = V.zero
    private var years = V.zero
    private var everNegative = V.Mask(repeating: false)
    private var recovered = V.Mask(repeating: false)

    /// Adds year `t`'s flow; does nothing once every lane has recovered.
    @_transparent
    mutating func add(_ flow: V, year t: Int) {
        guard !recovered.everyLane else { return }
        let before = cumulative
        cumulative += flow
        let negative = cumulative .< 0
        let open = .!recovered
        everNegative = everNegative .| (open .& negative)
        let crosses = open .& .!negative .& everNegative
        guard crosses.anyLane else { return }
        years.replace(with: Double(t - 1) + before.negated / flow, where: crosses)
        recovered = recovered .| crosses
    }

    /// Each lane's payback in years: 0 for flows never negative, NaN (undefined) for flows that never recover.
    var value: V { years.replacing(with: .nan, where: .!recovered .& everNegative) }
}
