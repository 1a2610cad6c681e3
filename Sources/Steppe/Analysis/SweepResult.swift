import Foundation

/// The points of a `ParameterSweep` with the metric that ranks them, as JSON, CSV and a text
/// table. JSON and CSV carry yuan and plain ratios (for other programs); the text shows money in
/// the scenario's report unit and rates in percent (for people). An undefined metric is `null`
/// with its reason in JSON, an empty cell in CSV and `undefined` in text; an invalid point
/// carries its errors instead of metrics. Keys: docs/analyses.md ("Parameter sweep").
public struct SweepResult: Sendable {
    public var scenarioName: String
    public var reportUnit: ReportUnit
    public var parameters: [ParameterSweep.Parameter]
    public var metric: String
    public var minimize: Bool
    public var points: [ParameterSweep.Point]

    public init(scenarioName: String, reportUnit: ReportUnit, parameters: [ParameterSweep.Parameter], metric: String,
                minimize: Bool, points: [ParameterSweep.Point]) {
        self.scenarioName = scenarioName; self.reportUnit = reportUnit; self.parameters = parameters
        self.metric = metric; self.minimize = minimize; self.points = points
    }

    /// Index of the best point (`ParameterSweep.best`).
    public var best: Int? { ParameterSweep.best(points, metric: metric, minimize: minimize) }

    /// Indices of the points that could not be evaluated.
    public var invalid: [Int] { points.indices.filter { points[$0].metrics == nil } }

    /// `key=value, key=value` of a point, as messages name it.
    public func describe(_ point: ParameterSweep.Point) -> String {
        zip(parameters, point.values).map { "\($0.keyPath)=\($1.formattedPlain)" }.joined(separator: ", ")
    }

    /// One line per invalid point: its values and its first error.
    public var invalidLines: [String] {
        invalid.map { "point \($0 + 1) (\(describe(points[$0]))): \(points[$0].errors.joined(separator: "; "))" }
    }

    var hasDispatch: Bool { points.contains { $0.dispatch != nil } }

    // MARK: JSON

    public var json: JSONValue {
        let rows: [JSONValue] = points.map { p in
            var members: [(String, JSONValue)] = [("values", .object(zip(parameters, p.values).map { ($0.keyPath, .number($1)) }))]
            if let m = p.metrics {
                members.append(("metrics", .object(m.all.map { ($0.name, $0.value.number.map(JSONValue.number) ?? .null) })))
                let undefined = m.all.compactMap { item in item.value.reason.map { (item.name, JSONValue.string($0)) } }
                if !undefined.isEmpty { members.append(("undefined", .object(undefined))) }
                if let d = p.dispatch { members.append(("dispatch", .object(d.all.map { ($0.name, .number($0.value)) }))) }
            } else {
                members.append(("errors", .array(p.errors.map(JSONValue.string))))
            }
            return .object(members)
        }
        return .object([
            ("scenario", .string(scenarioName)), ("reportUnit", .string(reportUnit.rawValue)),
            ("parameters", .array(parameters.map {
                .object([("keyPath", .string($0.keyPath)), ("from", .number($0.from)), ("to", .number($0.to)),
                         ("count", .number(Double($0.count)))])
            })),
            ("metric", .string(metric)), ("minimize", .bool(minimize)),
            ("best", best.map { .number(Double($0)) } ?? .null),
            ("invalidPoints", .number(Double(invalid.count))),
            ("points", .array(rows)),
        ])
    }

    // MARK: CSV

    /// One row per point: the swept values, every metric (yuan, ratios), the dispatch summary
    /// when the scenario has a hydrogen section, and the errors of an invalid point.
    public var csv: String {
        let dispatchNames = hasDispatch ? DispatchSummary.names : []
        let header = parameters.map(\.keyPath) + Metrics.names + dispatchNames + ["errors"]
        var out = header.map(CSVField.text).joined(separator: ",") + "\n"
        for p in points {
            var cells = p.values.map(\.formattedPlain)
            cells += Metrics.names.map { name in p.metrics?.all.first { $0.name == name }?.value.number.map(\.formattedPlain) ?? "" }
            if hasDispatch { cells += p.dispatch.map { $0.all.map(\.value.formattedPlain) } ?? dispatchNames.map { _ in "" } }
            cells.append(CSVField.text(p.errors.joined(separator: "; ")))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: Text

    /// The metrics the text table shows: the ranking metric first, then the headline ones.
    var textMetrics: [String] {
        var names = [metric]
        for n in ["equityNPV", "projectNPV", "equityIRR", "projectIRR", "minDSCR", "levelizedCost"] where !names.contains(n) { names.append(n) }
        return names
    }

    /// An aligned table of the points (money in the report unit), the best point, and the
    /// invalid points with their errors.
    public var text: String {
        var header = parameters.map(\.keyPath) + textMetrics.map { "\($0)\(unitSuffix($0))" }
        if hasDispatch { header += ["export %", "max year export %", "curtailed %"] }
        var rows: [[String]] = []
        for (i, p) in points.enumerated() {
            var cells = p.values.map(\.formattedPlain)
            if let m = p.metrics {
                cells += textMetrics.map { name in
                    guard let value = m.all.first(where: { $0.name == name })?.value else { return "" }
                    return value.number.map { format(name, $0) } ?? "undefined"
                }
                if hasDispatch {
                    cells += p.dispatch.map { d in
                        [d.exportShare, d.largestYearlyExportShare, d.curtailmentShare].map { ReportFormat.percent($0, decimals: 1) }
                    } ?? ["", "", ""]
                }
            } else {
                cells.append("invalid (point \(i + 1), see below)")
            }
            rows.append(cells)
        }
        var out = "Sweep of \(scenarioName): \(points.count) points\n\n" + Self.aligned(header: header, rows: rows)
        if let best {
            let value = points[best].metrics?.all.first { $0.name == metric }?.value.number
            out += "\nbest \(metric) (\(minimize ? "smallest" : "largest")): \(value.map { format(metric, $0) } ?? "")\(unitSuffix(metric)) at \(describe(points[best]))\n"
        } else {
            out += "\n\(metric) is undefined at every point\n"
        }
        let undefinedReasons = Set(points.compactMap { $0.metrics?.all.first { $0.name == metric }?.value.reason })
        for reason in undefinedReasons.sorted() { out += "\(metric) undefined: \(reason)\n" }
        if !invalid.isEmpty {
            out += "\n\(invalid.count) of \(points.count) points could not be evaluated:\n"
            out += invalidLines.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// ` (million CNY)`, ` (%)` or nothing, after a metric's name in a column title.
    func unitSuffix(_ name: String) -> String {
        switch ReportBuilder.MetricKind(name) {
        case .money: " (\(reportUnit.label))"
        case .rate: " (%)"
        case .years: " (years)"
        case .price, .ratio: ""
        }
    }

    func format(_ name: String, _ x: Double) -> String {
        switch ReportBuilder.MetricKind(name) {
        case .money: ReportFormat.grouped(x / reportUnit.divisor)
        case .rate: ReportFormat.grouped(x * 100)
        case .years: ReportFormat.grouped(x)
        case .price: ReportFormat.grouped(x, decimals: 4)
        case .ratio: ReportFormat.grouped(x, decimals: 3)
        }
    }

    /// Columns padded to their widest cell, numbers right-aligned; a row shorter than the header
    /// (an invalid point) runs its last cell on.
    static func aligned(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows where row.count == header.count {
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: max(0, (j < widths.count ? widths[j] : 0) - cell.count))
                return j < widths.count && cells.count == header.count ? pad + cell : cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
