/// Building a report from a result JSON. The kind of result is recognised by its keys, so
/// `steppe report` takes any of them, and each section is included only when the JSON it
/// renders is present: results of later analyses (tornado, zone comparison, Sobol indices)
/// appear as soon as their producers write the documented keys.
///
/// Recognised top-level keys:
/// - Monte Carlo result (`steppe run`): `paths` and `metrics` (per-metric statistics).
/// - Evaluation (`steppe evaluate --format json`): `cashFlows` and `metrics`.
/// - Incentive analysis (`steppe incentives --format json`): `incentives` and `incentiveShare`.
/// - Scenario diff (`steppe diff`): `diff` and `moves`.
/// - Parameter sweep (`steppe sweep --format json`): `parameters` and `points`.
/// - Sizing optimisation (`steppe optimise --format json`): `variables`, `optimum` and `search`, or
///   `sizings`: a list of those (one per zone).
/// - Zone comparison (`steppe compare`): `zones`: [{`zone`, `metrics`}], where `metrics` is a
///   Monte Carlo metrics object (`p10`, `p50`, `p90`, `mean`, ...) or evaluation metrics (numbers).
/// Optional in any of them:
/// - `tornado`: [{`input`, `low`, `high`, `valueLow`, `valueHigh`}], values of the equity NPV
///   (yuan) with the input at its low and high; the base value is `baseCase.equityNPV`,
///   `metrics.equityNPV` or a `tornadoBase` number.
/// - `sobol`: [{`input`, `first`, `total`}], Sobol indices of the equity NPV.
/// - `baseEvaluation`: an evaluation JSON (the Monte Carlo result embeds its base case).
/// - `incentiveAnalysis`: an incentive analysis JSON.
extension ReportDocument {
    public enum InputKind: String, Sendable {
        case monteCarlo, evaluation, incentives, comparison, sensitivity, diff, sweep, sizing
    }

    /// Why a JSON cannot be reported.
    public struct InputError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The metric value the tornado's bars swing around.
    static func tornadoBase(_ json: JSONValue) -> Double? {
        json["tornadoBase"]?.number ?? json["baseValue"]?.number ?? json["baseCase"]?["equityNPV"]?.number
            ?? json["metrics"]?["equityNPV"]?.number
    }

    /// The kind of result a JSON holds, by its keys; nil when it is none of them.
    public static func kind(of json: JSONValue) -> InputKind? {
        if json["diff"] != nil && json["moves"]?.array != nil { return .diff }
        if json["points"]?.array != nil && json["parameters"]?.array != nil { return .sweep }
        if json["sizings"]?.array != nil || (json["variables"]?.array != nil && json["optimum"] != nil && json["search"]?.array != nil) { return .sizing }
        if json["paths"] != nil && json["metrics"]?.members != nil { return .monteCarlo }
        if json["cashFlows"]?.array != nil && json["metrics"] != nil { return .evaluation }
        if json["incentiveShare"] != nil && json["incentives"]?.array != nil { return .incentives }
        if json["zones"]?.array != nil { return .comparison }
        if json["tornado"]?.array != nil || json["sobol"] != nil || json["spider"]?.array != nil { return .sensitivity }
        return nil
    }

