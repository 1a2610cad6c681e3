import Foundation

/// The spreadsheet number format that shows a value as the report shows it, read from the
/// report cell's text: "1,234.57" and "290.89" give `#,##0.00` (the report groups thousands, so
/// a column of money reads alike whatever its size), "17.99%" gives `0.00%` (the value is then
/// the fraction, as in the JSON), "2026" gives `0` (four digits shown without a separator are
/// years and counts). Text that is not a formatted number ("< 0.1% (3 of 10000 paths)") and
/// full-precision chart data (more than six decimals) give `General`; the cell still holds the
/// exact value.
public enum WorkbookNumberFormat {
    public static func format(shownAs text: String) -> String {
        guard let match = text.wholeMatch(of: /-?([0-9][0-9,]*)(\.([0-9]+))?(%?)/) else { return "General" }
        let grouped = match.1.contains(",") || (match.1.count < 4 && match.4.isEmpty)
        let decimals = match.3.map { $0.count } ?? 0
        if decimals > 6 { return "General" }
        let percent = !match.4.isEmpty
        let integer = grouped ? "#,##0" : "0"
        return integer + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + (percent ? "%" : "")
    }

    /// Roughly what a spreadsheet shows for `x` in `format`, to size columns.
    static func preview(_ x: Double, format: String) -> String {
        let percent = format.hasSuffix("%")
        let decimals = format.split(separator: ".").dropFirst().first.map { $0.filter { $0 == "0" }.count } ?? 0
        let shown = percent ? x * 100 : x
        return (format == "General" ? ReportFormat.plain(x) : ReportFormat.grouped(shown, decimals: decimals)) + (percent ? "%" : "")
    }
}
