import Foundation

/// When, inside a year, the cash flows of that year are assumed to occur.
///
/// The valuation date is the end of the scenario's start year (index 0).
/// - `endOfYear`: the flow of year index `t` is discounted by `(1 + r)^-t`,
///   so the start year's flow is not discounted (numpy-financial's `npv`).
/// - `midYear`: flows of years `t >= 1` are discounted by `(1 + r)^-(t - 0.5)`;
///   the start year's flow stays at the valuation date. This reproduces the
///   oracle's mid-year variant (`[-1000] + [100] * 25` at 8% gives 109.355283084).
public enum DiscountTiming: String, Sendable, CaseIterable, Codable {
    case endOfYear
    case midYear

    /// The discount factor of year index `t` at `rate`.
    @inlinable
    public func factor(rate: Double, yearIndex t: Int) -> Double {
        switch self {
        case .endOfYear:
            return pow(1 + rate, -Double(t))
        case .midYear:
            return t == 0 ? 1 : pow(1 + rate, -(Double(t) - 0.5))
        }
    }
}
