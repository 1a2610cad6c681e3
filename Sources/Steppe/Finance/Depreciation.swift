/// Adds the depreciation of one vintage (a basis placed in service in year index
/// `start`) to `schedule` and returns the book value left after the last year of
/// `schedule`, residual value included.
///
/// Full-year convention: the first year of service gets a full year's charge.
/// - Straight line: `(basis - residual) / life` a year.
/// - Declining balance: `factor / life` of the book value, switching to straight
///   line over the remaining life when that is larger, never below the residual.
/// - Sum of years' digits: `(basis - residual) * (life - k) / (life (life + 1) / 2)` in year `k`.
///
/// Over a full life the charges add up to `basis - residual`.
/// - Complexity: O(life).
public func depreciateVintage(
    basis: Double, start: Int, method: DepreciationMethod, lifeYears life: Int, residualRate: Double,
    into schedule: inout [Double]
) -> Double {
    let end = min(start + life, schedule.count)
    guard basis != 0, life > 0, start < end else { return basis }
    return schedule.withUnsafeMutableBufferPointer {
        depreciateVintage(basis: basis, start: start, end: end, method: method, lifeYears: life, residualRate: residualRate,
                          into: $0.baseAddress!)
    }
}

/// The arithmetic of a depreciation schedule, for one path (`Double`) or eight side by side (`Lanes`),
/// so the lane engine depreciates with the very operations of the scalar engine.
protocol DepreciationArithmetic {
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Double) -> Self
    static func / (a: Self, b: Double) -> Self
    /// `Swift.min` and `Swift.max`, with their choice on ties.
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
}

extension Double: DepreciationArithmetic {
    @inline(__always) static func minimum(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
    @inline(__always) static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
}

extension Lanes: DepreciationArithmetic {
    @inline(__always) static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes { laneMin(a, b) }
    @inline(__always) static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes { laneMax(a, b) }
}

/// `depreciateVintage` over the years `start ..< end` (the life, clipped to the schedule), for any
/// basis, zero included (it then adds zeros and returns 0).
@inline(__always)
func depreciateVintage<V: DepreciationArithmetic>(
    basis: V, start: Int, end: Int, method: DepreciationMethod, lifeYears life: Int, residualRate: Double,
    into schedule: UnsafeMutablePointer<V>
) -> V {
    let residual = basis * residualRate
    let depreciable = basis - residual
    var book = basis
    switch method {
    case .straightLine:
        let charge = depreciable / Double(life)
        for t in start..<end { schedule[t] = schedule[t] + charge; book = book - charge }
    case .sumOfYearsDigits:
        let digits = Double(life * (life + 1) / 2)
        for t in start..<end {
            let charge = depreciable * Double(life - (t - start)) / digits
            schedule[t] = schedule[t] + charge; book = book - charge
        }
    case .decliningBalance(let factor):
        let rate = factor / Double(life)
        for t in start..<end {
            let remaining = Double(life - (t - start))
            let charge = V.minimum(V.maximum(book * rate, (book - residual) / remaining), book - residual)
            schedule[t] = schedule[t] + charge; book = book - charge
        }
    }
    return book
}
