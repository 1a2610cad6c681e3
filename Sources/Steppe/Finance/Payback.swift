/// Years from the valuation date (end of the start year) until the cumulative
/// cash flow first turns non-negative, interpolated linearly within the crossing
/// year; with `rate` the flows are discounted first (discounted payback).
///
/// `[-1000] + [100] * 25` pays back in exactly 10.0 years, and in 20.9154 years
/// discounted at 8% (end-of-year timing).
/// A project that never invests pays back at 0; one that never recovers its
/// outlay is undefined.
///
/// With `from: .constructionStart` (the feasibility-study method): years from the start of the
/// first year, T − 1 + |cumulative of year T − 1| / flow of year T with T counted from 1, where T
/// is the year from which the cumulative flow stays non-negative (a later crossing counts when it
/// turns negative again; one that ends negative is undefined). Flows discounted as year index
/// `t + firstYearIndex` (the valuation date's offset) scale every discounted flow alike, so the
/// crossing year and its fraction do not depend on it.
public func paybackYears(
    _ flows: [Double], discountRate rate: Double? = nil, timing: DiscountTiming = .endOfYear,
    firstYearIndex: Int = 0, from start: ProjectConventions.PaybackStart = .valuationDate
) -> MetricValue {
    var cumulative = 0.0
    var everNegative = false
    var recovered: Double?
    for (t, raw) in flows.enumerated() {
        let flow = rate.map { raw * timing.factor(rate: $0, yearIndex: t + firstYearIndex) } ?? raw
        let before = cumulative
        cumulative += flow
        if cumulative < 0 { everNegative = true; recovered = nil; continue }
        guard everNegative, recovered == nil else { continue }
        // Crossed zero during year t: flows are spread evenly over the year.
        let years = Double(t - 1) + (-before) / flow
        guard start == .constructionStart else { return .value(years) }
        recovered = years + 1
    }
    if let recovered { return .value(recovered) }
    if !everNegative { return .value(0) }
    return .undefined(rate == nil
        ? "payback undefined: cumulative cash flow never recovers within the project life"
        : "discounted payback undefined: discounted cumulative cash flow never recovers within the project life")
}
