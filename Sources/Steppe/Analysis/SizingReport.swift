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
        members.append(("objective", objectiveJSON))
        members.append(("flatness", .array(r.flatness.map {
            .object([("keyPath", .string($0.keyPath)), ("low", .number($0.low)), ("high", .number($0.high)), ("step", .number($0.step))])
        })))
        members += [("evaluations", .number(Double(r.evaluations))), ("gridEvaluations", .number(Double(r.gridEvaluations)))]
        if let dispatchYears { members.append(("dispatchYears", .number(Double(dispatchYears)))) }
        members.append(("search", .array(r.search.map { step in
            .object([("values", .object(zip(r.variables, step.values).map { ($0.keyPath, .number($1)) })),
                     ("value", step.value.map(JSONValue.number) ?? .null), ("phase", .string(step.phase.rawValue))])
        })))
        return .object(members)
    }

    /// Half-width of the flatness band: the objective within 1% of the best counts as flat.
    public var flatnessBand: Double? { result.value.map { 0.01 * abs($0) } }

    /// Whether the 1% flatness band is wider than the sampling noise of the statistic at the optimum
    /// (two standard errors); nil on the base case or without a standard error. When it is not, the
    /// statistic's level is less certain than the band; with common random numbers most of that noise is
    /// shared by every design (it shifts the level rather than the optimum), but the optimum's place
    /// within the flat range may depend on the draws.
    public var flatnessWiderThanNoise: Bool? {
        guard let band = flatnessBand, let se = result.estimate?.standardError else { return nil }
        return band > 2 * se
    }

    /// What was optimised, and for a Monte Carlo statistic its draws, sampling error and undefined paths.
    var objectiveJSON: JSONValue {
        guard case .monteCarlo(let s) = result.objective else { return .object([("kind", .string("baseCase"))]) }
        var members: [(String, JSONValue)] = [
            ("kind", .string("monteCarlo")), ("statistic", .string(s.statistic.rawValue)),
            ("paths", .number(Double(s.paths))), ("seed", .string(String(s.seed))), ("sampler", .string(s.sampler.rawValue)),
            ("commonRandomNumbers", .string("every design point ran the same seed, sampler and path count, so differences between designs are not sampling noise")),
            ("undefinedPaths", .string("left out of the mean and the percentiles and counted, as in the run summary")),
        ]
        if let e = result.estimate {
            members += [("standardError", e.standardError.map(JSONValue.number) ?? .null),
                        ("definedPathsAtOptimum", .number(Double(e.definedPaths))),
                        ("undefinedPathsAtOptimum", .number(Double(e.undefinedPaths))),
                        ("uncertainDimensions", .number(Double(e.dimensions)))]
        }
        if let band = flatnessBand { members.append(("flatnessBand", .number(band))) }
        if let wider = flatnessWiderThanNoise { members.append(("flatnessWiderThanNoise", .bool(wider))) }
        return .object(members)
    }

    /// The objective's name in text: the metric, or e.g. `P10 of equityNPV`.
    public var objectiveName: String {
        guard case .monteCarlo(let s) = result.objective else { return result.metric }
        return "\(s.statistic == .mean ? "mean" : s.statistic.rawValue.uppercased()) of \(result.metric)"
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
        var out = "Sizing of \(scenarioName)\(zone.map { " in \($0)" } ?? ""): \(r.minimize ? "smallest" : "largest") \(objectiveName)\n"
        out += "coarse grid then Nelder-Mead; optimum located to ± \((r.tolerance * 100).formattedPlain)% of each range\n"
        if case .monteCarlo(let s) = r.objective {
            out += "\(objectiveName) over \(s.paths) Monte Carlo paths (seed \(s.seed), sampler \(s.sampler.rawValue)), the same draws at every design point (common random numbers)\n"
        }
        out += "\n"
        guard let value = r.value else {
            return out + "\(objectiveName) is undefined at every evaluated point (\(r.evaluations) evaluations)\n"
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
        out += "\n\(objectiveName)\(sweepView.unitSuffix(r.metric)) at the optimum: \(sweepView.format(r.metric, value))\n"
        if let e = r.estimate {
            if let se = e.standardError, let band = flatnessBand {
                out += "standard error \(sweepView.format(r.metric, se)); the 1% flatness band (± \(sweepView.format(r.metric, band))) is "
                out += flatnessWiderThanNoise == true ? "wider than two standard errors\n"
                    : "within two standard errors: the level is less certain than the band; common random numbers keep designs comparable, but the optimum's place in the flat range may depend on the draws\n"
            }
            if e.dimensions == 0 {
                out += "the scenario has no uncertain input: every path is the base case, and so is the statistic\n"
            }
            if e.undefinedPaths > 0 {
                out += "\(e.undefinedPaths) of \(e.definedPaths + e.undefinedPaths) paths undefined there, left out of the statistic as in `run`'s summary\n"
            }
            if let base = r.optimum.metrics?.all.first(where: { $0.name == r.metric })?.value.number {
                out += "\(r.metric) of the base case at the optimum: \(sweepView.format(r.metric, base))\n"
            }
        }
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
