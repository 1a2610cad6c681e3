import Dispatch
import Foundation

/// Runs the pro forma over many paths in parallel and streams each path's metrics into
/// mergeable accumulators.
///
/// Work is split into fixed chunks of `chunkSize` paths (a shard is a contiguous run of whole
/// chunks, `MonteCarloConfiguration.paths(of:)`); each worker claims the next unclaimed chunk when
/// it is free and runs it with its own model copy and workspace, so the per-path loop allocates
/// nothing. Every accumulator is order-independent (see `MetricState`), so the result does not
/// depend on `threads` or on which worker ran which chunk.
public struct MonteCarloRunner: Sendable {
    public let model: CompiledModel
    public let drawer: StochasticModel
    public let uniforms: any PathSampler
    public let identity: RunState.Identity
    /// The engine's form of the model and its draws (eight paths per step).
    public let lanes: LaneModel

    /// - Parameters:
    ///   - scenarioText: the scenario's source, fingerprinted so shards of different scenarios never merge.
    ///   - pathModels: the modules' own models each path runs (the hydrogen dispatch with its weather and plant).
    init(model: CompiledModel, drawer: StochasticModel, uniforms: any PathSampler,
         configuration: MonteCarloConfiguration, scenarioText: String, pathModels: [ModulePathLanes]) {
        // The sampler's path count is part of its draws (LHS strata, Sobol points): it must be the run's.
        precondition(uniforms.pathCount == configuration.paths,
                     "the sampler is built for \(uniforms.pathCount) paths, the run has \(configuration.paths)")
        self.model = model; self.drawer = drawer; self.uniforms = uniforms
        let base = PathMetric.baseCase(model)
        identity = RunState.Identity(
            scenarioName: model.name, scenarioFingerprint: fingerprint(scenarioText), configuration: configuration,
            shift: base.map { $0.isFinite ? $0 : 0 }, hurdleRate: configuration.hurdleRate ?? model.equityRate)
        lanes = LaneModel(model: model, drawer: drawer, pathModels: pathModels)
    }

    public init(model: CompiledModel, drawer: StochasticModel, uniforms: any PathSampler,
                configuration: MonteCarloConfiguration, scenarioText: String) {
        self.init(model: model, drawer: drawer, uniforms: uniforms, configuration: configuration, scenarioText: scenarioText, pathModels: [])
    }

    /// The threshold below which a metric's value counts towards its probability (nil: none).
    func threshold(_ metric: PathMetric) -> Double? {
        switch metric {
        case .equityNPV, .projectNPV: return 0
        case .equityIRR: return identity.hurdleRate
        case .projectIRR: return model.projectRate
        case .minDSCR: return identity.configuration.dscrCovenant
        case .paybackYears, .equityPaybackYears, .levelizedCost: return nil
        }
    }

    /// Runs the paths of `shard` (all paths without one) on `threads` workers.
    ///
    /// - Parameters:
    ///   - progress: called after each chunk with the number of paths finished so far.
    ///   - isCancelled: polled before each chunk; a cancelled run returns a partial state.
    ///   - collecting: keeps what the result shows of the first paths as the loop runs them
    ///     (`MonteCarloStudy.firstPathsCollector`), so that they need not be evaluated again.
    public func run(shard: Shard? = nil, threads: Int = 1,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil, collecting collector: FirstPathsCollector? = nil) -> RunState {
        run(chunks: identity.configuration.chunks(of: shard), threads: threads, progress: progress, isCancelled: isCancelled,
            collecting: collector)
    }

    /// The paths `shard` runs (all of them without one): its whole chunks, the last cut at the path count.
    public func paths(of shard: Shard?) -> Range<Int> { identity.configuration.paths(of: shard) }

    /// The paths a run that continues `earlier` still has to run, or nil when it must run every path:
    /// the continued state is this runner's full run to the bit only if `earlier` ran whole chunks
    /// from path 0 (a chunk's partial sums are plain doubles, so chunk boundaries fix the bits) and a
    /// path's draws do not depend on the path count (`SamplingMethod.drawsDependOnPathCount`).
    public func pathsAfter(_ earlier: RunState) -> Range<Int>? {
        let config = identity.configuration, before = earlier.identity.configuration
        var sameStudy = earlier.identity
        sameStudy.configuration.paths = config.paths
        guard sameStudy == identity, !config.sampler.drawsDependOnPathCount, !earlier.isPartial,
              earlier.ranges == [0..<before.paths], before.paths % config.chunkSize == 0, before.paths <= config.paths,
              (earlier.values != nil) == config.exactQuantiles else { return nil }
        return before.paths..<config.paths
    }

