extension MonteCarloRunner {
    /// The fan chart's equity cash flows over paths 0..<`fanPaths` and each module's summary of its first
    /// paths of a run of `summaryPaths` (at most the model's `summaryPathLimit`, and at most the study's
    /// paths, whose sampler draws them), from one evaluation of the longer of the two ranges: each path,
    /// with its module runs (the hourly dispatch of its weather), is evaluated once for both. A run that
    /// collected them (`run(…, collecting:)`) needs none of this.
    ///
    /// - Complexity: O(max(*fanPaths*, *summary paths*)) evaluations of a path (each with its module runs).
    func firstPaths(fanPaths: Int, summaryPaths: Int) -> FirstPaths {
        let collector = FirstPathsCollector(self, fanPaths: fanPaths, summaryPaths: summaryPaths)
        forEachGroup(of: 0..<collector.paths, recording: collector.fanPaths > 0, only: []) { first, lanes, ws, _ in
            collector.collect(first: first, lanes: lanes, ws)
        }
        return collector.firstPaths!
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
