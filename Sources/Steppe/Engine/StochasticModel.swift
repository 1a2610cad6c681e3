import Foundation

/// The uncertain inputs and policy events of a scenario, resolved to the entries of its
/// compiled model that they change: how a path's uniforms become its inputs.
///
/// On each path every targeted entry is first reset from the base model, then each
/// input's draw is applied: a distribution replaces the value (a row scales by
/// draw / base, so escalation and ramp-up shapes are kept), an escalation rate reshapes
/// the row by ((1 + draw) / (1 + base))^k in operating year k, a per-year multiplier or a
/// process multiplies year by year. Policy events move an incentive's window, cut its
/// scale or set a clawback year.
///
/// Dimensions, in order: one per distribution input, one per operating year for each
/// per-year or process input (in file order), then for each policy risk one each for
/// withdrawal, delay, cut and clawback (those given).
public struct StochasticModel: Sendable {
    typealias Target = CompiledInputTarget

    /// A row or a value of the model that draws change, reset from the base model once per path
    /// however many inputs change it (a price and its escalation both change the price row).
    enum Entry: Hashable, Sendable {
        case priceRow(Int), quantityRow(Int), costPriceRow(Int), costQuantityRow(Int), costPerUnit(Int), headcountRow(Int)
        case capex(assetClass: Int, year: Int)
        case loanRate(Int), citRate, incentiveScale(Int)
    }
    struct Input: Sendable {
        var keyPath: String
        var target: Target
        var base: Double
        var law: UncertainInput.Law
        var firstDimension: Int
    }
    /// What `apply` reads of an input on every path: no key-path string, and the distribution as a
    /// `PreparedQuantile`, whose common shapes are plain numbers read without reference counting.
    struct Draw: Sendable {
        enum Kind: Sendable { case value, perYearMultiplier, process(PriceProcess) }
        var target: Target
        var base: Double
        var kind: Kind
        var firstDimension: Int
        /// The distribution of a value or a per-year multiplier.
        var quantile: PreparedQuantile
    }
    /// A policy risk as the per-path loop reads it (plain numbers, no strings).
    struct Risk: Sendable {
        var incentive: Int
        var firstDimension: Int
        var withdrawalHazard: Double?
        var withdrawalAfterYears: Int
        var delayYears: PreparedQuantile?
        var cutProbability: Double?
        var cutToFraction: Double?
        var clawbackHazard: Double?
        var clawbackWithinYears: Int?
        /// The year index a delay counts from: the first year the incentive takes effect in the
        /// base case (`CompiledModel.incentiveEffectStart`), not its eligibility window's start.
        var delayFrom: Int

        init(incentive: Int, spec: PolicyRisk, firstDimension: Int, delayFrom: Int) {
            self.incentive = incentive; self.firstDimension = firstDimension; self.delayFrom = delayFrom
            withdrawalHazard = spec.withdrawalHazard; withdrawalAfterYears = spec.withdrawalAfterYears
            delayYears = spec.delayYears.map(PreparedQuantile.init)
            cutProbability = spec.cutProbability; cutToFraction = spec.cutToFraction
            clawbackHazard = spec.clawbackHazard; clawbackWithinYears = spec.clawbackWithinYears
        }
    }

    let base: CompiledModel
    let inputs: [Input]
    /// `inputs` as the per-path loop reads them.
    let draws: [Draw]
    /// Every entry the draws change, each once, in the order the draws first reach it.
    let resets: [Entry]
    let risks: [Risk]
    /// The copula that correlates the uniforms of correlated distribution inputs.
    let correlation: RankCorrelation?
    public let dimension: Int
    /// When false, policy risks keep their dimensions (so every other input sees the same
    /// uniforms on the same path) but are not applied: every incentive is paid as configured.
    public var appliesPolicyRisks = true

    /// No uncertain input and no policy risk: every path is the base case (a deterministic evaluation).
    public init(deterministic model: CompiledModel) {
        base = model
        inputs = []; draws = []; resets = []; risks = []
        correlation = nil
        dimension = 0
    }

