/// A spreadsheet workbook as plain data: named sheets of text and number cells, each with its
/// frozen header rows and column widths. `parts` turns it into the SpreadsheetML (xlsx) XML
/// files; the command-line tool packs them into the ZIP container, so the library needs no
/// third-party code.
public struct Workbook: Sendable {
    public var sheets: [WorkbookSheet]
    public init(sheets: [WorkbookSheet]) { self.sheets = sheets }
}

/// One sheet: rows of cells from A1 on, the first `frozenRows` kept in view when scrolling.
public struct WorkbookSheet: Sendable {
    /// A valid, unique sheet name (`SheetName`).
    public var name: String
    public var rows: [[WorkbookCell]]
    public var frozenRows: Int
    /// Columns kept in view when scrolling right (the line names of a table with years across).
    public var frozenColumns: Int
    /// Rows whose text cells are bold (headings and column headers).
    public var boldRows: Set<Int>

    public init(name: String, rows: [[WorkbookCell]], frozenRows: Int = 0, frozenColumns: Int = 0, boldRows: Set<Int> = []) {
        self.name = name; self.rows = rows; self.frozenRows = frozenRows; self.frozenColumns = frozenColumns; self.boldRows = boldRows
    }

    /// Widths in characters that fit each column's longest entry (at least 8, at most 60, so a
    /// long source citation wraps the view rather than the sheet). Rows that hold a single cell
    /// (captions, headings) do not widen the first column.
    public var columnWidths: [Double] {
        var widths: [Double] = []
        for row in rows where row.count > 1 {
            for (i, cell) in row.enumerated() {
                while widths.count <= i { widths.append(8) }
                widths[i] = min(60, max(widths[i], Double(cell.displayWidth) + 2))
            }
        }
        return widths
    }
}

/// A cell: text, or a number shown with a spreadsheet number format (`#,##0.00`, `0.0%`).
public enum WorkbookCell: Sendable, Equatable {
    case text(String)
    case number(Double, format: String)

    /// Characters the cell shows, counting East Asian wide characters twice.
    var displayWidth: Int {
        let shown: String
        switch self {
        case .text(let t): shown = t
        case .number(let x, let format): shown = WorkbookNumberFormat.preview(x, format: format)
        }
        return shown.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || (0xFF00...0xFFEF).contains($1.value) ? 2 : 1) }
    }
}
