/// Eight consecutive Monte Carlo paths side by side: lane j holds the value of path `first + j`.
///
/// The lane engine steps eight paths at once; it gets their uniforms from
/// `PathSampler.fillLanes(firstPath:into:)` and their draws from the lane quantiles, both equal
/// lane by lane to the one-path code, so results do not depend on whether paths run one or eight at a time.
public typealias Lanes = SIMD8<Double>

/// Lane-wise `Swift.min` and `Swift.max` with the same choice on ties (min keeps the first
/// argument, max the second), so that signed zeros come out as in the scalar engine and each
/// lane equals the scalar result to the bit.
@inline(__always)
func laneMin(_ x: Lanes, _ y: Lanes) -> Lanes { x.replacing(with: y, where: y .< x) }

@inline(__always)
func laneMax(_ x: Lanes, _ y: Lanes) -> Lanes { x.replacing(with: y, where: y .>= x) }

/// Whether any lane of `mask` is set. The standard library's `any(_:)` reduces through a generic
/// `min()` that is not specialised here (a call per test); this ORs the halves.
@inline(__always)
func laneAny(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool {
    let quarter = mask._storage.lowHalf | mask._storage.highHalf
    let half = quarter.lowHalf | quarter.highHalf
    return half[0] | half[1] != 0
}

/// Whether every lane of `mask` is set.
@inline(__always)
func laneAll(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool {
    let quarter = mask._storage.lowHalf & mask._storage.highHalf
    let half = quarter.lowHalf & quarter.highHalf
    return half[0] & half[1] != 0
}
