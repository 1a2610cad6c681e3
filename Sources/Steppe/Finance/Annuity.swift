import Foundation

// Level-payment loan arithmetic with the spreadsheet (and numpy-financial) sign
// convention: money received is positive, money paid is negative, and payments
// fall at the end of each period.

/// The level payment per period that repays `presentValue` (and leaves
/// `futureValue`) over `periods` periods at `rate`.
///
/// `payment(rate: 0.05, periods: 10, presentValue: 500_000)` is `-64752.2874827`.
/// With a zero rate the payment is `-(presentValue + futureValue) / periods`.
public func payment(rate: Double, periods: Int, presentValue: Double, futureValue: Double = 0) -> Double {
    precondition(periods > 0, "payment needs at least one period (got \(periods))")
    let n = Double(periods)
    if rate == 0 { return -(presentValue + futureValue) / n }
    let growth = pow(1 + rate, n)
    return -(presentValue * growth + futureValue) * rate / (growth - 1)
}

/// The interest part of the level payment in period `period` (1-based).
public func interestPayment(rate: Double, period: Int, periods: Int, presentValue: Double, futureValue: Double = 0) -> Double {
    precondition((1...periods).contains(period), "period \(period) outside 1...\(periods)")
    let pmt = payment(rate: rate, periods: periods, presentValue: presentValue, futureValue: futureValue)
    // Balance after `period - 1` payments, in the same sign convention as `presentValue`.
    let k = Double(period - 1)
    let balance: Double
    if rate == 0 {
        balance = presentValue + pmt * k
    } else {
        let growth = pow(1 + rate, k)
        balance = presentValue * growth + pmt * (growth - 1) / rate
    }
    return -balance * rate
}
