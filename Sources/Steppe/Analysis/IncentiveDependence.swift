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

    public init(model: CompiledModel) { self.model = model }

    public var incentiveIDs: [String] { model.incentives.map(\.id) }

    /// The value with incentive `i` at `scales[i]` (1 = as configured, 0 = withdrawn).
    public func value(scales: [Double], _ value: Value) -> Double? {
        var m = model
        for i in scales.indices { m.incentiveScale[i] = model.incentiveScale[i] * scales[i] }
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

    /// The smallest fraction of incentive `i` (the others as configured) at which `value` reaches
    /// `target`: 0 when the project meets it without the incentive, nil when even the full
    /// incentive is not enough. Assumes the value rises with the fraction; found by bisection to 1e-9.
    public func breakEvenFraction(of i: Int, target: Double = 0, _ value: Value) -> Double? {
        func v(_ f: Double) -> Double? {
            var scales = [Double](repeating: 1, count: model.incentives.count)
            scales[i] = f
            return self.value(scales: scales, value)
        }
        guard let none = v(0), let full = v(1) else { return nil }
        if none >= target { return 0 }
        if full < target { return nil }
        var lo = 0.0, hi = 1.0
        while hi - lo > 1e-9 {
            let mid = 0.5 * (lo + hi)
            guard let x = v(mid) else { return nil }
            if x >= target { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// The value if incentive `i` is withdrawn from each calendar year of the project on (paid
    /// before that year only): the "cliff" curve. Year `startYear` means never paid.
    public func withdrawalCurve(of i: Int, _ value: Value) -> [(year: Int, value: Double?)] {
        (0..<model.yearCount).map { t in
            var m = model
            m.incentiveLastYear[i] = min(model.incentiveLastYear[i], t - 1)
            var ws = Workspace(for: m)
            ProFormaEngine.run(m, &ws)
            return (model.calendarYear(t), value(m, ws))
        }
    }

    /// The value if incentive `i` starts `years` later than configured (its duration kept).
    public func delayed(_ i: Int, by years: Int, _ value: Value) -> Double? {
        var m = model
        m.incentiveFirstYear[i] = model.incentiveFirstYear[i] + years
        if model.incentiveLastYear[i] < model.yearCount - 1 { m.incentiveLastYear[i] = model.incentiveLastYear[i] + years }
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        return value(m, ws)
    }
}
