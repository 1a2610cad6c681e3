import Foundation

/// Maps data values to SVG coordinates over a domain widened to "nice" round ticks
/// (steps of 1, 2 or 5 times a power of ten), so axes read 0, 50, 100 rather than 3.7, 51.2.
///
/// An empty or single-valued domain is widened around its value, so a constant series
/// still gets an axis; non-finite values are ignored.
struct LinearScale {
    let lower: Double, upper: Double
    let from: Double, to: Double
    let step: Double

    init(values: [Double], from: Double, to: Double, includeZero: Bool = false, tickCount: Double = 5) {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = abs(hi) > 0 ? abs(hi) * 0.1 : 1
            lo -= pad; hi += pad
        }
        let raw = (hi - lo) / tickCount
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        let step = (normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10) * magnitude
        let lower = (lo / step).rounded(.down) * step, upper = (hi / step).rounded(.up) * step
        // Values near the ends of the Double range (a span that overflows, a step that underflows to
        // zero) have no round ticks; the axis then spans -1...1, and such series are drawn off it.
        if step.isFinite, step > 0, lower.isFinite, upper.isFinite, upper > lower, (upper - lower).isFinite {
            self.step = step; self.lower = lower; self.upper = upper
        } else {
            self.step = 0.5; self.lower = -1; self.upper = 1
        }
        self.from = from; self.to = to
    }

    /// The coordinate of `x` (values outside the domain map outside the range).
    func callAsFunction(_ x: Double) -> Double {
        from + (x - lower) / (upper - lower) * (to - from)
    }

    var ticks: [Double] {
        let n = Int(min(1000, max(0, ((upper - lower) / step).rounded())))
        return (0...n).map { lower + Double($0) * step }
    }
}

/// A coordinate as SVG text with one decimal ("0" if not finite, which the chart builders prevent).
/// Coordinates far off the drawing (values beyond a chart's axis) are clamped, which draws them
/// the same and keeps the text short.
func svgNumber(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (min(max(x, -1e6), 1e6) * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
}
