import Foundation

/// How much of a project's value rests on each incentive: values with and without each,
/// Shapley attribution, break-even fractions and withdrawal "cliff" curves.
///
/// Every number comes from re-running the deterministic pro forma with incentives scaled or
/// their windows moved (`CompiledModel.incentiveScale`, `incentiveFirstYear/LastYear`); the
/// scenario's own incentives are the players. Tax preferences count like cash ones.
public struct IncentiveDependence: Sendable {
    /// A value of the project: a metric of its pro forma (nil when undefined).
    public typealias Value = @Sendable (CompiledModel, Workspace) -> Double?

    public static let equityNPV: Value = { m, ws in m.presentValue(ws.equityCashFlow, rate: m.equityRate) }
    public static let projectNPV: Value = { m, ws in m.presentValue(ws.projectCashFlow, rate: m.projectRate) }
    public static let equityIRR: Value = { _, ws in internalRateOfReturn(ws.equityCashFlow).metric.number }

    public let model: CompiledModel
    /// The year index in which each incentive first takes effect in the base case, from which a
    /// delay counts (`CompiledModel.incentiveEffectStart`).
    public let effectStart: [Int]

    public init(model: CompiledModel) {
        self.model = model
        effectStart = model.incentiveEffectStart()
    }

    public var incentiveIDs: [String] { model.incentives.map(\.id) }

    /// The value with incentive `i` at `scales[i]` (1 = as configured, 0 = withdrawn).
    public func value(scales: [Double], _ value: Value) -> Double? {
        var evaluator = DeterministicEvaluator(model)
        return self.value(scales: scales, value, on: &evaluator)
    }

    /// `value(scales:_:)` on an evaluator of `model` reused across calls (only the scales change).
    func value(scales: [Double], _ value: Value, on evaluator: inout DeterministicEvaluator) -> Double? {
        evaluator.run(incentiveScales: scales)
        var m = model
        for i in scales.indices { m.incentiveScale[i] = model.incentiveScale[i] * scales[i] }
        return value(m, evaluator.yearly)
    }

    /// `value` of the pro forma of `m`.
    static func evaluate(_ m: CompiledModel, _ value: Value) -> Double? {
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        return value(m, ws)
    }

    /// The value with the incentives in `subset` (bit i = incentive i) and none of the others.
    public func value(subset: UInt64, _ value: Value) -> Double? {
        self.value(scales: scales(subset: subset), value)
    }

    /// Scale 1 for the incentives in `subset` (bit i = incentive i), 0 for the others.
    func scales(subset: UInt64) -> [Double] {
        (0..<model.incentives.count).map { subset & (1 << UInt64($0)) != 0 ? 1 : 0 }
    }

    /// Shapley values of the incentives for `value`: each incentive's average marginal contribution
    /// over all orders in which incentives could be granted. They add up to
    /// value(all) - value(none) (efficiency). Exact enumeration of the 2^n subsets up to
    /// `exactLimit` incentives; beyond, `permutations` random orders (seeded), with the
    /// standard error of each estimate.
    ///
    /// Undefined values (e.g. an IRR without a sign change) make the attribution undefined: nil.
    public func shapley(_ value: Value, exactLimit: Int = 12, permutations: Int = 2000, seed: UInt64 = 1)
        -> (values: [Double], standardErrors: [Double]?)? {
        // One evaluator for every coalition (only the incentives' scales change), and each coalition
        // evaluated once however many sampled orders reach it.
        var evaluator = DeterministicEvaluator(model)
        var known: [UInt64: Double?] = [:]
        return ShapleyValues.attribute(playerCount: model.incentives.count, exactLimit: exactLimit,
                                       permutations: permutations, seed: seed) { subset in
            if let v = known[subset] { return v }
            let v = self.value(scales: scales(subset: subset), value, on: &evaluator)
            known[subset] = v
            return v
        }.map { ($0.values, $0.standardErrors) }
    }

    /// Each incentive's nominal total paid over the horizon in `m` (yuan; tax preferences 0).
    static func paidTotals(_ m: CompiledModel) -> [Double] {
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        return m.incentives.indices.map { i in (0..<m.yearCount).reduce(0) { $0 + ws.incentiveByItem[i, $1] } }
    }

    /// The value if incentive `i` is withdrawn from each calendar year of the project on (paid
    /// before that year only): the "cliff" curve. Year `startYear` means never paid.
    public func withdrawalCurve(of i: Int, _ value: Value) -> [(year: Int, value: Double?)] {
        (0..<model.yearCount).map { t in
            var m = model
            m.incentiveLastYear[i] = min(model.incentiveLastYear[i], t - 1)
            return (model.calendarYear(t), Self.evaluate(m, value))
        }
    }

    /// The value with every incentive (`ids` nil) or the named ones withdrawn from each calendar
    /// year of the project on (paid before that year only): the all-incentives cliff curve.
    /// The first point (the start year) is the value with none of them.
    public func withdrawalCurveOfAll(ids: Set<String>? = nil, _ value: Value) -> [(year: Int, value: Double?)] {
        (0..<model.yearCount).map { t in
            var m = model
            for i in m.incentives.indices where ids?.contains(m.incentives[i].id) ?? true {
                m.incentiveLastYear[i] = min(model.incentiveLastYear[i], t - 1)
            }
            return (model.calendarYear(t), Self.evaluate(m, value))
        }
    }

    /// The value if incentive `i` takes effect `years` later than it does as configured.
    ///
    /// What moves: the incentive's first year becomes `years` after the first year in which it
    /// changes the cash flow (`effectStart`: its first payment, or the first year its tax
    /// preference lowers the tax), not after its eligibility window's start, which may lie before
    /// the project. What stays: the end of its window, so the delayed years are lost, not shifted;
    /// and a tax holiday keeps counting from its first revenue (or profit) year, so a delayed
    /// holiday loses its first years (the "remaining years" rule for a late grant). Amounts of the
    /// years still in the window are those of the undelayed incentive in the same years. The same
    /// rule is the Monte Carlo policy risk `delayYears`.
    public func delayed(_ i: Int, by years: Int, _ value: Value) -> Double? {
        Self.evaluate(delayedModel(i, by: years), value)
    }

    /// The model with incentive `i` delayed by `years` (see `delayed(_:by:_:)`).
    public func delayedModel(_ i: Int, by years: Int) -> CompiledModel {
        var m = model
        m.incentiveFirstYear[i] = StochasticModel.delayedFirstYear(
            first: model.incentiveFirstYear[i], delayFrom: effectStart[i], delay: Double(years))
        return m
    }
}
