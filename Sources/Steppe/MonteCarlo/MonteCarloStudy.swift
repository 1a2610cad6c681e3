/// A scenario prepared for Monte Carlo: its compiled model, its path drawer and its
/// uniform source, ready to run paths, shards and merges and to render their result.
public struct MonteCarloStudy: Sendable {
    public let scenarioText: String
    public let runner: MonteCarloRunner
    /// The scenario as read, for the base-case evaluation embedded in results.
    public let scenario: Scenario

    /// - Parameters:
    ///   - scenarioText: the scenario's source text (fingerprinted, and embedded in shard files).
    ///   - policyRisks: false runs the same draws with every incentive paid as configured (the
    ///     "without policy risk" study of `PolicyRiskComparison`); such a state is not a shard of
    ///     the study with policy risks, so do not merge the two.
    public init(scenario: Scenario, scenarioText: String, configuration: MonteCarloConfiguration,
                policyRisks: Bool = true) throws(ScenarioErrors) {
        let model = try scenario.compile()
        var drawer = try StochasticModel(scenario: scenario, model: model)
        drawer.appliesPolicyRisks = policyRisks
        let sampler = try Self.sampler(configuration, dimensions: drawer.dimension)
        self.scenarioText = scenarioText
        self.scenario = scenario
        runner = MonteCarloRunner(model: model, drawer: drawer, uniforms: sampler, configuration: configuration,
                                  scenarioText: scenarioText,
                                  pathModels: try ModulePathLanes.bind(scenario, model: model, drawer: drawer, runSeed: configuration.seed))
    }

    /// The configuration's sampler for `dimensions` uniforms per path; a sampler that cannot be built
    /// (a Sobol request beyond its table, say) is a scenario error.
    private static func sampler(_ configuration: MonteCarloConfiguration, dimensions: Int) throws(ScenarioErrors) -> any PathSampler {
        do {
            return try configuration.sampler.sampler(seed: configuration.seed, pathCount: configuration.paths, dimensions: dimensions)
        } catch {
            throw ScenarioErrors([ScenarioIssue(keyPath: "", message: error.description)])
        }
    }

    private init(scenario: Scenario, scenarioText: String, runner: MonteCarloRunner) {
        self.scenario = scenario; self.scenarioText = scenarioText; self.runner = runner
    }

    /// The same study with `paths` paths (`--until-se` doubles this way): the compiled model, the
    /// draws and the modules' per-path models (the paths' weather pool) are kept, so nothing is compiled or dispatched again; only the
    /// sampler, whose draws may depend on the path count, and the runner are new. Its runs equal
    /// those of a study built with `paths` from the start.
    public func withPaths(_ paths: Int) throws(ScenarioErrors) -> MonteCarloStudy {
        var configuration = runner.identity.configuration
        configuration.paths = paths
        let sampler = try Self.sampler(configuration, dimensions: runner.drawer.dimension)
        return MonteCarloStudy(scenario: scenario, scenarioText: scenarioText,
                               runner: MonteCarloRunner(model: runner.model, drawer: runner.drawer, uniforms: sampler, configuration: configuration,
                                                        scenarioText: scenarioText, pathModels: runner.lanes.pathModels))
    }

    /// The generator and sampler, named in every result.
    static func generatorDescription(_ c: MonteCarloConfiguration) -> String {
        let sampler: String
        switch c.sampler {
        case .random: sampler = "independent uniforms"
        case .latinHypercube: sampler = "Latin hypercube (keyed Feistel permutation per dimension)"
        case .sobol: sampler = "Sobol (Joe-Kuo new-joe-kuo-6.21201 directions, hash-based Owen scrambling)"
        }
        return "Philox4x32-10 counter-based generator, RandomStream mapping v1, keyed by (seed, path, dimension); sampler: \(sampler)"
    }

    /// Target and achieved rank correlations of the correlated inputs (first 10 000 paths); achieved is
    /// nil where undefined (`achievedCorrelationUndefined`).
    public var achievedCorrelations: [(first: String, second: String, target: Double, achieved: Double?)] {
        runner.drawer.achievedRankCorrelations(sampler: runner.uniforms)
    }

    /// Why an achieved rank correlation is undefined.
    public static let achievedCorrelationUndefined = "fewer than two paths, or an input constant over them"

    public var thresholds: [Double?] { PathMetric.allCases.map { runner.threshold($0) } }

    /// The result JSON of a state: the summary, the base case, the representative paths
    /// (with exact quantiles), the conventions, the fan of yearly equity cash flows
    /// (`equityCashFlowFan`) and the base case's full evaluation (`baseEvaluation`, the
    /// `steppe evaluate --format json` object, for reports: cash flows, modules, provenance).
    /// A merged state gives the same bytes as the unsharded run.
    public func resultJSON(_ state: RunState) -> JSONValue { resultJSON(state, firstPaths: firstPaths(state)) }

