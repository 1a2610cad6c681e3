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

    /// How an input's level is reported (`LaneModel.setOnly`): the value it takes, or the multiplier of its yearly values.
    public enum LevelKind: String, Sendable { case value, multiplier }
}
