/// A `SizingOptimiser` result as JSON and text: the optimum, the metric there, the export share and
/// curtailment there (hydrogen plants), how flat the optimum is, and the work it took. JSON carries
/// yuan and plain ratios; text shows money in the report unit. Keys: docs/analyses.md ("Sizing").
public struct SizingReport: Sendable {
    public var scenarioName: String
    public var zone: String?
    public var reportUnit: ReportUnit
    /// Operating years of the scenario: each evaluation of a hydrogen plant dispatches that many years.
    public var operatingYears: Int
    public var result: SizingOptimiser.Result

    public init(scenarioName: String, zone: String?, reportUnit: ReportUnit, operatingYears: Int, result: SizingOptimiser.Result) {
        self.scenarioName = scenarioName; self.zone = zone; self.reportUnit = reportUnit
        self.operatingYears = operatingYears; self.result = result
    }

    /// Dispatch-years run: evaluations × operating years, for a scenario with a hydrogen section.
    public var dispatchYears: Int? { result.optimum.dispatch == nil ? nil : result.evaluations * operatingYears }

    public var json: JSONValue {
        let r = result
        var members: [(String, JSONValue)] = [("scenario", .string(scenarioName))]
        if let zone { members.append(("zone", .string(zone))) }
        members += [
            ("reportUnit", .string(reportUnit.rawValue)),
            ("metric", .string(r.metric)), ("minimize", .bool(r.minimize)),
            ("method", .string("coarse grid, then Nelder-Mead in coordinates scaled to [0, 1], trial points clamped into the bounds")),
            ("tolerance", .number(r.tolerance)),
            ("variables", .array(r.variables.map {
                .object([("keyPath", .string($0.keyPath)), ("lower", .number($0.lower)), ("upper", .number($0.upper))])
            })),
            ("optimum", .object(zip(r.variables, r.optimum.values).map { ($0.keyPath, .number($1)) })),
            ("value", r.value.map(JSONValue.number) ?? .null),
        ]
        if let m = r.optimum.metrics {
            members.append(("metrics", .object(m.all.map { ($0.name, $0.value.number.map(JSONValue.number) ?? .null) })))
        } else {
            members.append(("errors", .array(r.optimum.errors.map(JSONValue.string))))
        }
        if let d = r.optimum.dispatch { members.append(("dispatch", .object(d.all.map { ($0.name, .number($0.value)) }))) }
        members.append(("flatness", .array(r.flatness.map {
            .object([("keyPath", .string($0.keyPath)), ("low", .number($0.low)), ("high", .number($0.high)), ("step", .number($0.step))])
        })))
        members += [("evaluations", .number(Double(r.evaluations))), ("gridEvaluations", .number(Double(r.gridEvaluations)))]
        if let dispatchYears { members.append(("dispatchYears", .number(Double(dispatchYears)))) }
        return .object(members)
    }

    /// The formatting of `SweepResult` (money in the report unit, rates in %), for the metric.
    var metricFormat: SweepResult {
        SweepResult(scenarioName: scenarioName, reportUnit: reportUnit, parameters: [], metric: result.metric,
                    minimize: result.minimize, points: [])
    }

    /// The metric at the optimum with its unit, e.g. `243.94 (million CNY)`; `undefined` when it is.
    public var formattedValue: String {
        result.value.map { metricFormat.format(result.metric, $0) + metricFormat.unitSuffix(result.metric) } ?? "undefined"
    }

    public var text: String {
        let r = result
        let sweepView = metricFormat
        var out = "Sizing of \(scenarioName)\(zone.map { " in \($0)" } ?? ""): \(r.minimize ? "smallest" : "largest") \(r.metric)\n"
        out += "coarse grid then Nelder-Mead; optimum located to ± \((r.tolerance * 100).formattedPlain)% of each range\n\n"
        guard let value = r.value else {
            return out + "\(r.metric) is undefined at every evaluated point (\(r.evaluations) evaluations)\n"
                + r.optimum.errors.map { "  \($0)\n" }.joined()
        }
        let width = max(8, r.variables.map(\.keyPath.count).max() ?? 0)
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        out += "\(pad("variable"))  \("optimum".leftPadded(12))  \("bounds".leftPadded(24))  within 1% of the best\n"
        for (j, v) in r.variables.enumerated() {
            let flat = r.flatness.first { $0.keyPath == v.keyPath }
            let bounds = "\(v.lower.formattedPlain) – \(v.upper.formattedPlain)"
            let range = flat.map { "\(ReportFormat.grouped($0.low, decimals: 3)) – \(ReportFormat.grouped($0.high, decimals: 3)) (scan step \(ReportFormat.grouped($0.step, decimals: 3)))" } ?? ""
            out += "\(pad(v.keyPath))  \(ReportFormat.grouped(r.optimum.values[j], decimals: 3).leftPadded(12))  \(bounds.leftPadded(24))  \(range)\n"
        }
        out += "\n\(r.metric)\(sweepView.unitSuffix(r.metric)) at the optimum: \(sweepView.format(r.metric, value))\n"
        if let d = r.optimum.dispatch {
            out += "export share \(ReportFormat.percent(d.exportShare, decimals: 1)) (largest year \(ReportFormat.percent(d.largestYearlyExportShare, decimals: 1)); cap checked yearly, 002 L4172-4173), "
            out += "curtailed \(ReportFormat.percent(d.curtailmentShare, decimals: 1)) of the available wind and solar energy\n"
        }
        out += "\(r.evaluations) evaluations (\(r.gridEvaluations) on the grid)\(dispatchYears.map { ", \($0) dispatch-years" } ?? "")\n"
        return out
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
