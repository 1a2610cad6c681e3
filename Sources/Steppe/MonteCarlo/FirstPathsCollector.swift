/// Gathers what a run's result shows of its first paths (`FirstPaths`: the fan chart's equity cash flows,
/// each module's records for its summary) from evaluations of groups of eight paths, wherever they run:
/// in the Monte Carlo loop, by the worker that runs their chunk (`MonteCarloRunner.run(…, collecting:)`),
/// or after the run (`MonteCarloRunner.firstPaths`). Each path is written once, at its own index, so
/// workers write without a lock; read `firstPaths` only after the writers are done.
public final class FirstPathsCollector: @unchecked Sendable {
    /// Paths whose yearly equity cash flows are kept (the fan's).
    let fanPaths: Int
    /// Paths 0..<`paths` are collected: the fan's and every module's summary's.
    let paths: Int
    private let years: Int
    private let flows: UnsafeMutablePointer<Double>
    private let collected: UnsafeMutablePointer<Bool>
    private let stores: [any ModuleRecordStore]
    /// The run whose paths are collected (a state of another run cannot use them).
    let identity: RunState.Identity

    /// - Parameters:
    ///   - fanPaths: paths of the fan chart (at most the study's paths).
    ///   - summaryPaths: paths of a run whose module summaries are made (each module takes at most its
    ///     `summaryPathLimit`, and at most the study's paths).
    init(_ runner: MonteCarloRunner, fanPaths: Int, summaryPaths: Int) {
        let studyPaths = runner.identity.configuration.paths
        identity = runner.identity
        self.fanPaths = max(0, min(fanPaths, studyPaths))
        years = runner.model.yearCount
        stores = runner.lanes.pathModels.indices.map { i in
            let model = runner.lanes.pathModels[i].model
            return Self.store(of: model, index: i, paths: max(0, min(summaryPaths, studyPaths, model.summaryPathLimit)))
        }
        paths = stores.reduce(self.fanPaths) { max($0, $1.paths) }
        flows = .allocate(capacity: max(1, self.fanPaths * years))
        flows.initialize(repeating: .nan, count: max(1, self.fanPaths * years))
        collected = .allocate(capacity: max(1, paths))
        collected.initialize(repeating: false, count: max(1, paths))
    }

    deinit { flows.deallocate(); collected.deallocate() }

    private static func store<Model: ModulePathModel>(of model: Model, index: Int, paths: Int) -> any ModuleRecordStore {
        TypedRecordStore<Model>(model: model, index: index, paths: paths)
    }

    /// Whether the group of paths `first ..< first + 8` holds a path to collect.
    @inline(__always)
    func wants(groupAt first: Int) -> Bool { first < paths }

    /// Keeps what the evaluation in `ws` (recording: the fan reads each year's equity cash flow) shows of
    /// the group's lanes `0..<lanes`, paths `first + j`, that are collected.
    func collect(first: Int, lanes: Int, _ ws: LaneWorkspace) {
        for j in 0..<lanes where first + j < paths {
            let path = first + j
            if path < fanPaths {
                for t in 0..<years { flows[path * years + t] = ws.equityCashFlow[t][j] }
            }
            for store in stores { store.keep(path: path, lane: j, ws) }
            collected[path] = true
        }
    }

    /// The first paths' fan flows and module summaries, or nil unless every path to collect was collected
    /// (a run interrupted, or one that ran other chunks).
    var firstPaths: FirstPaths? {
        guard (0..<paths).allSatisfy({ collected[$0] }) else { return nil }
        return FirstPaths(equityCashFlows: (0..<fanPaths).map { p in Array(UnsafeBufferPointer(start: flows + p * years, count: years)) },
                          moduleSummaries: stores.compactMap { $0.summary() })
    }
}

/// One module path model's records of paths 0..<`paths`, by path.
private protocol ModuleRecordStore: AnyObject {
    var paths: Int { get }
    /// Keeps lane `lane`'s record as path `path`'s, if below `paths`.
    func keep(path: Int, lane: Int, _ ws: LaneWorkspace)
    /// The model's summary of the records (path 0 first); nil when it has nothing to say.
    func summary() -> ModulePathSummary?
}

private final class TypedRecordStore<Model: ModulePathModel>: ModuleRecordStore {
    let model: Model
    let index: Int
    let paths: Int
    private let records: UnsafeMutablePointer<Model.Worker.Record?>

    init(model: Model, index: Int, paths: Int) {
        self.model = model; self.index = index; self.paths = paths
        records = .allocate(capacity: max(1, paths))
        records.initialize(repeating: nil, count: max(1, paths))
    }

    deinit {
        records.deinitialize(count: max(1, paths))
        records.deallocate()
    }

    func keep(path: Int, lane: Int, _ ws: LaneWorkspace) {
        guard path < paths, let worker = ws.pathWorkers[index] as? Model.Worker else { return }
        records[path] = worker.record(lane: lane)
    }

    func summary() -> ModulePathSummary? { model.summary(of: (0..<paths).compactMap { records[$0] }) }
}
