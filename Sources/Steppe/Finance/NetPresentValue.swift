/// Net present value of yearly cash flows at `rate`, valued at year index 0.
///
/// With `.endOfYear` timing this is numpy-financial's `npv`: the first value is
/// **not** discounted (unlike a spreadsheet's `NPV()`, which discounts it once).
///
/// - Complexity: O(*n*) in the number of flows.
@inlinable
public func netPresentValue<C: Collection>(
    rate: Double, _ flows: C, timing: DiscountTiming = .endOfYear
) -> Double where C.Element == Double {
    var total = 0.0
    var t = 0
    for flow in flows {
        total += flow * timing.factor(rate: rate, yearIndex: t)
        t += 1
    }
    return total
}
