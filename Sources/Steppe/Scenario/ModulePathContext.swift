/// What a module's per-path model is built from (`ScenarioModule.pathModel(_:)`): the scenario, the compiled
/// model's calendar, the run's seed and the module's own numbers each path draws.
public struct ModulePathContext: Sendable {
    /// A number of the module's own model drawn per path (`ModuleUncertainInput.Drives.ownParameter`).
    public struct OwnParameterDraw: Sendable {
        /// Key path under the module's section (`ModuleUncertainInput.field`), e.g. `electrolyser.capacityMW`.
        public var field: String
        /// The dimension of the path's uniforms the draw takes.
        public var dimension: Int
        let quantile: PreparedQuantile

        init(field: String, dimension: Int, quantile: PreparedQuantile) {
            self.field = field; self.dimension = dimension; self.quantile = quantile
        }

        /// The number drawn from uniform `u` (its distribution's `u`-quantile).
        @inline(__always)
        public func value(uniform u: Double) -> Double { quantile.quantile(u) }
    }

    /// The scenario as read, its modules prepared.
    public var scenario: Scenario
    /// The first project year (calendar year), the number of project years, and the index of the first
    /// operating year among them: the years a `ModulePathLine` indexes.
    public var startYear: Int, yearCount: Int, operationStart: Int
    /// The Monte Carlo run's seed, which keys what the module draws itself (a path's weather years).
    public var runSeed: UInt64
    /// The module's own numbers each path draws, in the order of the study's inputs.
    public var ownParameterDraws: [OwnParameterDraw]

    init(scenario: Scenario, startYear: Int, yearCount: Int, operationStart: Int, runSeed: UInt64,
         ownParameterDraws: [OwnParameterDraw]) {
        self.scenario = scenario; self.startYear = startYear; self.yearCount = yearCount
        self.operationStart = operationStart; self.runSeed = runSeed; self.ownParameterDraws = ownParameterDraws
    }
}
