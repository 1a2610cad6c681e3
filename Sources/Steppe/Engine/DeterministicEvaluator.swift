/// The lane engine prepared for one model's base case: every lane holds it, and evaluations record
/// every yearly line. Built once and run as often as a search needs (the break-even price runs it
/// for each trial price).
public struct DeterministicEvaluator {
    let lanes: LaneModel
    let workspace: LaneWorkspace
    /// Each metric's lanes of the last run (`PathMetric.rawValue`), NaN where undefined.
    private(set) var metrics: [Lanes]

    /// The model evaluated.
    public var model: CompiledModel { lanes.model }

    public init(_ m: CompiledModel) { self.init(lanes: LaneModel(model: m)) }

    /// The base case of a scenario whose uncertain inputs can be set one at a time (`run(input:quantile:only:)`).
    /// With `pathModels`, a module's own number set alone is run by its model (a number of the hydrogen
    /// plant is dispatched, `LaneModel.setOnly`).
    init(drawer: StochasticModel, pathModels: [ModulePathLanes] = []) {
        self.init(lanes: LaneModel(model: drawer.base, drawer: drawer, pathModels: pathModels))
    }

    private init(lanes: LaneModel) {
        self.lanes = lanes
        workspace = LaneWorkspace(lanes, recording: true)
        metrics = Array(repeating: .zero, count: PathMetric.allCases.count)
    }

    /// Runs the pro forma with the first product's price path times `priceScale`, computing the
    /// metrics `only` (every yearly line is recorded whatever they are).
    public mutating func run(priceScale: Double = 1, only selected: [PathMetric] = PathMetric.allCases) {
        let m = lanes.model, n = m.yearCount
        lanes.resetDrawnEntries(workspace)
        if !m.productIDs.isEmpty {
            for t in 0..<n { workspace.price[t] = Lanes(repeating: m.price[0, t] * priceScale) }
        }
        evaluate(only: selected)
    }

    /// Runs the pro forma with incentive `i` at `scales[i]` times its configured scale (1: as configured,
    /// 0: withdrawn) and the first product at its base price. The scales stay for later runs until set again.
    public mutating func run(incentiveScales scales: [Double], only selected: [PathMetric] = []) {
        let m = lanes.model
        precondition(scales.count == m.incentives.count, "one scale per incentive")
        for i in scales.indices { workspace.incentiveScale[i] = Lanes(repeating: m.incentiveScale[i] * scales[i]) }
        run(priceScale: 1, only: selected)
    }

    /// Runs the pro forma with uncertain input `k` at its `q`-quantile and every other input at its
    /// base value (`LaneModel.setOnly`); returns the input's level.
    mutating func run(input k: Int, quantile q: Double, only selected: [PathMetric]) -> (level: Double, kind: StochasticModel.LevelKind) {
        let level = lanes.setOnly(input: k, quantile: q, workspace)
        evaluate(only: selected)
        return level
    }

    private mutating func evaluate(only selected: [PathMetric]) {
        lanes.sizeSculptedLoan(workspace)
        let ws = workspace, lanes = lanes
        metrics.withUnsafeMutableBufferPointer { out in
            lanes.evaluateDrawn(ws, only: selected, into: out.baseAddress!)
        }
    }

    /// A metric of the last run (NaN where undefined).
    public func metric(_ metric: PathMetric) -> Double { metrics[metric.rawValue][0] }

    /// The yearly pro forma of the last run.
    public var yearly: Workspace { workspace.yearly(lane: 0, model: lanes.model) }
}
