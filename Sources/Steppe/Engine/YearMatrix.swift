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

    /// Sets row `r` to row `r` of `other` (same shape); one bounds check, no per-entry copy-on-write check.
    @inlinable
    public mutating func copyRow(_ r: Int, from other: YearMatrix) {
        precondition(r >= 0 && r < rows && other.years == years && other.rows == rows, "row \(r) outside the matrix")
        let start = r &* years, n = years
        other.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { target in
                for t in 0..<n { target[start &+ t] = source[start &+ t] }
            }
        }
    }

    /// Multiplies row `r` by `factor` from year index `first` on, and by a further `growth` for
    /// each year after `first`: entry `first + k` is multiplied by `factor * growth^k`, with the
    /// running product formed by repeated multiplication (as a year-by-year loop would).
    @inlinable
    public mutating func multiplyRow(_ r: Int, by factor: Double, growth: Double = 1, from first: Int = 0) {
        precondition(r >= 0 && r < rows && first >= 0, "row \(r) outside the matrix")
        let start = r &* years, n = years
        storage.withUnsafeMutableBufferPointer { row in
            var f = factor
            if growth == 1 {
                for t in first..<n { row[start &+ t] *= f }
            } else {
                for t in first..<n { row[start &+ t] *= f; f *= growth }
            }
        }
    }
}
