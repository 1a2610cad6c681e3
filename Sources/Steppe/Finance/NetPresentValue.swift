/// The sum of `flows[t] * factors[t]`: a net present value with precomputed discount factors.
@inlinable
public func discountedSum(_ flows: [Double], _ factors: [Double]) -> Double {
    var total = 0.0
    for t in 0..<min(flows.count, factors.count) { total += flows[t] * factors[t] }
    return total
}

/// Net present value of yearly cash flows at `rate`, valued at year index 0; with `firstYearIndex`
/// 1, the first flow is discounted as year index 1 (a valuation date one year earlier).
///
/// With `.endOfYear` timing this is numpy-financial's `npv`: the first value is
/// **not** discounted (unlike a spreadsheet's `NPV()`, which discounts it once).
///
/// - Complexity: O(*n*) in the number of flows.
@inlinable
public func netPresentValue<C: Collection>(
    rate: Double, _ flows: C, timing: DiscountTiming = .endOfYear, firstYearIndex: Int = 0
) -> Double where C.Element == Double {
    var total = 0.0
    var t = firstYearIndex
    for flow in flows {
        total += flow * timing.factor(rate: rate, yearIndex: t)
        t += 1
    }
    return total
}
