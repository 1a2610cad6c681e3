import Foundation

/// The report's tables as CSV files, one per table (`ID.csv`), numbers at full precision in
/// the unit named in the column header. Fields are quoted when they contain a comma, quote
/// or line break (RFC 4180).
extension ReportDocument {
    /// (file name, contents) for every table, in document order; ids are unique.
    public var csvFiles: [(name: String, contents: String)] {
        var seen: [String: Int] = [:]
        return tables.map { t in
            let n = seen[t.id, default: 0]
            seen[t.id] = n + 1
            let name = (n == 0 ? t.id : "\(t.id)-\(n + 1)") + ".csv"
            var out = t.columns.map(Self.field).joined(separator: ",") + "\n"
            for row in t.rows {
                out += row.map { c in c.value.map(ReportFormat.plain) ?? Self.field(c.text) }.joined(separator: ",") + "\n"
            }
            return (name, out)
        }
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
