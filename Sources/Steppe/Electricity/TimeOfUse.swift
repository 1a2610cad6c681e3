/// Time-of-use multipliers on an energy price, one per hour of day (Beijing time).
///
/// The seeds give no time-of-use periods for Inner Mongolia (the catalogue tariffs of
/// 002_4322e846ed20b2fa.txt L176-178 are single prices), so any periods are the
/// scenario's assumption. `flat` (all 1) is the default.
public struct TimeOfUse: Sendable, Equatable {
    /// 24 multipliers, hour 0 = 00:00-01:00.
    public private(set) var multipliers: [Double]

    /// - Precondition: 24 non-negative multipliers.
    public init(multipliers: [Double]) {
        precondition(multipliers.count == 24 && multipliers.allSatisfy { $0 >= 0 }, "time of use needs 24 multipliers >= 0")
        self.multipliers = multipliers
    }

    public static let flat = TimeOfUse(multipliers: Array(repeating: 1, count: 24))

    /// The multiplier of hour `h` of the year (hour of day `h % 24`).
    @inline(__always)
    public func multiplier(hour h: Int) -> Double { multipliers[h % 24] }

    /// The mean multiplier over a day, the factor for a load spread evenly over the hours.
    public var dailyMean: Double { multipliers.reduce(0, +) / 24 }
}