    /// - Throws: `ScenarioErrors` for inputs that cannot be applied (a scaled value whose base is zero,
    ///   a correlation that is not a valid matrix).
    public init(scenario: Scenario, model: CompiledModel) throws(ScenarioErrors) {
        base = model
        var issues: [ScenarioIssue] = []
        let operatingYears = model.yearCount - model.operationStart
        var dimension = 0
        var inputs: [Input] = []
        for input in scenario.uncertainty {
            // The compiled quantity this number became (recorded by `compile`); none: not uncertain-able here.
            guard let binding = model.inputBindings[input.keyPath] else {
                issues.append(ScenarioIssue(keyPath: input.keyPath, message: "cannot be made uncertain in this scenario"))
                continue
            }
            guard let target = binding.target else { continue }  // a disabled incentive: nothing to vary
            if let reason = binding.mustStayPositiveBecause, !Self.staysPositive(input) {
                issues.append(ScenarioIssue(keyPath: input.keyPath, message: reason))
            }
            let isRate: Bool
            switch target {
            case .productEscalation, .productQuantityGrowth, .costEscalation, .loanRate, .citRate: isRate = true
            default: isRate = false
            }
            if let range = binding.drawsWithin, case .distribution(let d) = input.law, !Self.drawsStay(d, within: range) {
                issues.append(ScenarioIssue(keyPath: input.keyPath, message:
                    "every draw must lie in \(Self.describe(range)), the values the file accepts here (truncate the distribution)"))
            }
            let replacesValue = if case .moduleParameter = target { true } else { false }
            if case .distribution = input.law, !isRate, !replacesValue, input.base == 0 {
                issues.append(ScenarioIssue(keyPath: input.keyPath, message: "a distribution scales the base value, which must not be 0"))
            }
            if case .distribution = input.law {} else {
                switch target {
                case .costPerUnit, .loanRate, .citRate, .incentiveScale, .moduleParameter:
                    issues.append(ScenarioIssue(keyPath: input.keyPath, message: "is one number for all years; give it a distribution, not a per-year multiplier or process"))
                default: break
                }
            }
            inputs.append(Input(keyPath: input.keyPath, target: target, base: input.base, law: input.law, firstDimension: dimension))
            if case .distribution = input.law { dimension += 1 } else { dimension += operatingYears }
        }
        var risks: [Risk] = []
        let effectStart = scenario.policyRisks.contains { $0.delayYears != nil } ? model.incentiveEffectStart() : []
        for risk in scenario.policyRisks {
            guard let k = model.incentives.firstIndex(where: { $0.id == risk.incentive }) else { continue }
            let delayFrom = risk.delayYears == nil ? model.incentiveFirstYear[k] : effectStart[k]
            risks.append(Risk(incentive: k, spec: risk, firstDimension: dimension, delayFrom: delayFrom))
            dimension += 4
        }
        var correlated: [Int] = []
        var correlation: RankCorrelation?
        if !scenario.correlations.isEmpty {
            var names: [String] = []
            for pair in scenario.correlations {
                for name in [pair.first, pair.second] where !names.contains(name) { names.append(name) }
            }
            for name in names {
                if let j = scenario.uncertainty.firstIndex(where: { $0.keyPath == name }),
                   case .distribution = scenario.uncertainty[j].law {
                    correlated.append(inputs[j].firstDimension)
                } else {
                    let pair = scenario.correlations.firstIndex { $0.first == name || $0.second == name } ?? 0
                    let known = scenario.uncertainty.contains { $0.keyPath == name }
                    issues.append(ScenarioIssue(keyPath: "correlations[\(pair)].between", message: known
                        ? "'\(name)' is not an input given as a distribution"
                        : "'\(name)' is not the key path of an uncertain input"))
                }
            }
            if issues.isEmpty {
                var matrix = (0..<names.count).map { i in (0..<names.count).map { $0 == i ? 1.0 : 0.0 } }
                for pair in scenario.correlations {
                    let a = names.firstIndex(of: pair.first)!, b = names.firstIndex(of: pair.second)!
                    matrix[a][b] = pair.rank; matrix[b][a] = pair.rank
                }
                do {
                    correlation = try RankCorrelation(dimensions: correlated, spearman: matrix)
                } catch {
                    issues.append(ScenarioIssue(keyPath: "correlations", message: error.description))
                }
            }
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        self.inputs = inputs
        draws = inputs.map { input in
            switch input.law {
            case .distribution(let d):
                Draw(target: input.target, base: input.base, kind: .value, firstDimension: input.firstDimension, quantile: PreparedQuantile(d))
            case .perYearMultiplier(let d):
                Draw(target: input.target, base: input.base, kind: .perYearMultiplier, firstDimension: input.firstDimension,
                     quantile: PreparedQuantile(d))
            case .process(let process):
                Draw(target: input.target, base: input.base, kind: .process(process), firstDimension: input.firstDimension,
                     quantile: PreparedQuantile(.fixed(1)))
            }
        }
        var resets: [Entry] = []
        for input in inputs {
            for entry in input.target.entries where !resets.contains(entry) { resets.append(entry) }
        }
        self.resets = resets
        self.risks = risks
        self.correlation = correlation
        self.dimension = dimension
    }

    /// The first year of an incentive delayed by `delay` years (whole years, rounded down): the
    /// window's own start when there is no delay, else `delay` years after the first year in which
    /// the incentive takes effect (`delayFrom`). The end of the window stays: delayed years are lost.
    @inline(__always)
    static func delayedFirstYear(first: Int, delayFrom: Int, delay: Double) -> Int {
        // Bounded so that no draw can overflow the year arithmetic; past the horizon is past it.
        guard delay >= 1 else { return first }
        let years = Int(min(delay, 10_000).rounded(.down))
        return max(first, delayFrom + years)
    }

    /// Whether an input's base value and every value it can draw (every multiplier, for a per-year
    /// multiplier) are positive; a process's multipliers always are.
    static func staysPositive(_ input: UncertainInput) -> Bool {
        switch input.law {
        case .distribution(let d), .perYearMultiplier(let d): return input.base > 0 && d.quantile(1e-300) > 0
        case .process: return input.base > 0
        }
    }

    /// Whether every value `d` can draw lies in `range` (its quantiles at the ends of (0, 1)).
    static func drawsStay(_ d: Distribution, within range: ClosedRange<Double>) -> Bool {
        range.contains(d.quantile(1e-300)) && range.contains(d.quantile(1 - 0x1p-53))
    }

    /// `[0, 1]`, `[0, ∞)`, `(0, 1]`: a range of accepted values, an end at the least positive double shown open.
    static func describe(_ range: ClosedRange<Double>) -> String {
        func end(_ x: Double) -> String { x == .infinity ? "∞" : x.formattedPlain }
        let lower = range.lowerBound == .leastNonzeroMagnitude ? "(0" : "[\(end(range.lowerBound))"
        let upper = range.upperBound == .infinity ? "∞)" : "\(end(range.upperBound))]"
        return "\(lower), \(upper)"
    }

    /// log(1 - h): the log of a year's survival probability under hazard `h`.
    static func logSurvival(hazard h: Double) -> Double { log1p(-h) }
}

extension CompiledInputTarget {
    /// The entries of the model a draw on this target changes.
    var entries: [StochasticModel.Entry] {
        switch self {
        case .productPrice(let p), .productEscalation(let p): [.priceRow(p)]
        case .productQuantity(let p), .productQuantityGrowth(let p): [.quantityRow(p)]
        case .costPrice(let l), .costEscalation(let l): [.costPriceRow(l)]
        case .costQuantity(let l): [.costQuantityRow(l)]
        case .costPerUnit(let l): [.costPerUnit(l)]
        case .headcount(let s, let l): [.headcountRow(s), .costQuantityRow(l)]
        case .capex(let c, let y, _): [.capex(assetClass: c, year: y)]
        case .loanRate(let l): [.loanRate(l)]
        case .citRate: [.citRate]
        case .incentiveScale(let i): [.incentiveScale(i)]
        case .moduleParameter: []   // the module's per-path hook writes what it drives
        }
    }
}
