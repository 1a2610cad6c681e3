extension MonteCarloRunner {
    /// The fan chart's equity cash flows over paths 0..<`fanPaths` and each module's summary of its first
    /// paths of a run of `summaryPaths` (at most the model's `summaryPathLimit`, and at most the study's
    /// paths, whose sampler draws them), from one evaluation of the longer of the two ranges: each path,
    /// with its module runs (the hourly dispatch of its weather), is evaluated once for both.
    ///
    /// - Complexity: O(max(*fanPaths*, *summary paths*)) evaluations of a path (each with its module runs).
    func firstPaths(fanPaths: Int, summaryPaths: Int) -> FirstPaths {
        let fanCount = max(0, min(fanPaths, identity.configuration.paths))
        var collectors = lanes.pathModels.indices.map { i in
            collector(of: lanes.pathModels[i].model, index: i,
                      paths: max(0, min(summaryPaths, identity.configuration.paths, lanes.pathModels[i].model.summaryPathLimit)))
        }
        var flows: [[Double]] = []
        flows.reserveCapacity(fanCount)
        let years = model.yearCount
        let count = collectors.reduce(fanCount) { max($0, $1.paths) }
        // Recording: the fan reads each year's equity cash flow; the modules' records do not depend on it.
        forEachGroup(of: 0..<count, recording: fanCount > 0, only: []) { first, lanesInRange, ws, _ in
            for j in 0..<lanesInRange where first + j < fanCount { flows.append((0..<years).map { ws.equityCashFlow[$0][j] }) }
            for k in collectors.indices { collectors[k].collect(first: first, lanes: lanesInRange, ws) }
        }
        return FirstPaths(equityCashFlows: flows, moduleSummaries: collectors.compactMap { $0.summary() })
    }

    /// The records module path model `i` keeps of `paths` (`[path]`), as the evaluation of the same paths
    /// runs them (their weather and plant).
    func pathRecords<Worker: ModulePathWorker>(model i: Int, as _: Worker.Type, paths: Range<Int>) -> [Worker.Record] {
        var result: [Worker.Record] = []
        result.reserveCapacity(paths.count)
        forEachGroup(of: paths, recording: false, only: []) { _, count, ws, _ in
            guard let worker = ws.pathWorkers[i] as? Worker else { return }
            for j in 0..<count { result.append(worker.record(lane: j)) }
        }
        return result
    }

    private func collector<Model: ModulePathModel>(of model: Model, index i: Int, paths: Int) -> any ModuleRecordCollector {
        TypedRecordCollector<Model>(model: model, index: i, paths: paths)
    }
}

/// Gathers one module path model's records of paths 0..<`paths` while the first paths are evaluated, and
/// makes its summary of them.
private protocol ModuleRecordCollector {
    var paths: Int { get }
    /// Keeps the records of the group's lanes whose paths (`first + j`, `j < lanes`) are below `paths`.
    mutating func collect(first: Int, lanes: Int, _ ws: LaneWorkspace)
    func summary() -> ModulePathSummary?
}

private struct TypedRecordCollector<Model: ModulePathModel>: ModuleRecordCollector {
    let model: Model
    let index: Int
    let paths: Int
    var records: [Model.Worker.Record] = []

    init(model: Model, index: Int, paths: Int) {
        self.model = model; self.index = index; self.paths = paths
        records.reserveCapacity(paths)
    }

    mutating func collect(first: Int, lanes: Int, _ ws: LaneWorkspace) {
        guard first < paths, let worker = ws.pathWorkers[index] as? Model.Worker else { return }
        for j in 0..<lanes where first + j < paths { records.append(worker.record(lane: j)) }
    }

    /// The model's summary of the records kept; nil when it has nothing to say.
    func summary() -> ModulePathSummary? { model.summary(of: records) }
}
