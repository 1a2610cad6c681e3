/// The report as a workbook finance teams can open: a first sheet "Conventions" with the
/// report's identity, the conventions and the provenance of every policy value, then one sheet
/// per table of the document (the same tables as the HTML, Markdown and CSV renderings), each
/// with its caption, a frozen header row, and numbers as numeric cells in the format the
/// report shows them.
extension ReportDocument {
    /// Tables gathered on the first sheet: the conventions and where every value comes from.
    static let conventionTableIDs: Set<String> = ["conventions", "run-settings", "provenance", "incentive-sources"]

    public var workbook: Workbook {
        var taken: Set<String> = ["conventions"]
        var sheets = [conventionsSheet]
        for table in tables {
            let name = SheetName.unique(table.id, taken: &taken)
            sheets.append(WorkbookSheet(name: name, rows: [[.text(table.caption)]] + Self.rows(of: table), frozenRows: 2,
                                        frozenColumns: table.frozenColumns, boldRows: [0, 1]))
        }
        return Workbook(sheets: sheets)
    }

    /// Title, subtitle and unit, the paragraphs of the assumptions and provenance sections, and
    /// their tables, each under its caption.
    private var conventionsSheet: WorkbookSheet {
        var rows: [[WorkbookCell]] = [[.text(title)], [.text(subtitle)], [.text("Money in \(unit.label) unless a column says otherwise; the result JSON is in yuan.")]]
        var bold: Set<Int> = [0]
        for section in sections {
            let blocks = section.blocks.filter {
                if case .table(let t) = $0 { return Self.conventionTableIDs.contains(t.id) }
                return false
            }
            guard !blocks.isEmpty else { continue }
            rows.append([])
            bold.insert(rows.count); rows.append([.text(section.title)])
            for case .paragraph(let p) in section.blocks { rows.append([.text(p)]) }
            for case .table(let t) in blocks {
                rows.append([])
                bold.insert(rows.count); rows.append([.text(t.caption)])
                bold.insert(rows.count)
                rows += Self.rows(of: t)
            }
        }
        return WorkbookSheet(name: "Conventions", rows: rows, frozenRows: 0, boldRows: bold)
    }

    /// The table's header and rows; a cell with a finite value becomes a number cell.
    private static func rows(of table: ReportTable) -> [[WorkbookCell]] {
        [table.columns.map { .text($0) }] + table.rows.map { row in
            row.map { cell in
                guard let value = cell.value, value.isFinite else { return .text(cell.text) }
                return .number(value, format: WorkbookNumberFormat.format(shownAs: cell.text))
            }
        }
    }
}
