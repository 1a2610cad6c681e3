/// One-at-a-time sensitivity of a metric to a scenario's uncertain inputs: the tornado
/// (each input at its P10 and at its P90, every other input at its base value) and the spider
/// (each input at several quantile levels).
///
/// Inputs move one at a time from the deterministic base case, so the diagram shows each
/// input's own swing and nothing of interactions or correlations (the Sobol indices do).
/// Yearly inputs sit at the same quantile in every operating year (see
/// `LaneModel.setOnly(input:quantile:_:)`), a deliberately extreme "bad decade".
/// Policy risks are not inputs here: `steppe incentives` stresses incentives.
public struct Tornado: Sendable {
    /// One input's bar: its levels at the low and high quantiles and the metric at each.
    public struct Bar: Sendable {
        public var input: String
        public var kind: StochasticModel.LevelKind
        public var low: Double
        public var high: Double
        /// The metric with the input at `low` / `high` (nil: undefined there).
        public var valueLow: Double?
        public var valueHigh: Double?

        /// |valueHigh - valueLow|, the bar's length (0 when either end is undefined).
        public var swing: Double {
            guard let a = valueLow, let b = valueHigh else { return 0 }
            return abs(b - a)
        }
    }

    /// One input's spider line: (quantile, level, metric) at each quantile.
    public struct SpiderLine: Sendable {
        public var input: String
        public var kind: StochasticModel.LevelKind
        public var points: [(quantile: Double, level: Double, value: Double?)]
    }

    public let drawer: StochasticModel
    public let metric: PathMetric
    /// The modules' per-path models, which run a module's own number set alone (`LaneModel.setOnly`).
    let pathModels: [ModulePathLanes]

    public init(drawer: StochasticModel, metric: PathMetric) {
        self.drawer = drawer; self.metric = metric; pathModels = []
    }

    init(drawer: StochasticModel, metric: PathMetric, pathModels: [ModulePathLanes]) {
        self.drawer = drawer; self.metric = metric; self.pathModels = pathModels
    }

    /// The tornado of `scenario`, whose modules' own numbers (a drawn number of the hydrogen plant) are run
    /// by their per-path models with the base case otherwise (the base weather).
    public init(scenario: Scenario, drawer: StochasticModel, metric: PathMetric) throws(ScenarioErrors) {
        self.init(drawer: drawer, metric: metric, pathModels: try ModulePathLanes.bind(scenario, model: drawer.base, drawer: drawer, runSeed: 0))
    }

    /// The metric of the base case (every input at its base).
    public var baseValue: Double? {
        var evaluator = DeterministicEvaluator(drawer: drawer, pathModels: pathModels)
        evaluator.run(only: [metric])
        return value(evaluator)
    }

    /// Input `k` at quantile `q`, the others at base: (level, kind, metric).
    public func point(input k: Int, quantile q: Double) -> (level: Double, kind: StochasticModel.LevelKind, value: Double?) {
        var evaluator = DeterministicEvaluator(drawer: drawer, pathModels: pathModels)
        return point(input: k, quantile: q, &evaluator)
    }

    private func point(input k: Int, quantile q: Double, _ evaluator: inout DeterministicEvaluator)
        -> (level: Double, kind: StochasticModel.LevelKind, value: Double?) {
        let (level, kind) = evaluator.run(input: k, quantile: q, only: [metric])
        return (level, kind, value(evaluator))
    }

    private func value(_ evaluator: DeterministicEvaluator) -> Double? {
        let value = evaluator.metric(metric)
        return PathMetric.isAccountable(value) ? value : nil
    }

    /// The bars, longest first (ties in input order).
    ///
    /// - Complexity: 2 pro forma runs per input.
    public func bars(low: Double = 0.1, high: Double = 0.9) -> [Bar] {
        let names = drawer.groups.filter { !$0.isPolicyRisk }.map(\.name)
        var evaluator = DeterministicEvaluator(drawer: drawer, pathModels: pathModels)
        let bars = (0..<drawer.inputCount).map { k -> Bar in
            let a = point(input: k, quantile: low, &evaluator), b = point(input: k, quantile: high, &evaluator)
            return Bar(input: names[k], kind: a.kind, low: a.level, high: b.level, valueLow: a.value, valueHigh: b.value)
        }
        return bars.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
    }

    /// The spider lines at `quantiles`, in input order.
    public func spider(quantiles: [Double] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]) -> [SpiderLine] {
        let names = drawer.groups.filter { !$0.isPolicyRisk }.map(\.name)
        var evaluator = DeterministicEvaluator(drawer: drawer, pathModels: pathModels)
        return (0..<drawer.inputCount).map { k in
            let points = quantiles.map { q in
                let p = point(input: k, quantile: q, &evaluator)
                return (q, p.level, p.value)
            }
            return SpiderLine(input: names[k], kind: points.isEmpty ? .value : point(input: k, quantile: 0.5, &evaluator).kind, points: points)
        }
    }
}
