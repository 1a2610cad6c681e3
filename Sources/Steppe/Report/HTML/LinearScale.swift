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
        self.step = step
        lower = (lo / step).rounded(.down) * step
        upper = (hi / step).rounded(.up) * step
        self.from = from; self.to = to
    }

    /// The coordinate of `x` (values outside the domain map outside the range).
    func callAsFunction(_ x: Double) -> Double {
        from + (x - lower) / (upper - lower) * (to - from)
    }

    var ticks: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        return (0...max(0, n)).map { lower + Double($0) * step }
    }
}

/// A coordinate as SVG text with one decimal ("0" if not finite, which the chart builders prevent).
func svgNumber(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
}
