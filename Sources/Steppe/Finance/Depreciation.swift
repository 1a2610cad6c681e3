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

/// `depreciateVintage` over the years `start ..< end` (the life, clipped to the schedule), for any
/// basis, zero included (it then adds zeros and returns 0).
@inline(__always)
func depreciateVintage<V: LaneValue>(
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