    /// The report of a result JSON.
    ///
    /// - Throws: `InputError` when the JSON is not a Steppe result or holds a value a report
    ///   cannot show (see `checkInput`).
    public init(json: JSONValue) throws(InputError) {
        try Self.checkInput(json)
        guard let kind = Self.kind(of: json) else {
            throw InputError(description: "not a Steppe result: expected a Monte Carlo result (paths, metrics), an evaluation (cashFlows, metrics), an incentive analysis (incentives, incentiveShare) a zone comparison (zones), a sensitivity analysis (tornado, spider, sobol), a parameter sweep (parameters, points) or a sizing (variables, optimum, search)")
        }
        let base = kind == .evaluation ? json : json["baseEvaluation"]
        let unit = (base?["scenario"]?["reportUnit"]?.string ?? json["reportUnit"]?.string
                    ?? json["sizings"]?.array?.first?["reportUnit"]?.string).flatMap(ReportUnit.init(rawValue:)) ?? .millionYuan
        let b = ReportBuilder(unit: unit, priceUnit: base?["scenario"]?["priceUnit"]?.string ?? "CNY per unit of output")
        var sections: [ReportSection] = []
        let title: String, subtitle: String
        switch kind {
        case .monteCarlo:
            title = json["scenario"]?["name"]?.string ?? "Monte Carlo study"
            subtitle = b.monteCarloSubtitle(json)
            sections.append(b.monteCarloSummary(json))
            sections += [b.conventions(json["conventions"], run: json)]
            if let base { sections.append(b.cashFlows(base, representative: json["representativePaths"])) }
            if let base { sections += b.feasibilitySections(base) }
            sections.append(b.distributions(json))
            sections += b.modulePathSections(json)
            // The tornado of the equity NPV beside its distribution.
            if let tornado = json["tornado"]?.array { sections.append(b.tornado(tornado, base: Self.tornadoBase(json))) }
            sections.append(b.statistics(json))
        case .evaluation:
            title = json["scenario"]?["name"]?.string ?? "Evaluation"
            subtitle = b.evaluationSubtitle(json)
            sections.append(b.evaluationSummary(json))
            sections.append(b.conventions(json["conventions"], run: nil))
            sections.append(b.cashFlows(json, representative: nil))
            sections += b.feasibilitySections(json)
        case .incentives:
            title = json["scenario"]?.string ?? json["scenario"]?["name"]?.string ?? "Incentive analysis"
            subtitle = "Incentive dependence of the equity NPV: with and without each incentive, Shapley attribution, break-even fractions, withdrawal cliffs"
            sections.append(b.incentiveSummary(json))
            sections.append(b.conventions(json["conventions"], run: nil))
        case .comparison:
            let study = json["study"]?.string ?? ""
            let scenario = json["scenario"]?["name"]?.string ?? json["scenario"]?.string
            title = !study.isEmpty ? study : scenario ?? "Zone comparison"
            subtitle = "Comparison of sites (zones)" + (!study.isEmpty ? (scenario.map { ": \($0)" } ?? "") : "")
            if json["pairwise"] != nil { sections.append(b.comparisonSummary(json)) }
        case .diff:
            title = "Scenario diff"
            subtitle = "\(json["diff"]?["a"]?.string ?? "A") → \(json["diff"]?["b"]?.string ?? "B")"
            sections += b.diffSections(json)
        case .sweep:
            title = json["scenario"]?.string ?? "Parameter sweep"
            subtitle = "Parameter sweep: \(json["metric"]?.string ?? "equityNPV") over \(json["parameters"]?.array?.compactMap { $0["keyPath"]?.string }.joined(separator: ", ") ?? "")"
            sections += b.sweepSections(json)
        case .sizing:
            let sizings = json["sizings"]?.array ?? [json]
            title = sizings.first?["scenario"]?.string ?? "Sizing"
            let keys = sizings.first.map(ReportBuilder.sizingKeys) ?? []
            subtitle = "Sizing: \(sizings.first?["minimize"]?.bool == true ? "smallest" : "largest") \(sizings.first.map(ReportBuilder.sizingObjective) ?? "") over \(keys.joined(separator: ", "))"
            if sizings.count > 1 { sections.append(b.sizingRanking(sizings)) }
            sections += sizings.map(b.sizingSection)
        case .sensitivity:
            title = json["scenario"]?.string ?? json["scenario"]?["name"]?.string ?? "Sensitivity analysis"
            subtitle = "Sensitivity of \(json["metric"]?.string ?? "equityNPV") to the uncertain inputs: tornado and Sobol indices"
        }
        if let zones = json["zones"]?.array { sections.append(b.zoneComparison(zones, sketched: json["quantiles"]?.string == "sketch")) }
        if kind == .comparison && json["pairwise"] != nil {
            sections += [b.comparisonRanking(json), b.comparisonDrivers(json), b.comparisonEvidence(json)]
            sections.append(b.conventions(json["conventions"], run: nil))
        }
        if kind != .monteCarlo, let tornado = json["tornado"]?.array { sections.append(b.tornado(tornado, base: Self.tornadoBase(json))) }
        // `sobol` is [{input, first, total}] or `steppe sensitivity`'s {indices: [{input, firstOrder, total}], ...}.
        if let sobol = json["sobol"]?.array ?? json["sobol"]?["indices"]?.array { sections.append(b.sobol(sobol)) }
        let analysis = kind == .incentives ? json : json["incentiveAnalysis"]
        if let analysis, analysis["incentives"]?.array != nil { sections.append(b.incentiveAnalysis(analysis)) }
        if let modules = base?["modules"]?.members {
            sections += b.modules(modules, presentations: base?["modulePresentation"], years: base?["cashFlows"])
        }
        if let base { sections.append(b.provenance(base)) }
        else if kind == .incentives { sections.append(b.incentiveSources(json)) }
        self.init(title: title, subtitle: subtitle, unit: unit, sections: sections.filter { !$0.blocks.isEmpty })
    }
}

