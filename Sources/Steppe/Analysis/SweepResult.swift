import Foundation

/// The points of a `ParameterSweep` with the metric that ranks them, as JSON (here), CSV and a text
/// table (`SweepResult+Text.swift` in Report/). JSON and CSV carry yuan and plain ratios (for other
/// programs); the text shows money in the scenario's report unit and rates in percent (for people). An undefined metric is `null`
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
}
