/// What a run's result says about its first paths, re-evaluated once from their keys after the run
/// (`MonteCarloRunner.firstPaths`): the fan chart's yearly equity cash flows and each module's summary of
/// its per-path model (the hydrogen dispatch's yields). Both depend on the seed and the path count only, not
/// on threads, shards or the exact-quantile limit; the result JSON, the text summary and the report share
/// one instance, so the first paths (and their hourly dispatch) are evaluated once, not once per use.
public struct FirstPaths: Sendable {
    /// Each of the fan's paths' yearly equity cash flows (`[path][year]`, yuan), paths 0 up.
    public var equityCashFlows: [[Double]]
    /// Each module's summary of its first paths (empty when no module runs a model per path).
    public var moduleSummaries: [ModulePathSummary]
}
