extension MonteCarloStudy {
    /// The tornado of the equity NPV for the run's report (`tornado` and `tornadoBase` of the result
    /// JSON): each uncertain input at its P10 and P90 with the others at base, labelled by
    /// `Scenario.inputLabel`; nil without uncertain inputs.
    ///
    /// Why here and one at a time: the run keeps no path's inputs, so the paths cannot be
    /// rank-correlated with their NPV without slowing the hot loop; two pro forma runs per input
    /// cost milliseconds, after the run, and say what an @RISK user looks for first (issue 25).
    public var equityNPVTornado: (bars: JSONValue, base: Double?)? {
        let drawer = runner.drawer
        guard drawer.inputCount > 0 else { return nil }
        let tornado = Tornado(drawer: drawer, metric: .equityNPV, pathModels: runner.lanes.pathModels)
        let report = SensitivityReport(scenarioName: scenario.name, metric: .equityNPV, baseValue: tornado.baseValue,
                                       tornado: tornado.bars(), spider: nil, sobol: nil, scenario: scenario)
        guard let bars = report.json["tornado"] else { return nil }
        return (bars, tornado.baseValue)
    }
}
