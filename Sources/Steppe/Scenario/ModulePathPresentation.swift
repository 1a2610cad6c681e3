/// How a report shows a module's summary of its per-path runs (`ModulePathSummary`): a section of
/// paragraphs, charts and tables with their numbers already scaled to the units shown, written by the
/// module into its result member (`presentation`) so that reports render it knowing no module.
public struct ModulePathPresentation: Sendable, Equatable {
    /// Names and labels of a chart.
    public struct Chart: Sendable, Equatable {
        public var id: String, title: String, xLabel: String, yLabel: String, caption: String
        public init(id: String, title: String, xLabel: String, yLabel: String, caption: String) {
            self.id = id; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.caption = caption
        }
    }
    /// A line of a line chart (nil: no value that year).
    public struct Series: Sendable, Equatable {
        public var label: String, values: [Double?]
        public init(_ label: String, _ values: [Double?]) { self.label = label; self.values = values }
    }
    /// A shaded band between two lines of a line chart.
    public struct Band: Sendable, Equatable {
        public var label: String, lower: [Double], upper: [Double]
        public init(_ label: String, lower: [Double], upper: [Double]) { self.label = label; self.lower = lower; self.upper = upper }
    }
    /// A cell: its text and, for numbers, the value (for spreadsheets and checks).
    public struct Cell: Sendable, Equatable {
        public var text: String, value: Double?
        public init(_ text: String, value: Double? = nil) { self.text = text; self.value = value }
    }
    public struct Table: Sendable, Equatable {
        public var id: String, caption: String, columns: [String], rows: [[Cell]]
        public init(id: String, caption: String, columns: [String], rows: [[Cell]]) {
            self.id = id; self.caption = caption; self.columns = columns; self.rows = rows
        }
    }
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case lines(Chart, x: [Double], series: [Series], bands: [Band])
        /// Counts per bin between `edges` (one more edge than counts).
        case histogram(Chart, edges: [Double], counts: [Double])
        case table(Table)
    }

    public var id: String
    public var title: String
    public var blocks: [Block]

    public init(id: String, title: String, blocks: [Block]) {
        self.id = id; self.title = title; self.blocks = blocks
    }
}

extension ModulePathPresentation {
    /// `{id, title, blocks: [{paragraph} | {chart: "lines" | "histogram", id, title, xLabel, yLabel, caption, ...}
    /// | {table: {id, caption, columns, rows: [[{text, value}]]}}]}`; a missing value is null. Read back by
    /// the report (`ModulePathPresentation(json:)`).
    public var json: JSONValue {
        func numbers(_ values: [Double?]) -> JSONValue { .array(values.map { $0.map { .number($0) } ?? .null }) }
        func chart(_ c: Chart, _ kind: String) -> [(String, JSONValue)] {
            [("chart", .string(kind)), ("id", .string(c.id)), ("title", .string(c.title)), ("xLabel", .string(c.xLabel)),
             ("yLabel", .string(c.yLabel)), ("caption", .string(c.caption))]
        }
        let blocks: [JSONValue] = blocks.map { block in
            switch block {
            case .paragraph(let text):
                return .object([("paragraph", .string(text))])
            case .lines(let c, let x, let series, let bands):
                return .object(chart(c, "lines") + [
                    ("x", numbers(x)),
                    ("series", .array(series.map { .object([("label", .string($0.label)), ("values", numbers($0.values))]) })),
                    ("bands", .array(bands.map { .object([("label", .string($0.label)), ("lower", numbers($0.lower)), ("upper", numbers($0.upper))]) })),
                ])
            case .histogram(let c, let edges, let counts):
                return .object(chart(c, "histogram") + [("edges", numbers(edges)), ("counts", numbers(counts))])
            case .table(let t):
                return .object([("table", .object([
                    ("id", .string(t.id)), ("caption", .string(t.caption)), ("columns", .array(t.columns.map { .string($0) })),
                    ("rows", .array(t.rows.map { row in .array(row.map { cell in
                        .object([("text", .string(cell.text)), ("value", cell.value.map { .number($0) } ?? .null)])
                    }) })),
                ]))])
            }
        }
        return .object([("id", .string(id)), ("title", .string(title)), ("blocks", .array(blocks))])
    }
}
