import Foundation

/// The mergeable running state of one metric over a set of paths.
///
/// Everything in it combines exactly in any order: counts are integers, sums are
/// `ExactSum`s of per-chunk partial sums (each chunk's paths are summed in path order,
/// so a chunk's partial sum does not depend on which worker ran it), extremes are
/// min/max, and the sketch holds integer counts. Hence the same paths give the same
/// state for any thread count or shard split.
public struct MetricState: Sendable, Equatable {
    public var defined = 0
    public var undefined = 0
    /// Sums of `x - shift` and of its square, where `shift` is the base-case value
    /// (subtracted so the variance does not suffer cancellation).
    public var sum = ExactSum()
    public var sumOfSquares = ExactSum()
    public var minimum = Double.infinity
    public var maximum = -Double.infinity
    /// Defined values below the metric's threshold (NPV < 0, IRR < hurdle, DSCR < covenant).
    public var below = 0
    /// Present when quantiles are estimated rather than exact.
    public var sketch: QuantileSketch?

    public init(sketch: Bool) { self.sketch = sketch ? QuantileSketch() : nil }

    public mutating func merge(_ other: MetricState) {
        defined += other.defined; undefined += other.undefined
        sum.add(other.sum); sumOfSquares.add(other.sumOfSquares)
        minimum = min(minimum, other.minimum); maximum = max(maximum, other.maximum)
        below += other.below
        if let o = other.sketch { sketch?.merge(o) }
    }
}

/// Per-chunk partial sums of one metric, flushed into a `MetricState` at the end of each chunk.
struct ChunkPartial {
    var sum = 0.0
    var sumOfSquares = 0.0

    @inline(__always)
    mutating func add(_ deviation: Double) {
        sum += deviation
        sumOfSquares += deviation * deviation
    }

    mutating func flush(into state: inout MetricState) {
        state.sum.add(sum); state.sumOfSquares.add(sumOfSquares)
        sum = 0; sumOfSquares = 0
    }
}
