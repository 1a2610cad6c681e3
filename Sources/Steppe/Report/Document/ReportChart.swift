/// A chart as data: what it shows, its axes with units and its caption. The HTML renderer
/// draws it as inline SVG; Markdown and CSV give its data table instead.
public struct ReportChart: Sendable {
    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var caption: String
    public var kind: Kind

    public init(id: String, title: String, xLabel: String, yLabel: String, caption: String, kind: Kind) {
        self.id = id; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.caption = caption; self.kind = kind
    }

    public struct Series: Sendable {
        public var label: String
        public var values: [Double?]
        /// Drawn dashed (reference or secondary series).
        public var dashed: Bool
        public init(_ label: String, _ values: [Double?], dashed: Bool = false) { self.label = label; self.values = values; self.dashed = dashed }
    }

    /// A shaded band between two series (a fan chart's P10-P90 range).
    public struct Band: Sendable {
        public var label: String
        public var lower: [Double]
        public var upper: [Double]
        public init(_ label: String, lower: [Double], upper: [Double]) { self.label = label; self.lower = lower; self.upper = upper }
    }

    /// A horizontal line across the plot (a limit, zero, a threshold).
    public struct Reference: Sendable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) { self.label = label; self.value = value }
    }

    /// One row of a range chart: a bar from `low` to `high`, with an optional middle mark.
    public struct Range: Sendable {
        public var label: String
        public var low: Double
        public var middle: Double?
        public var high: Double
        public init(_ label: String, low: Double, middle: Double? = nil, high: Double) {
            self.label = label; self.low = low; self.middle = middle; self.high = high
        }
    }

    /// One point of a scatter chart: where it is, its group (colour and legend entry), its tooltip.
    public struct ScatterPoint: Sendable {
        public var x: Double
        public var y: Double
        public var group: Int
        public var tip: String
        public init(x: Double, y: Double, group: Int, tip: String) { self.x = x; self.y = y; self.group = group; self.tip = tip }
    }

    public enum Kind: Sendable {
        /// Counts per bin between consecutive edges (`edges.count == counts.count + 1`);
        /// `markers` are vertical lines (P10, P50, P90, zero).
        case histogram(edges: [Double], counts: [Double], markers: [Reference])
        /// Lines over x, with optional bands beneath and horizontal references. `step` draws
        /// a cumulative distribution as steps.
        case lines(x: [Double], series: [Series], bands: [Band], references: [Reference], step: Bool)
        /// Bars per category, stacked (all values of a category on top of each other).
        case stackedBars(categories: [String], series: [Series], references: [Reference])
        /// A waterfall: a start total, signed steps, an end total.
        case waterfall(start: (label: String, value: Double), steps: [(label: String, value: Double)], end: String)
        /// Horizontal ranges per row (tornado bars around `reference`, or P10-P90 intervals).
        case ranges(rows: [Range], reference: Reference?)
        /// A value per cell of a grid over two inputs, `values[row][column]` at (`x[column]`,
        /// `y[row]`), coloured from the smallest to the largest; nil cells are undefined. `marked`
        /// (row, column) is outlined (the best point of a sweep).
        case heatMap(x: [Double], y: [Double], values: [[Double?]], marked: (row: Int, column: Int)?)
        /// Points in `groups` (a colour each, named in the legend); the point at `marked.index` is
        /// ringed and labelled (the optimum among the points a search evaluated).
        case scatter(points: [ScatterPoint], groups: [String], marked: (index: Int, label: String)?)
    }

    /// The data behind the chart as a table, for Markdown and CSV (nil: the chart's data is
    /// already a table of the section).
    public var dataTable: ReportTable? {
        func cell(_ x: Double?) -> ReportCell { x.map { ReportCell(ReportFormat.plain($0), value: $0) } ?? "" }
        switch kind {
        case .histogram(let edges, let counts, _):
            return ReportTable(id: id, caption: title, columns: ["from (\(xLabel))", "to", yLabel],
                               rows: counts.indices.map { [cell(edges[$0]), cell(edges[$0 + 1]), cell(counts[$0])] })
        case .lines(let x, let series, let bands, _, _):
            var columns = [xLabel] + series.map(\.label)
            for b in bands { columns += ["\(b.label) lower", "\(b.label) upper"] }
            return ReportTable(id: id, caption: title, columns: columns, rows: x.indices.map { i in
                var row = [cell(x[i])] + series.map { cell(i < $0.values.count ? $0.values[i] : nil) }
                // A band read from a hand-edited result may be shorter than the x values.
                for b in bands { row += [cell(i < b.lower.count ? b.lower[i] : nil), cell(i < b.upper.count ? b.upper[i] : nil)] }
                return row
            })
        case .stackedBars(let categories, let series, _):
            return ReportTable(id: id, caption: title, columns: [xLabel] + series.map(\.label), rows: categories.indices.map { i in
                [ReportCell(categories[i])] + series.map { cell(i < $0.values.count ? $0.values[i] : nil) }
            })
        case .waterfall(let start, let steps, let end):
            let total = start.value + steps.reduce(0) { $0 + $1.value }
            return ReportTable(id: id, caption: title, columns: ["step", yLabel],
                               rows: [[ReportCell(start.label), cell(start.value)]] + steps.map { [ReportCell($0.label), cell($0.value)] }
                                   + [[ReportCell(end), cell(total)]])
        case .ranges(let rows, _):
            return ReportTable(id: id, caption: title, columns: ["", "low (\(xLabel))", "middle", "high"],
                               rows: rows.map { [ReportCell($0.label), cell($0.low), cell($0.middle), cell($0.high)] })
        case .scatter(let points, let groups, let marked):
            return ReportTable(id: id, caption: title, columns: [xLabel, yLabel, "group", "note"], rows: points.indices.map { i in
                let p = points[i]
                return [cell(p.x), cell(p.y), ReportCell(p.group < groups.count ? groups[p.group] : ""),
                        ReportCell(marked?.index == i ? marked?.label ?? "" : "")]
            })
        case .heatMap(let x, let y, let values, _):
            return ReportTable(id: id, caption: title, columns: ["\(yLabel) \\ \(xLabel)"] + x.map(ReportFormat.plain),
                               rows: y.indices.map { i in
                                   [cell(y[i])] + x.indices.map { j in cell(i < values.count && j < values[i].count ? values[i][j] : nil) }
                               })
        }
    }
}
