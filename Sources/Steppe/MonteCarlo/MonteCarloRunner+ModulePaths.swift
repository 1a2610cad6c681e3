extension MonteCarloRunner {
    /// What each module's per-path model says about the first paths of a run of `paths` (at most its
    /// `summaryPathLimit`, and at most the study's paths, whose sampler draws them), from the records of
    /// the same paths' evaluation: they depend on the seed and the path count only, not on threads or shards.
    ///
    /// - Complexity: O(*paths*) evaluations of a path (each with its module runs).
    func modulePathSummaries(paths: Int) -> [ModulePathSummary] {
        lanes.pathModels.indices.compactMap { i in
            let model = lanes.pathModels[i].model
            return summary(of: model, index: i, paths: 0..<min(paths, identity.configuration.paths, model.summaryPathLimit))
        }
    }

    private func summary<Model: ModulePathModel>(of model: Model, index i: Int, paths: Range<Int>) -> ModulePathSummary? {
        model.summary(of: pathRecords(model: i, as: Model.Worker.self, paths: paths))
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
}