    /// This runner's full run, continuing `earlier` (a run of the same study with fewer paths) when
    /// `pathsAfter` allows, so only the new paths run; otherwise every path runs.
    public func run(continuing earlier: RunState, threads: Int = 1,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) -> RunState {
        guard let rest = pathsAfter(earlier) else { return run(threads: threads, progress: progress, isCancelled: isCancelled) }
        let chunkSize = identity.configuration.chunkSize
        let later = run(chunks: (rest.lowerBound / chunkSize)..<identity.configuration.chunkCount, threads: threads,
                        progress: progress, isCancelled: isCancelled)
        var relabelled = earlier
        relabelled.identity = identity
        // `pathsAfter` checked that the two tile 0..<paths without overlap, so joining cannot fail; an
        // interrupted `later` gives a partial state over all the paths, as an interrupted run does.
        return (try? RunState.joining([relabelled, later])) ?? later
    }

    /// Runs the paths of `chunks` (whole chunks, the last cut at the path count).
    func run(chunks: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)?,
             isCancelled: (@Sendable () -> Bool)?, collecting collector: FirstPathsCollector? = nil) -> RunState {
        let config = identity.configuration
        let first = chunks.lowerBound * config.chunkSize
        let paths = first..<max(first, min(chunks.upperBound * config.chunkSize, config.paths))
        let firstPath = paths.lowerBound, pathCount = paths.count
        let metricCount = PathMetric.allCases.count
        let exact = config.exactQuantiles
        let workers = max(1, min(threads, chunks.count))
        let shared = SharedRunBuffers(values: exact ? metricCount * pathCount : 0, workers: workers, chunks: chunks)
        let thresholds = PathMetric.allCases.map { threshold($0) ?? -.infinity }
        let shift = identity.shift
        let uniforms = uniforms, dimension = drawer.dimension
        let selected = config.metrics

        let lanes = lanes
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let laneWorkspace = LaneWorkspace(lanes)
            // The first paths' groups, when collected, run in a recording workspace (the fan reads each
            // year's equity cash flow; the metrics are the same), made once by the worker that needs it.
            var recordingWorkspace: LaneWorkspace?
            // Plain buffers, so the per-path calls below capture nothing and copy nothing.
            let laneUniforms = UnsafeMutablePointer<Lanes>.allocate(capacity: max(dimension, 1))
            let laneUniformsOfPaths = UnsafeMutableBufferPointer(start: laneUniforms, count: dimension)
            let laneOut = UnsafeMutablePointer<Lanes>.allocate(capacity: metricCount)
            laneUniforms.initialize(repeating: Lanes(repeating: 0.5), count: max(dimension, 1))
            laneOut.initialize(repeating: .zero, count: metricCount)
            defer { laneUniforms.deallocate(); laneOut.deallocate() }
            let recorder = PathRecorder(metricCount: metricCount, exact: exact, thresholds: thresholds, shift: shift,
                                        values: shared.values, pathCount: pathCount, firstPath: firstPath)
            var completed = 0
            // Each worker claims the next chunk when it is free, so a slower core takes fewer chunks; which
            // worker runs a chunk changes no result (every accumulator is order-independent).
            while isCancelled?() != true, let chunk = shared.claimChunk() {
                let start = chunk * config.chunkSize, end = min(start + config.chunkSize, config.paths)
                // Eight consecutive paths per step; lanes past the chunk's end are computed and ignored.
                for first in stride(from: start, to: end, by: Lanes.scalarCount) {
                    uniforms.fillLanes(firstPath: first, into: laneUniformsOfPaths)
                    if let collector, collector.wants(groupAt: first) {
                        let ws = recordingWorkspace ?? LaneWorkspace(lanes, recording: true)
                        recordingWorkspace = ws
                        lanes.evaluate(laneUniforms, ws, firstPath: first, only: selected, into: laneOut)
                        collector.collect(first: first, lanes: min(Lanes.scalarCount, end - first), ws)
                    } else {
                        lanes.evaluate(laneUniforms, laneWorkspace, firstPath: first, only: selected, into: laneOut)
                    }
                    for j in 0..<min(Lanes.scalarCount, end - first) {
                        for metric in selected { recorder.record(laneOut[metric.rawValue][j], metric: metric.rawValue, path: first + j) }
                    }
                }
                recorder.flushChunk()
                completed += end - start
                shared.finish(worker: w, paths: end - start, progress: progress)
            }
            shared.store(worker: w, states: recorder.finish(), completed: completed)
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
        return RunState(identity: identity, ranges: pathCount > 0 ? [paths] : [],
                        completedPaths: completed, metrics: metrics, values: values)
    }

    /// The full pro forma of path `path` (for representative paths in reports). Its modules' per-path
    /// models (the hourly dispatch) run once, for its lane, not for the seven paths after it.
    public func evaluatePath(_ path: Int) -> Workspace {
        var result: Workspace?
        forEachGroup(of: path..<(path + 1), recording: true, only: [], samePathInEveryLane: true) { _, _, ws, _ in
            result = ws.yearly(lane: 0, model: model)
        }
        return result!
    }

    /// The full pro forma of each path of `paths` (representative paths in reports), eight per step.
    public func evaluatePaths(_ paths: Range<Int>) -> [Workspace] {
        var result: [Workspace] = []
        result.reserveCapacity(paths.count)
        forEachGroup(of: paths, recording: true, only: []) { _, count, ws, _ in
            for j in 0..<count { result.append(ws.yearly(lane: j, model: model)) }
        }
        return result
    }

    /// Each path's value of `metric` over `paths` (NaN where undefined), the value the run records for it.
    public func metricValues(_ metric: PathMetric, paths: Range<Int>) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(paths.count)
        forEachGroup(of: paths, recording: false, only: [metric]) { _, count, _, out in
            for j in 0..<count { result.append(out[metric.rawValue][j]) }
        }
        return result
    }

    /// Evaluates `paths` eight per step and hands each group to `body` (its first path, how many of its
    /// lanes are paths of the range, the workspace and the metrics' lanes). Lanes past the last path get
    /// uniforms of 0.5: lanes do not interact. With `samePathInEveryLane` the modules' per-path models run
    /// each group's first path only, and write it into every lane (read lane 0 only).
    func forEachGroup(of paths: Range<Int>, recording: Bool, only selected: [PathMetric], samePathInEveryLane: Bool = false,
                      _ body: (Int, Int, LaneWorkspace, UnsafeMutablePointer<Lanes>) -> Void) {
        let ws = LaneWorkspace(lanes, recording: recording)
        let dimension = drawer.dimension
        let u = UnsafeMutablePointer<Lanes>.allocate(capacity: max(dimension, 1))
        let out = UnsafeMutablePointer<Lanes>.allocate(capacity: PathMetric.allCases.count)
        defer { u.deallocate(); out.deallocate() }
        u.initialize(repeating: Lanes(repeating: 0.5), count: max(dimension, 1))
        out.initialize(repeating: .zero, count: PathMetric.allCases.count)
        for first in stride(from: paths.lowerBound, to: paths.upperBound, by: Lanes.scalarCount) {
            uniforms.fillLanes(firstPath: first, into: UnsafeMutableBufferPointer(start: u, count: dimension))
            lanes.evaluate(u, ws, firstPath: first, samePathInEveryLane: samePathInEveryLane, only: selected, into: out)
            body(first, min(Lanes.scalarCount, paths.upperBound - first), ws, out)
        }
    }
}

