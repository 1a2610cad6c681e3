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
    static func - (a: Double, b: Self) -> Self
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
    /// `f` of each lane, one scalar call per lane: for the C library's functions (`log`, `exp`,
    /// `erfc`, ...), which have no vector form with the same bits.
    func lanewise(_ f: (Double) -> Double) -> Self
    /// `lanewise(f)` in the lanes of `mask`; the other lanes keep their value (and `f` is not called there).
    func lanewise(where mask: Mask, _ f: (Double) -> Double) -> Self
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
    @inline(__always) func lanewise(_ f: (Double) -> Double) -> Double { f(self) }
    @inline(__always) func lanewise(where mask: Bool, _ f: (Double) -> Double) -> Double { mask ? f(self) : self }
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
    @inline(__always) func lanewise(_ f: (Double) -> Double) -> Lanes {
        var result = Lanes()
        for j in 0..<Lanes.scalarCount { result[j] = f(self[j]) }
        return result
    }
    @inline(__always) func lanewise(where mask: SIMDMask<SIMD8<Int64>>, _ f: (Double) -> Double) -> Lanes {
        var result = self
        for j in 0..<Lanes.scalarCount where mask[j] { result[j] = f(self[j]) }
        return result
    }
}

/// Two paths side by side in one SSE register: iterations with many live values (the inverse
/// incomplete beta function's continued fraction) keep them in registers, where eight lanes spill.
extension SIMD2: LaneValue where Scalar == Double {
    @inline(__always) var negated: SIMD2<Double> {
        unsafeBitCast(unsafeBitCast(self, to: SIMD2<UInt64>.self) ^ 0x8000_0000_0000_0000, to: SIMD2<Double>.self)
    }
    @inline(__always) static func minimum(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a.replacing(with: b, where: b .< a) }
    @inline(__always) static func maximum(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a.replacing(with: b, where: b .>= a) }
    @inline(__always) func lanewise(_ f: (Double) -> Double) -> SIMD2<Double> { SIMD2(f(self[0]), f(self[1])) }
    @inline(__always) func lanewise(where mask: SIMDMask<SIMD2<Int64>>, _ f: (Double) -> Double) -> SIMD2<Double> {
        SIMD2(mask[0] ? f(self[0]) : self[0], mask[1] ? f(self[1]) : self[1])
    }
}

/// The integer vectors behind the lane masks, with their any/every reductions.
protocol LaneMaskStorage: SIMD where Scalar == Int64 {
    static func anyLane(_ mask: SIMDMask<Self>) -> Bool
    static func everyLane(_ mask: SIMDMask<Self>) -> Bool
}

extension SIMD8: LaneMaskStorage where Scalar == Int64 {
    @inline(__always) static func anyLane(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool { laneAny(mask) }
    @inline(__always) static func everyLane(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool { laneAll(mask) }
}

extension SIMD2: LaneMaskStorage where Scalar == Int64 {
    @inline(__always) static func anyLane(_ mask: SIMDMask<SIMD2<Int64>>) -> Bool { mask[0] || mask[1] }
    @inline(__always) static func everyLane(_ mask: SIMDMask<SIMD2<Int64>>) -> Bool { mask[0] && mask[1] }
}

extension SIMDMask: LaneMask where Storage: LaneMaskStorage {
    @inline(__always) var anyLane: Bool { Storage.anyLane(self) }
    @inline(__always) var everyLane: Bool { Storage.everyLane(self) }
}
