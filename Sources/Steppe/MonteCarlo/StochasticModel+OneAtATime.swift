/// The uncertain inputs one at a time, for tornado and spider diagrams and for grouping
/// the dimensions of variance-based sensitivity indices.
extension StochasticModel {
    /// A set of uniforms that belong together: one uncertain input (one dimension for a
    /// distribution, one per operating year for a per-year multiplier or a process), or the four
    /// events of one incentive's policy risk.
    public struct InputGroup: Sendable, Equatable {
        /// The input's key path (e.g. `products[0].price`), or `policyRisk:<incentive id>`.
        public var name: String
        public var dimensions: Range<Int>
        public var isPolicyRisk: Bool
    }

    /// The groups in dimension order; together they cover 0..<dimension exactly once.
    public var groups: [InputGroup] {
        let years = base.yearCount - base.operationStart
        var out = inputs.map { input -> InputGroup in
            let count: Int
            if case .distribution = input.law { count = 1 } else { count = years }
            return InputGroup(name: input.keyPath, dimensions: input.firstDimension..<(input.firstDimension + count), isPolicyRisk: false)
        }
        for risk in risks {
            out.append(InputGroup(name: "policyRisk:\(base.incentives[risk.incentive].id)",
                                  dimensions: risk.firstDimension..<(risk.firstDimension + 4), isPolicyRisk: true))
        }
        return out
    }

    /// The number of uncertain inputs (not counting policy risks).
    public var inputCount: Int { inputs.count }

    /// How an input's level is reported: the value it takes, or the multiplier of its yearly values.
    public enum LevelKind: String, Sendable { case value, multiplier }

    /// Sets uncertain input `k` of `model` (a copy of the base model) to its `q`-quantile and
    /// leaves every other input at its base value: a distribution takes `quantile(q)`, a per-year
    /// multiplier its `q`-quantile in every operating year, a process the `q`-quantile of each
    /// year's multiplier (`PriceProcess.multiplierQuantile`). Correlations and policy risks
    /// are not applied (one input at a time).
    ///
    /// - Returns: the level: the drawn value, or the multiplier (a process's first operating year).
    @discardableResult
    public func setOnly(input k: Int, quantile q: Double, in model: inout CompiledModel) -> (level: Double, kind: LevelKind) {
        let input = inputs[k]
        let op = base.operationStart, n = base.yearCount
        switch input.law {
        case .distribution(let dist):
            let x = dist.quantile(q)
            applyValue(x, input.target, base: input.base, to: &model)
            return (x, .value)
        case .perYearMultiplier(let dist):
            let f = dist.quantile(q)
            for t in op..<n { multiply(f, year: t, input.target, &model) }
            return (f, .multiplier)
        case .process(let process):
            for t in op..<n { multiply(process.multiplierQuantile(q, year: t - op + 1), year: t, input.target, &model) }
            return (process.multiplierQuantile(q, year: 1), .multiplier)
        }
    }
}
