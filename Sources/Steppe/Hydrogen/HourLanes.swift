/// Two hours at a time, for the hourly passes that have no state from one hour to the next:
/// loads, stores and `Swift.min`/`max` semantics on `SIMD2<Double>`, so that such a pass keeps
/// two partial sums per quantity (and the compiler uses vector instructions) instead of one
/// chain of additions through the year.
typealias HourLanes = SIMD2<Double>

extension SIMD2 where Scalar == Double {
    @inline(__always)
    init(_ p: UnsafePointer<Double>, hour h: Int) {
        self = UnsafeRawPointer(p + h).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    func store(_ p: UnsafeMutablePointer<Double>, hour h: Int) {
        UnsafeMutableRawPointer(p + h).storeBytes(of: self, as: SIMD2<Double>.self)
    }

    /// `Swift.min` per lane: `b < a ? b : a`.
    @inline(__always)
    static func min(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .< a) }

    /// `Swift.max` per lane: `b > a ? b : a`.
    @inline(__always)
    static func max(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .> a) }

    /// The partial sums added up.
    @inline(__always)
    var total: Double { self[0] + self[1] }
}
