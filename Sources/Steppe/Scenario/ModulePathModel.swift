/// A module's own model run on each Monte Carlo path (the hydrogen plant's hourly dispatch with the path's
/// weather and plant), whose results replace the lines the module contributes, in that path's lane.
///
/// The module owns the model and its results; the engine only binds the lines to the compiled rows, gives
/// each worker thread its own `Worker`, and copies the values a path's run writes into the path's lane.
/// A path's lines must equal those the module contributes to a deterministic evaluation of the same
/// inputs (the weather years and numbers the path drew), so a path equals a direct evaluation.
public protocol ModulePathModel: Sendable {
    associatedtype Worker: ModulePathWorker

    /// The lines a path's run writes, in the order written: values go to `values[line × yearCount + year]`.
    var lines: [ModulePathLine] { get }
    /// Whether the path's own numbers are drawn (false: only what the module draws itself, the weather, varies,
    /// and the base case's lines are the compiled ones).
    var drawsOwnParameters: Bool { get }
    /// The module as it contributes without the capex its `capex` lines write (nil: it writes none), so that
    /// the engine compiles the capex those lines add to.
    var moduleWithoutPathCapex: (any ScenarioModule)? { get }
    /// Paths a summary takes at most (its percentiles are exact over the first paths).
    var summaryPathLimit: Int { get }
    /// What the model draws itself, keyed by path rather than by the study's uniforms (the hydrogen plant's
    /// weather years), named as one input of a variance decomposition; nil when it draws nothing itself.
    var drawnByPath: String? { get }

    /// One worker's model and buffers, made once per worker thread (the per-path run allocates nothing).
    func makeWorker() -> Worker
    /// What the paths whose records are `records` (path 0 first) did; nil when there is nothing to say.
    func summary(of records: [Worker.Record]) -> ModulePathSummary?
}

/// One worker thread's copy of a module's per-path model, with the records of the eight paths it last ran.
public protocol ModulePathWorker: AnyObject {
    /// What one path's run leaves for the summary (e.g. its dispatch years).
    associatedtype Record: Sendable

    /// Runs `path`, whose uniform of dimension `d` (after the copula) is `uniform(d)`, writes its lines'
    /// values into `values` and keeps what it ran as lane `lane`'s record. No allocation.
    func run(path: Int, lane: Int, uniform: (Int) -> Double, into values: UnsafeMutableBufferPointer<Double>)
    /// Runs the base case with its own number `field` set to `value` (nil: none set), for one input at a
    /// time (tornado and spider diagrams), into `values`.
    func runBase(setting field: String?, to value: Double, into values: UnsafeMutableBufferPointer<Double>)
    /// Lane `lane`'s record of its last run.
    func record(lane: Int) -> Record
}
