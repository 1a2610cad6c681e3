/// A number for one path (`Double`, masks `Bool`) or for eight paths side by side (`Lanes`, masks
/// `SIMDMask`): the arithmetic of computations written once for both, such as the IRR, the payback and depreciation.
/// The engine runs them eight paths at a time; a report or a test runs the same code on one path.
///
/// Branches become masks: `x.replacing(with: y, where: mask)` is `mask ? y : x` in each lane. The
/// operations are the scalar ones lane by lane (`negated` flips the sign bit as the prefix `-` does,
/// `maximum` chooses as `Swift.max` does on ties), so a lane's result equals the one-path result to the bit.
protocol LaneValue {
    associatedtype Mask: LaneMask
    static var zero: Self { get }
    static var scalarCount: Int { get }
    init(repeating value: Double)
    subscript(index: Int) -> Double { get set }

    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func + (a: Self, b: Double) -> Self
    static func + (a: Double, b: Self) -> Self
    static func - (a: Self, b: Double) -> Self
    static func * (a: Self, b: Double) -> Self
    static func / (a: Self, b: Double) -> Self
    static func * (a: Double, b: Self) -> Self
    static func / (a: Double, b: Self) -> Self
    static func += (a: inout Self, b: Self)

    static func .< (a: Self, b: Self) -> Mask
    static func .<= (a: Self, b: Self) -> Mask
    static func .> (a: Self, b: Self) -> Mask
    static func .>= (a: Self, b: Self) -> Mask
    static func .== (a: Self, b: Self) -> Mask
    static func .!= (a: Self, b: Self) -> Mask
    static func .< (a: Self, b: Double) -> Mask
    static func .<= (a: Self, b: Double) -> Mask
    static func .> (a: Self, b: Double) -> Mask
    static func .>= (a: Self, b: Double) -> Mask
    static func .== (a: Self, b: Double) -> Mask
    static func .!= (a: Self, b: Double) -> Mask
    static func .< (a: Double, b: Self) -> Mask

    func replacing(with other: Self, where mask: Mask) -> Self
    func replacing(with other: Double, where mask: Mask) -> Self
    mutating func replace(with other: Self, where mask: Mask)
    mutating func replace(with other: Double, where mask: Mask)

    /// The scalar prefix `-` in each lane: the sign bit flipped (a vector's `0 - x` gives +0 for +0).
    var negated: Self { get }
    /// `Swift.min(a, b)` and `Swift.max(a, b)` in each lane, with their choice on ties (min keeps the
    /// first argument, max the second), so signed zeros come out as on one path.
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
}

/// The masks of `LaneValue`: one `Bool` per lane.
protocol LaneMask {
    init(repeating value: Bool)
    subscript(index: Int) -> Bool { get }
    static func .& (a: Self, b: Self) -> Self
    static func .| (a: Self, b: Self) -> Self
    static func .^ (a: Self, b: Self) -> Self
    static prefix func .! (a: Self) -> Self
    /// Whether some lane is set.
    var anyLane: Bool { get }
    /// Whether every lane is set.
    var everyLane: Bool { get }
}

extension Double: LaneValue {
    typealias Mask = Bool
    static var scalarCount: Int { 1 }
    @inline(__always) init(repeating value: Double) { self = value }
    @inline(__always) subscript(index: Int) -> Double {
        get { self }
        set { self = newValue }
    }
    @inline(__always) static func .< (a: Double, b: Double) -> Bool { a < b }
    @inline(__always) static func .<= (a: Double, b: Double) -> Bool { a <= b }
    @inline(__always) static func .> (a: Double, b: Double) -> Bool { a > b }
    @inline(__always) static func .>= (a: Double, b: Double) -> Bool { a >= b }
    @inline(__always) static func .== (a: Double, b: Double) -> Bool { a == b }
    @inline(__always) static func .!= (a: Double, b: Double) -> Bool { a != b }
    @inline(__always) func replacing(with other: Double, where mask: Bool) -> Double { mask ? other : self }
    @inline(__always) mutating func replace(with other: Double, where mask: Bool) { if mask { self = other } }
    @inline(__always) var negated: Double { -self }
    @inline(__always) static func minimum(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
    @inline(__always) static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
}

extension Bool: LaneMask {
    @inline(__always) init(repeating value: Bool) { self = value }
    @inline(__always) subscript(index: Int) -> Bool { self }
    @inline(__always) static func .& (a: Bool, b: Bool) -> Bool { a && b }
    @inline(__always) static func .| (a: Bool, b: Bool) -> Bool { a || b }
    @inline(__always) static func .^ (a: Bool, b: Bool) -> Bool { a != b }
    @inline(__always) static prefix func .! (a: Bool) -> Bool { !a }
    @inline(__always) var anyLane: Bool { self }
    @inline(__always) var everyLane: Bool { self }
}

extension Lanes: LaneValue {
    @inline(__always) var negated: Lanes {
        unsafeBitCast(unsafeBitCast(self, to: SIMD8<UInt64>.self) ^ 0x8000_0000_0000_0000, to: Lanes.self)
    }
    @inline(__always) static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes { laneMin(a, b) }
    @inline(__always) static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes { laneMax(a, b) }
}

extension SIMDMask: LaneMask where Storage == SIMD8<Int64> {
    @inline(__always) var anyLane: Bool { laneAny(self) }
    @inline(__always) var everyLane: Bool { laneAll(self) }
}
