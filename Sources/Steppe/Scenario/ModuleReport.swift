/// What a domain module reports of its own run besides the lines it adds: yearly physical results
/// (energy, herd size, staff) and how a report presents them, so that reports need no knowledge of
/// any domain.
public struct ModuleReport: Sendable {
    /// A yearly physical result, one value per project year (construction years included).
    public struct Series: Sendable, Equatable {
        /// The name, with its unit where it has one (e.g. `exportMWh`).
        public var name: String
        public var values: [Double]
        public init(_ name: String, _ values: [Double]) { self.name = name; self.values = values }
    }

    public var series: [Series]
    /// How a report shows the series; nil: one line chart per series and a table of all.
    public var presentation: ModulePresentation?

    public init(series: [Series] = [], presentation: ModulePresentation? = nil) {
        self.series = series; self.presentation = presentation
    }
}

/// A module's section of a report: its title, charts and table over its yearly series, with the
/// reference lines that apply to this scenario (e.g. the export cap actually in force).
public struct ModulePresentation: Sendable {
    /// A horizontal line on a chart, in the chart's units.
    public struct Reference: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) { self.label = label; self.value = value }
    }

    /// A chart of some series over the years shown.
    public struct Chart: Sendable {
        public enum Kind: String, Sendable, Equatable { case stackedBars, lines }
        public var id: String
        public var title: String
        public var yLabel: String
        public var caption: String
        public var kind: Kind
        /// Series names and their legend labels.
        public var series: [(name: String, label: String)]
        /// Factor from the series' unit to the chart's (e.g. 0.001 for MWh to GWh).
        public var scale: Double
        public var references: [Reference]

        public init(id: String, title: String, yLabel: String, caption: String, kind: Kind,
                    series: [(name: String, label: String)], scale: Double = 1, references: [Reference] = []) {
            self.id = id; self.title = title; self.yLabel = yLabel; self.caption = caption; self.kind = kind
            self.series = series; self.scale = scale; self.references = references
        }
    }

    /// A column of the module's table.
    public struct Column: Sendable, Equatable {
        public var series: String
        public var label: String
        public var scale: Double
        public var decimals: Int
        /// A 0/1 series shown as "yes" / "NO".
        public var isFlag: Bool
        public init(_ series: String, _ label: String, scale: Double = 1, decimals: Int = 1, isFlag: Bool = false) {
            self.series = series; self.label = label; self.scale = scale; self.decimals = decimals; self.isFlag = isFlag
        }
    }

    public var id: String
    public var title: String
    public var charts: [Chart]
    public var tableCaption: String
    public var columns: [Column]
    /// Years are shown where this series is positive (e.g. generation); nil: every year.
    public var shownWhere: String?

    public init(id: String, title: String, charts: [Chart], tableCaption: String, columns: [Column], shownWhere: String? = nil) {
        self.id = id; self.title = title; self.charts = charts; self.tableCaption = tableCaption
        self.columns = columns; self.shownWhere = shownWhere
    }
}
