import Dispatch
import Foundation

/// Runs the pro forma over many paths in parallel and streams each path's metrics into
/// mergeable accumulators.
///
/// Work is split into fixed chunks of `chunkSize` paths; worker `w` of `T` runs chunks
/// `w, w+T, w+2T, …` with its own model copy and workspace, so the per-path loop
/// allocates nothing. Every accumulator is order-independent (see `MetricState`), so
/// the result does not depend on `threads`.
public struct MonteCarloRunner: Sendable {
    public let model: CompiledModel
    public let drawer: any PathDrawer
    public let uniforms: any PathSampler
    public let identity: RunState.Identity

    /// - Parameters:
    ///   - scenarioText: the scenario's source, fingerprinted so shards of different scenarios never merge.
    public init(model: CompiledModel, drawer: any PathDrawer, uniforms: any PathSampler,
                configuration: MonteCarloConfiguration, scenarioText: String) {
        self.model = model; self.drawer = drawer; self.uniforms = uniforms
        let base = PathMetric.baseCase(model)
        identity = RunState.Identity(
            scenarioName: model.name, scenarioFingerprint: fingerprint(scenarioText), configuration: configuration,
            shift: base.map { $0.isFinite ? $0 : 0 }, hurdleRate: configuration.hurdleRate ?? model.equityRate)
    }

    /// The threshold below which a metric's value counts towards its probability (nil: none).
    func threshold(_ metric: PathMetric) -> Double? {
        switch metric {
        case .equityNPV, .projectNPV: return 0
        case .equityIRR: return identity.hurdleRate
        case .projectIRR: return model.projectRate
        case .minDSCR: return identity.configuration.dscrCovenant
        case .paybackYears, .levelizedCost: return nil
        }
    }

    /// Runs the paths of `shard` (all paths without one) on `threads` workers.
    ///
    /// - Parameters:
    ///   - progress: called after each chunk with the number of paths finished so far.
    ///   - isCancelled: polled before each chunk; a cancelled run returns a partial state.
    public func run(shard: Shard? = nil, threads: Int = 1,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) -> RunState {
        let config = identity.configuration
        let chunks = (shard ?? Shard(index: 1, count: 1)!).chunks(of: config.chunkCount)
        let firstPath = chunks.lowerBound * config.chunkSize
        let endPath = min(chunks.upperBound * config.chunkSize, config.paths)
        let pathCount = max(0, endPath - firstPath)
        let metricCount = PathMetric.allCases.count
        let exact = config.exactQuantiles
        let workers = max(1, min(threads, chunks.count))
        let shared = SharedRunBuffers(values: exact ? metricCount * pathCount : 0, workers: workers)
        let thresholds = PathMetric.allCases.map { threshold($0) ?? -.infinity }
        let shift = identity.shift
        let base = model, drawer = drawer, uniforms = uniforms
        let selected = config.metrics
        let projectCashFlows = selected.contains { $0.needsProjectCashFlow }

        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var m = base
            var ws = Workspace(for: base)
            // Plain buffers, so the per-path calls below capture nothing and copy nothing.
            let u = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(drawer.dimension, 1))
            let uniformsOfPath = UnsafeMutableBufferPointer(rebasing: u[0..<drawer.dimension])
            let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: metricCount)
            u.initialize(repeating: 0.5); out.initialize(repeating: 0)
            defer { u.deallocate(); out.deallocate() }
            var states = (0..<metricCount).map { _ in MetricState(sketch: !exact) }
            var partials = [ChunkPartial](repeating: ChunkPartial(), count: metricCount)
            var completed = 0
            var chunk = chunks.lowerBound + w
            while chunk < chunks.upperBound {
                if isCancelled?() == true { break }
                let start = chunk * config.chunkSize, end = min(start + config.chunkSize, config.paths)
                for path in start..<end {
                    uniforms.fill(path: path, into: uniformsOfPath)
                    drawer.apply(uniformsOfPath, to: &m)
                    ProFormaEngine.run(m, &ws, projectCashFlows: projectCashFlows)
                    PathMetric.compute(m, ws, into: out, only: selected)
                    for metric in selected {
                        let k = metric.rawValue
                        let x = out[k]
                        if exact { shared.values[k * pathCount + (path - firstPath)] = x }
                        guard x.isFinite else { states[k].undefined += 1; continue }
                        states[k].defined += 1
                        partials[k].add(x - shift[k])
                        if x < states[k].minimum { states[k].minimum = x }
                        if x > states[k].maximum { states[k].maximum = x }
                        if x < thresholds[k] { states[k].below += 1 }
                        if !exact { states[k].sketch!.add(x) }
                    }
                }
                for k in 0..<metricCount { partials[k].flush(into: &states[k]) }
                completed += end - start
                shared.finish(worker: w, paths: end - start, progress: progress)
                chunk += workers
            }
            shared.store(worker: w, states: states, completed: completed)
        }

        var metrics = (0..<metricCount).map { _ in MetricState(sketch: !exact) }
        var completed = 0
        for w in 0..<workers {
            let (states, done) = shared.result(worker: w)
            for k in 0..<metricCount { metrics[k].merge(states[k]) }
            completed += done
        }
        let values: [[Double]]? = exact
            ? (0..<metricCount).map { k in Array(UnsafeBufferPointer(start: shared.values + k * pathCount, count: pathCount)) }
            : nil
        return RunState(identity: identity, ranges: pathCount > 0 ? [firstPath..<endPath] : [],
                        completedPaths: completed, metrics: metrics, values: values)
    }

    /// The full pro forma of path `path` (for representative paths in reports).
    public func evaluatePath(_ path: Int) -> Workspace {
        var m = model
        var ws = Workspace(for: model)
        var u = [Double](repeating: 0.5, count: drawer.dimension)
        u.withUnsafeMutableBufferPointer {
            uniforms.fill(path: path, into: $0)
            drawer.apply($0, to: &m)
        }
        ProFormaEngine.run(m, &ws)
        return ws
    }
}

/// Buffers the workers share. Each worker writes only its own result slot and the values of
/// its own paths, so there are no data races; the lock guards the progress counter.
final class SharedRunBuffers: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>
    private let lock = NSLock()
    private let results: SharedResults<([MetricState], Int)>
    private var finished = 0

    init(values count: Int, workers: Int) {
        values = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        values.initialize(repeating: .nan, count: max(count, 1))
        results = SharedResults(count: workers)
    }

    deinit { values.deallocate() }

    func finish(worker: Int, paths: Int, progress: (@Sendable (Int) -> Void)?) {
        lock.lock()
        finished += paths
        let total = finished
        lock.unlock()
        progress?(total)
    }

    func store(worker: Int, states: [MetricState], completed: Int) {
        results[worker] = (states, completed)
    }

    func result(worker: Int) -> ([MetricState], Int) { results[worker]! }
}
