import Foundation

/// The report's tables as CSV files, one per table (`ID.csv`), numbers at full precision in
/// the unit named in the column header. Text fields are written by `CSVField` (quoted as RFC 4180
/// asks, formulas defused); file names by `SafeFileName`, since table ids can come from a result JSON.
extension ReportDocument {
    /// (file name, contents) for every table, in document order; names are unique and safe.
    public var csvFiles: [(name: String, contents: String)] {
        var taken: Set<String> = []
        return tables.map { t in
            let name = SafeFileName.unique(t.id, extension: "csv", taken: &taken)
            var out = t.columns.map(CSVField.text).joined(separator: ",") + "\n"
            for row in t.rows {
                out += row.map { c in c.value.map(ReportFormat.plain) ?? CSVField.text(c.text) }.joined(separator: ",") + "\n"
            }
            return (name, out)
        }
    }
}