    /// The result JSON of `state` with its first paths' fan and module summaries already evaluated
    /// (`firstPaths(_:)`, which the text summary shares, so the paths are evaluated once).
    public func resultJSON(_ state: RunState, firstPaths: FirstPaths) -> JSONValue {
        let summary = MonteCarloSummary(state, thresholds: thresholds)
        let m = runner.model
        let baseValues = PathMetric.baseCase(m)
        let baseCase: JSONValue = .object(PathMetric.allCases.map { ($0.name, baseValues[$0.rawValue].isFinite ? .number(baseValues[$0.rawValue]) : .null) })
        var representatives = summary.representativePaths()
        if state.values == nil {
            // Sketched quantiles keep no path's value: the representatives are the paths nearest the
            // sketch's percentiles among the first `representativeCandidates`, re-evaluated from their keys
            // (so they depend on the seed and path count only, as the fan chart).
            let count = min(state.identity.configuration.paths, Self.representativeCandidates)
            let npv = runner.metricValues(.equityNPV, paths: 0..<count)
            representatives = summary.representativePaths(among: npv, firstPath: 0)
        }
        let representative: [JSONValue] = representatives.map { rep -> JSONValue in
            let ws = runner.evaluatePath(rep.path)
            return .object([
                ("percentile", .number(Double(rep.percentile))), ("path", .number(Double(rep.path))),
                ("equityNPV", .number(rep.equityNPV)),
                ("cashFlows", .array((0..<m.yearCount).map { t in
                    .object([("year", .number(Double(m.calendarYear(t)))), ("revenue", .number(ws.revenue[t])),
                             ("opex", .number(ws.opex[t])), ("incentives", .number(ws.incentives[t])),
                             ("tax", .number(ws.tax[t])), ("capex", .number(ws.capex[t])),
                             ("debtService", .number(ws.debtService[t])),
                             ("projectCashFlow", .number(ws.projectCashFlow[t])),
                             ("equityCashFlow", .number(ws.equityCashFlow[t]))])
                })),
            ])
        }
        var extra: [(String, JSONValue)] = [
            ("generator", .string(MonteCarloStudy.generatorDescription(state.identity.configuration))),
            ("rankCorrelations", .array(achievedCorrelations.map { pair in
                .object([("between", .array([.string(pair.first), .string(pair.second)])), ("target", .number(pair.target)),
                         ("achieved", pair.achieved.map { .number($0) } ?? .null)]
                        + (pair.achieved == nil ? [("achievedUndefined", .string(Self.achievedCorrelationUndefined))] : []))
            })),
            ("baseCase", baseCase),
            ("representativePaths", .array(representative)),
            ("conventions", .object(Conventions.lines(for: m).map { ($0.0, .string($0.1)) })),
            ("equityCashFlowFan", equityCashFlowFan(firstPaths.equityCashFlows)),
        ]
        let modules = firstPaths.moduleSummaries
        if !modules.isEmpty {
            // Which members are modules' summaries, whose `presentation` a report shows (`ModulePathPresentation`).
            extra.append(("modulePaths", .array(modules.map { .string($0.key) })))
            for module in modules { extra.append((module.key, module.json)) }
        }
        if let evaluation = try? scenario.evaluate() { extra.append(("baseEvaluation", evaluation.json)) }
        return summary.json(extra: extra)
    }

    /// The first paths of `state`'s run for the fan chart and the modules' summaries, which the result JSON
    /// and the text summary both show: as the run collected them (`collected`, from `firstPathsCollector`),
    /// or else evaluated once (each with its modules' runs).
    public func firstPaths(_ state: RunState, collected: FirstPathsCollector? = nil) -> FirstPaths {
        if let collected, collected.identity == state.identity, let first = collected.firstPaths { return first }
        let paths = state.identity.configuration.paths
        return runner.firstPaths(fanPaths: min(paths, Self.fanPaths), summaryPaths: paths)
    }

    /// A collector of this study's first paths for its run (`MonteCarloRunner.run(…, collecting:)`), so
    /// that `firstPaths` need not evaluate them again.
    public func firstPathsCollector() -> FirstPathsCollector {
        let paths = runner.identity.configuration.paths
        return FirstPathsCollector(runner, fanPaths: min(paths, Self.fanPaths), summaryPaths: paths)
    }

    /// What each module's per-path model (the hydrogen dispatch with drawn weather or plant) says about
    /// the first paths of a run of `paths` (`MonteCarloRunner.firstPaths`); empty when every path
    /// has the module's base lines.
    public func modulePathSummaries(paths: Int) -> [ModulePathSummary] {
        runner.firstPaths(fanPaths: 0, summaryPaths: paths).moduleSummaries
    }

    /// Paths re-evaluated for the fan chart.
    public static let fanPaths = 1000
    /// Paths among which representatives are chosen when quantiles are sketched.
    public static let representativeCandidates = 10_000

    /// Per-year percentiles (P10, P25, P50, P75, P90, exact, type 7) of the equity cash flow over the
    /// paths whose yearly flows are `flowsOfPaths` (`[path][year]`, path 0 first; `FirstPaths`):
    /// `{paths, years, p10, p25, p50, p75, p90}` (yuan). The paths are re-evaluated from their keys, so
    /// the fan depends on the seed and the path count only, not on threads, shards or the exact-quantile limit.
    func equityCashFlowFan(_ flowsOfPaths: [[Double]]) -> JSONValue {
        let m = runner.model
        var columns = [[Double]](repeating: [], count: m.yearCount)
        for flows in flowsOfPaths {
            for t in 0..<m.yearCount where flows[t].isFinite { columns[t].append(flows[t]) }
        }
        var members: [(String, JSONValue)] = [("paths", .number(Double(flowsOfPaths.count))),
                                              ("years", .array((0..<m.yearCount).map { .number(Double(m.calendarYear($0))) }))]
        for p in [10, 25, 50, 75, 90] {
            members.append(("p\(p)", .array(columns.map { c in
                c.isEmpty ? .null : .number(interpolatedQuantile(c.sorted(), Double(p) / 100))
            })))
        }
        return .object(members)
    }
}
