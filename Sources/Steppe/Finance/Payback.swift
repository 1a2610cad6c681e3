/// Years from the valuation date (end of the start year) until the cumulative
/// cash flow first turns non-negative, interpolated linearly within the crossing
/// year; with `rate` the flows are discounted first (discounted payback).
///
/// `[-1000] + [100] * 25` pays back in exactly 10.0 years, and in 20.9154 years
/// discounted at 8% (end-of-year timing).
/// A project that never invests pays back at 0; one that never recovers its
/// outlay is undefined.
public func paybackYears(
    _ flows: [Double], discountRate rate: Double? = nil, timing: DiscountTiming = .endOfYear
) -> MetricValue {
    var cumulative = 0.0
    var everNegative = false
    for (t, raw) in flows.enumerated() {
        let flow = rate.map { raw * timing.factor(rate: $0, yearIndex: t) } ?? raw
        let before = cumulative
        cumulative += flow
        if cumulative < 0 { everNegative = true; continue }
        guard everNegative else { continue }
        // Crossed zero during year t: flows are spread evenly over the year.
        return .value(Double(t - 1) + (-before) / flow)
    }
    if !everNegative { return .value(0) }
    return .undefined(rate == nil
        ? "payback undefined: cumulative cash flow never recovers within the project life"
        : "discounted payback undefined: discounted cumulative cash flow never recovers within the project life")
}