/// One worker's running state of every metric: each path's value goes to the exact-quantile
/// buffer (when kept) and to the metric's counts, extremes, per-chunk partial sums and sketch, in path order.
///
/// The per-path part works on plain buffers (no array copy-on-write checks per value); `states`
/// gathers it exactly: sums at the end of each chunk (`flushChunk`), so they do not depend on the
/// worker, and counts, extremes and sketches when the worker is done.
final class PathRecorder {
    /// Counts, extremes and the chunk's partial sums of `x - shift` and of its square, for one metric.
    struct Running {
        var defined = 0, undefined = 0, below = 0
        var minimum = Double.infinity, maximum = -Double.infinity
        var partial = ChunkPartial()
    }
    private var states: [MetricState]
    private let running: UnsafeMutableBufferPointer<Running>
    private let sketches: SketchCounters?
    private let thresholds: UnsafeMutableBufferPointer<Double>
    private let shift: UnsafeMutableBufferPointer<Double>
    private let exact: Bool
    private let values: UnsafeMutablePointer<Double>
    private let pathCount: Int
    private let firstPath: Int

    init(metricCount: Int, exact: Bool, thresholds: [Double], shift: [Double], values: UnsafeMutablePointer<Double>,
         pathCount: Int, firstPath: Int) {
        states = (0..<metricCount).map { _ in MetricState(sketch: false) }
        running = .allocate(capacity: metricCount)
        running.initialize(repeating: Running())
        sketches = exact ? nil : SketchCounters(metricCount: metricCount)
        self.thresholds = .allocate(capacity: metricCount)
        _ = self.thresholds.initialize(from: thresholds)
        self.shift = .allocate(capacity: metricCount)
        _ = self.shift.initialize(from: shift)
        self.exact = exact; self.values = values; self.pathCount = pathCount; self.firstPath = firstPath
    }

