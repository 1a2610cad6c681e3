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

    public static let equityNPV: Value = { m, ws in netPresentValue(rate: m.equityRate, ws.equityCashFlow, timing: m.timing) }
    public static let projectNPV: Value = { m, ws in netPresentValue(rate: m.projectRate, ws.projectCashFlow, timing: m.timing) }
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
        var m = model
        for i in scales.indices { m.incentiveScale[i] = model.incentiveScale[i] * scales[i] }
        return Self.evaluate(m, value)
    }

    /// `value` of the pro forma of `m`.
    static func evaluate(_ m: CompiledModel, _ value: Value) -> Double? {
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        return value(m, ws)
    }

    /// The value with the incentives in `subset` (bit i = incentive i) and none of the others.
    public func value(subset: UInt64, _ value: Value) -> Double? {
        self.value(scales: (0..<model.incentives.count).map { subset & (1 << UInt64($0)) != 0 ? 1 : 0 }, value)
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
        let n = model.incentives.count
        guard n > 0 else { return ([], nil) }
        if n <= exactLimit {
            var table = [Double](repeating: 0, count: 1 << n)
            for s in 0..<(1 << n) {
                guard let v = self.value(subset: UInt64(s), value) else { return nil }
                table[s] = v
            }
            // Weight of a coalition of size k not containing i: k! (n - k - 1)! / n!.
            var weight = [Double](repeating: 0, count: n)
            for k in 0..<n { weight[k] = exp(lgamma(Double(k + 1)) + lgamma(Double(n - k)) - lgamma(Double(n + 1))) }
            var phi = [Double](repeating: 0, count: n)
            for s in 0..<(1 << n) {
                let size = s.nonzeroBitCount
                for i in 0..<n where s & (1 << i) == 0 {
                    phi[i] += weight[size] * (table[s | (1 << i)] - table[s])
                }
            }
            return (phi, nil)
        }
        var g = SplitMix64(seed: seed)
        var sum = [Double](repeating: 0, count: n), sumSquares = sum
        var order = Array(0..<n)
        for _ in 0..<permutations {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            var subset: UInt64 = 0
            guard var previous = self.value(subset: 0, value) else { return nil }
            for i in order {
                subset |= 1 << UInt64(i)
                guard let v = self.value(subset: subset, value) else { return nil }
                let marginal = v - previous
                sum[i] += marginal; sumSquares[i] += marginal * marginal
                previous = v
            }
        }
        let p = Double(permutations)
        let mean = sum.map { $0 / p }
        let se = (0..<n).map { i in (max(0, sumSquares[i] / p - mean[i] * mean[i]) / max(p - 1, 1)).squareRoot() }
        return (mean, se)
    }

    /// Whether, and how much of, an incentive the project needs to reach a target value.
    public enum BreakEven: Sendable, Equatable {
        /// The value reaches the target without the incentive: it is not needed for that.
        case notNeeded
        /// The smallest fraction of the incentive at which the value reaches the target.
        case fraction(Double)
        /// Even the full incentive leaves the value below the target.
        case notEnough
        /// The value is undefined for some fraction (e.g. an IRR without a sign change).
        case undefined

        /// The JSON key of the case (`breakEven`).
        public var key: String {
            switch self {
            case .notNeeded: "notNeeded"
            case .fraction: "fraction"
            case .notEnough: "notEnough"
            case .undefined: "undefined"
            }
        }

        /// Why there is no fraction (for `breakEvenNote`).
        public var note: String {
            switch self {
            case .notNeeded: "not needed: the equity NPV stays at or above 0 without it"
            case .fraction: ""
            case .notEnough: "even the full incentive does not bring the equity NPV to zero"
            case .undefined: "the equity NPV is undefined for some fraction of the incentive"
            }
        }

        /// The short label of a case's key in tables ("not needed", "not enough").
        public static func label(ofKey key: String) -> String {
            switch key {
            case "notNeeded": "not needed"
            case "notEnough": "not enough"
            default: "-"
            }
        }
    }

    /// Each incentive's nominal total paid over the horizon in `m` (yuan; tax preferences 0).
    static func paidTotals(_ m: CompiledModel) -> [Double] {
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        return m.incentives.indices.map { i in (0..<m.yearCount).reduce(0) { $0 + ws.incentiveByItem[i, $1] } }
    }

    /// The smallest fraction of incentive `i` (the others as configured) at which `value` reaches
    /// `target`, or why there is none. Assumes the value rises with the fraction; found by
    /// bisection to 1e-9.
    public func breakEven(of i: Int, target: Double = 0, _ value: Value) -> BreakEven {
        func v(_ f: Double) -> Double? {
            var scales = [Double](repeating: 1, count: model.incentives.count)
            scales[i] = f
            return self.value(scales: scales, value)
        }
        guard let none = v(0), let full = v(1) else { return .undefined }
        if none >= target { return .notNeeded }
        if full < target { return .notEnough }
        var lo = 0.0, hi = 1.0
        while hi - lo > 1e-9 {
            let mid = 0.5 * (lo + hi)
            guard let x = v(mid) else { return .undefined }
            if x >= target { hi = mid } else { lo = mid }
        }
        return .fraction(hi)
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
