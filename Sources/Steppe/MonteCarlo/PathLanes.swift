/// Eight consecutive Monte Carlo paths side by side: lane j holds the value of
/// path `first + j`.
///
/// A kernel that steps eight paths at once in `SIMD8<Double>` gets its uniforms
/// from `PathSampler.fillLanes(firstPath:into:)` and its draws from the lane
/// quantiles, both equal lane by lane to the one-path code, so results do not
/// depend on whether paths run one or eight at a time.
public typealias PathLanes = SIMD8<Double>

extension PathLanes {
    /// The number of paths a `PathLanes` value holds.
    public static let laneCount = 8
}
