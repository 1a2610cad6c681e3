/// A dense rows x years table of `Double`, stored row-major in one array so a
/// path can read and overwrite it without allocating.
public struct YearMatrix: Sendable, Equatable {
    public let rows: Int
    public let years: Int
    public var storage: [Double]

    public init(rows: Int, years: Int, repeating value: Double = 0) {
        self.rows = rows; self.years = years
        storage = Array(repeating: value, count: rows * years)
    }

    @inlinable
    public subscript(row: Int, year: Int) -> Double {
        get { storage[row &* years &+ year] }
        set { storage[row &* years &+ year] = newValue }
    }

    /// Sum of one year's column.
    @inlinable
    public func columnSum(_ year: Int) -> Double {
        var s = 0.0
        for r in 0..<rows { s += self[r, year] }
        return s
    }

    /// One row as an array (allocates; for reports and tests).
    public func row(_ r: Int) -> [Double] { Array(storage[(r * years)..<((r + 1) * years)]) }

    /// Sets every entry to zero without reallocating.
    @inlinable
    public mutating func zero() {
        for i in storage.indices { storage[i] = 0 }
    }
}