/// Builds sections from parts of result JSONs, formatting money in one unit.
struct ReportBuilder {
    let unit: ReportUnit
    /// The unit of prices and levelized costs: "CNY/kg of hydrogen" (`CompiledModel.priceUnit`).
    var priceUnit = "CNY per unit of output"

    /// A money cell in the report unit.
    func money(_ yuan: Double?) -> ReportCell {
        guard let yuan else { return "–" }
        return ReportCell(ReportFormat.money(yuan, unit, withUnit: false), value: yuan / unit.divisor)
    }

    /// A metric's value formatted with its unit.
    func metric(_ name: String, _ x: Double?) -> String {
        guard let x else { return "–" }
        switch MetricKind(name) {
        case .money: return ReportFormat.money(x, unit)
        case .rate: return ReportFormat.percent(x)
        case .years: return ReportFormat.decimal(x, decimals: 2) + " years"
        case .price: return ReportFormat.decimal(x, decimals: 2) + " " + priceUnit
        case .ratio: return ReportFormat.decimal(x, decimals: 3)
        }
    }

    /// A metric's value as a table cell (without unit; the column or row says it).
    func metricCell(_ name: String, _ x: Double?) -> ReportCell {
        guard let x else { return "–" }
        let v = scaled(name, x)
        switch MetricKind(name) {
        case .money: return ReportCell(ReportFormat.grouped(v), value: v)
        case .rate: return ReportCell(ReportFormat.grouped(v), value: v)
        case .years, .price: return ReportCell(ReportFormat.grouped(v), value: v)
        case .ratio: return ReportCell(ReportFormat.grouped(v, decimals: 3), value: v)
        }
    }

    /// A metric in its display unit (money divided, rates in percent).
    func scaled(_ name: String, _ x: Double) -> Double {
        switch MetricKind(name) {
        case .money: return x / unit.divisor
        case .rate: return x * 100
        default: return x
        }
    }

    func unitLabel(_ name: String) -> String {
        switch MetricKind(name) {
        case .money: return unit.label
        case .rate: return "%"
        case .years: return "years"
        case .price: return priceUnit
        case .ratio: return "ratio"
        }
    }

    enum MetricKind {
        case money, rate, years, price, ratio
        init(_ name: String) {
            let n = name.lowercased()
            if n.hasSuffix("npv") || n == "peakfunding" { self = .money }
            else if n.hasSuffix("irr") { self = .rate }
            else if n.contains("payback") { self = .years }
            else if n.contains("price") || n.contains("levelized") { self = .price }
            else { self = .ratio }
        }
    }

    static let metricTitles: [String: String] = [
        "equityNPV": "Equity NPV", "projectNPV": "Project NPV", "equityIRR": "Equity IRR", "projectIRR": "Project IRR",
        "minDSCR": "Minimum DSCR", "averageDSCR": "Average DSCR", "llcr": "LLCR", "paybackYears": "Payback", "equityPaybackYears": "Equity payback",
        "discountedPaybackYears": "Discounted payback", "peakFunding": "Peak funding", "breakEvenPrice": "Break-even price",
        "levelizedCost": "Levelised cost (LCOx)",
    ]

    static func title(_ name: String) -> String { metricTitles[name] ?? name }
}
