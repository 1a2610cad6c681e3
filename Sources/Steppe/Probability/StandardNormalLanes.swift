/// A number for one path or eight (`LaneValue`) whose standard normal quantile has a form for all
/// its lanes at once: `StandardNormal.quantile` of a `Double`, or of eight `Lanes`, equal lane by lane
/// to the bit. Computations written once over it (the rank-correlation copula) run the eight-lane
/// quantile in the engine and the one-path quantile elsewhere.
protocol StandardNormalLanes: LaneValue {
    /// Φ⁻¹ of each lane.
    var standardNormalQuantile: Self { get }
}

extension Double: StandardNormalLanes {
    @inline(__always) var standardNormalQuantile: Double { StandardNormal.quantile(self) }
}

extension Lanes: StandardNormalLanes {
    @inline(__always) var standardNormalQuantile: Lanes { StandardNormal.quantile(self) }
}
