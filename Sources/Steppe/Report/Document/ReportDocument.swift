/// What a report says, independent of how it is rendered: titled sections of paragraphs,
/// key figures, tables and charts. Built from a result JSON (the source of truth) and
/// rendered as HTML, Markdown or CSV, so the three always carry the same content.
///
/// Text here is plain (never markup); renderers escape it.
public struct ReportDocument: Sendable {
    public var title: String
    /// One line under the title: what kind of result, and its identity (paths, seed).
    public var subtitle: String
    public var unit: ReportUnit
    public var sections: [ReportSection]

    public init(title: String, subtitle: String, unit: ReportUnit, sections: [ReportSection]) {
        self.title = title; self.subtitle = subtitle; self.unit = unit; self.sections = sections
    }

    /// Every table of the document, in order (charts contribute their data tables).
    public var tables: [ReportTable] {
        sections.flatMap { section in
            section.blocks.flatMap { block -> [ReportTable] in
                switch block {
                case .table(let t): return [t]
                case .chart(let c): return c.dataTable.map { [$0] } ?? []
                case .paragraph, .figures: return []
                }
            }
        }
    }

    /// Every chart of the document, in order.
    public var charts: [ReportChart] {
        sections.flatMap { $0.blocks.compactMap { if case .chart(let c) = $0 { return c } else { return nil } } }
    }
}

public struct ReportSection: Sendable {
    /// A stable identifier, used as the HTML anchor.
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id; self.title = title; self.blocks = blocks
    }
}

public enum ReportBlock: Sendable {
    case paragraph(String)
    /// Headline numbers: (label, formatted value, note).
    case figures([ReportFigure])
    case table(ReportTable)
    case chart(ReportChart)
}

/// One headline number, already formatted with its unit.
public struct ReportFigure: Sendable {
    public var label: String
    public var value: String
    public var note: String
    public init(_ label: String, _ value: String, note: String = "") { self.label = label; self.value = value; self.note = note }
}

/// A table: the same rows are shown in HTML and Markdown and written to CSV.
public struct ReportTable: Sendable {
    /// Names the CSV file (`ID.csv`); letters, digits and dashes.
    public var id: String
    public var caption: String
    public var columns: [String]
    public var rows: [[ReportCell]]
    /// Columns after the first are numbers: right-aligned.
    public var numeric: Bool
    /// Leading columns that name the rows (a table with years across): kept in view in the workbook.
    public var frozenColumns: Int

    public init(id: String, caption: String, columns: [String], rows: [[ReportCell]], numeric: Bool = true, frozenColumns: Int = 0) {
        self.id = id; self.caption = caption; self.columns = columns; self.rows = rows; self.numeric = numeric
        self.frozenColumns = frozenColumns
    }
}

/// A table cell: its formatted text and, for numbers, the value in the column's unit, which
/// CSV writes at full precision.
public struct ReportCell: Sendable, Equatable {
    public var text: String
    public var value: Double?
    public init(_ text: String, value: Double? = nil) { self.text = text; self.value = value }
}

extension ReportCell: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(text) }
}