    deinit {
        running.deallocate()
        thresholds.deallocate(); shift.deallocate()
    }

    @inline(__always)
    func record(_ x: Double, metric k: Int, path: Int) {
        // The lane engine's values come here unchecked: one beyond `PathMetric.largestMagnitude` is undefined too.
        let accountable = PathMetric.isAccountable(x)
        if exact { values[k * pathCount + (path - firstPath)] = accountable ? x : .nan }
        let r = running.baseAddress! + k
        guard accountable else { r.pointee.undefined += 1; return }
        r.pointee.defined += 1
        r.pointee.partial.add(x - shift[k])
        // Selections, not branches: whether a path falls below a threshold is a coin toss for the predictor.
        // Extremes of x + 0, which is +0 for -0: which zero is first then matters nowhere, so extremes,
        // like every other accumulator, do not depend on the order in which chunks are run.
        let extreme = x + 0
        r.pointee.minimum = extreme < r.pointee.minimum ? extreme : r.pointee.minimum
        r.pointee.maximum = extreme > r.pointee.maximum ? extreme : r.pointee.maximum
        r.pointee.below += x < thresholds[k] ? 1 : 0
        sketches?.add(x, metric: k)
    }

    /// Adds the chunk's partial sums to the states (at the end of each chunk, so sums do not depend on the worker).
    func flushChunk() {
        for k in states.indices { running[k].partial.flush(into: &states[k]) }
    }

    /// Every metric's state over the worker's paths (after the last `flushChunk`).
    func finish() -> [MetricState] {
        for k in states.indices {
            let r = running[k]
            states[k].defined += r.defined; states[k].undefined += r.undefined; states[k].below += r.below
            states[k].minimum = min(states[k].minimum, r.minimum); states[k].maximum = max(states[k].maximum, r.maximum)
            if let sketches { states[k].sketch = sketches.sketch(k) }
        }
        return states
    }
}

/// Buffers the workers share. Each worker writes only its own result slot and the values of
/// its own paths, so there are no data races; the lock guards the next chunk and the progress counter.
final class SharedRunBuffers: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>
    private let lock = NSLock()
    private let results: SharedResults<([MetricState], Int)>
    private var finished = 0
    private var nextChunk: Int
    private let endChunk: Int

    init(values count: Int, workers: Int, chunks: Range<Int>) {
        values = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        values.initialize(repeating: .nan, count: max(count, 1))
        results = SharedResults(count: workers)
        nextChunk = chunks.lowerBound
        endChunk = chunks.upperBound
    }

    /// The next chunk no worker has claimed, or nil when none is left.
    func claimChunk() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextChunk < endChunk else { return nil }
        nextChunk += 1
        return nextChunk - 1
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
