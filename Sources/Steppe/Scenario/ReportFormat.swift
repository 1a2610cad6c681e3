import Foundation

/// Number formatting for reports: money in the scenario's unit with thousands separators,
/// rates in percent, and a dash for anything undefined, so "nan" or "inf" never reaches a reader.
public enum ReportFormat {
    /// `s` right-aligned in `width` characters (one space before it when it is wider): a column of a text table.
    public static func rightAligned(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }

    /// `x` with `decimals` decimals and comma thousands separators ("-1,234.57"); "–" if not finite.
    public static func grouped(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        var text = String(format: "%.\(decimals)f", abs(x))
        if text.trimmingCharacters(in: CharacterSet(charactersIn: "0.")).isEmpty { text = String(format: "%.\(decimals)f", 0.0); return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 { groups.insert(String(integer.suffix(3)), at: 0); integer.removeLast(3) }
        groups.insert(integer, at: 0)
        text = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return (x < 0 ? "-" : "") + text
    }

    /// Money in `unit` ("290.89 million CNY" or "29,088.64 万元").
    public static func money(_ yuan: Double?, _ unit: ReportUnit, withUnit: Bool = true) -> String {
        guard let yuan, yuan.isFinite else { return "–" }
        return grouped(yuan / unit.divisor) + (withUnit ? " " + unit.label : "")
    }

    /// A fraction as percent ("17.99%").
    public static func percent(_ x: Double?, decimals: Int = 2) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(decimals)f%%", x * 100)
    }

    /// A share of paths as percent with one decimal, never rounded to a certainty it is not:
    /// "< 0.1% (3 of 10000 paths)" when some paths count but the share rounds to 0.0%, and
    /// "> 99.9% (9997 of 10000 paths)" when some do not but it rounds to 100.0%. `paths` is the
    /// number of paths the share is taken over (the metric's defined paths).
    ///
    /// Why: "Probability of loss 0.0%" beside a minimum equity NPV of -6.21 million read as "no loss
    /// is possible" (issue 25).
    public static func probability(_ p: Double?, paths: Double?) -> String {
        guard let p, p.isFinite else { return "–" }
        let shown = percent(p, decimals: 1)
        guard let paths, paths.isFinite, paths > 0 else { return shown }
        let count = Int((p * paths).rounded())
        if p > 0 && shown == "0.0%" { return "< 0.1% (\(count) of \(plain(paths)) paths)" }
        if p < 1 && shown == "100.0%" { return "> 99.9% (\(count) of \(plain(paths)) paths)" }
        return shown
    }

    /// A plain number with up to `decimals` decimals ("1.305").
    public static func decimal(_ x: Double?, decimals: Int = 3) -> String {
        guard let x, x.isFinite else { return "–" }
        return grouped(x, decimals: decimals)
    }

    /// The shortest text that reads back as `x` (CSV and data tables); "" if not finite.
    public static func plain(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// An axis tick: as many decimals as the tick step needs.
    public static func tick(_ x: Double, step: Double) -> String {
        guard x.isFinite, step.isFinite, step > 0 else { return "–" }
        let decimals = max(0, min(6, Int((-log10(step)).rounded(.up))))
        let y = abs(x) < step * 1e-9 ? 0 : x
        // Four-digit whole numbers (years on an axis) read better without a separator.
        if decimals == 0 && abs(y) < 10_000 { return String(Int(y.rounded())) }
        return grouped(y, decimals: decimals)
    }
}
