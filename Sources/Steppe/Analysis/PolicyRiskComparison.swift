import Foundation

/// The Monte Carlo study of a scenario with its policy risks and without them, on the same
/// draws: how much incentive withdrawal, delay, cuts and clawback add to the chance of missing
/// the equity hurdle or breaching the DSCR covenant.
///
/// Without policy risks the risks' uniforms are still drawn but not applied
/// (`StochasticModel.appliesPolicyRisks`), so path i sees the same market and cost draws in
/// both runs (common random numbers) and the difference is the policy risk alone.
public struct PolicyRiskComparison: Sendable {
    public let withRisk: MonteCarloSummary
    public let withoutRisk: MonteCarloSummary
    public let configuration: MonteCarloConfiguration
    /// Incentives that carry a `policyRisk`.
    public let riskyIncentives: [String]

    /// - Parameter progress: paths finished so far out of `2 × paths` (with, then without policy risk), for a progress bar.
    public init(scenario: Scenario, scenarioText: String, configuration: MonteCarloConfiguration, threads: Int = 1,
                progress: (@Sendable (Int) -> Void)? = nil) throws(ScenarioErrors) {
        var config = configuration
        config.metrics = [.equityNPV, .equityIRR, .minDSCR]
        let on = try MonteCarloStudy(scenario: scenario, scenarioText: scenarioText, configuration: config, policyRisks: true)
        let off = try MonteCarloStudy(scenario: scenario, scenarioText: scenarioText, configuration: config, policyRisks: false)
        let paths = config.paths
        withRisk = MonteCarloSummary(on.runner.run(threads: threads, progress: progress), thresholds: on.thresholds)
        var second: (@Sendable (Int) -> Void)?
        if let progress { second = { done in progress(paths + done) } }
        withoutRisk = MonteCarloSummary(off.runner.run(threads: threads, progress: second), thresholds: off.thresholds)
        self.configuration = config
        riskyIncentives = scenario.policyRisks.map(\.incentive)
    }

    /// `policyRisk` of the incentives JSON: `paths`, `seed`, `sampler`, `hurdleRate`, `dscrCovenant`,
    /// `incentivesWithRisk`, and `withPolicyRisk` / `withoutPolicyRisk`, each with
    /// `probabilityEquityIRRBelowHurdle`, `probabilityMinDSCRBelowCovenant` (shares of the paths
    /// where the metric is defined), `equityIRRUndefined`, `minDSCRUndefined`, `meanEquityNPV`,
    /// `p10EquityNPV`, `p90EquityNPV`.
    public var json: JSONValue {
        func side(_ s: MonteCarloSummary) -> JSONValue {
            func stat(_ m: PathMetric) -> MonteCarloSummary.Statistics? { s.statistics.first { $0.metric == m } }
            func num(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
            let npv = stat(.equityNPV)
            return .object([
                ("probabilityEquityIRRBelowHurdle", num(stat(.equityIRR)?.probabilityBelow)),
                ("probabilityMinDSCRBelowCovenant", num(stat(.minDSCR)?.probabilityBelow)),
                ("equityIRRUndefined", .number(Double(stat(.equityIRR)?.undefined ?? 0))),
                ("minDSCRUndefined", .number(Double(stat(.minDSCR)?.undefined ?? 0))),
                ("meanEquityNPV", num(npv?.mean)),
                ("p10EquityNPV", num(npv?.percentiles.first { $0.0 == 10 }?.1)),
                ("p90EquityNPV", num(npv?.percentiles.first { $0.0 == 90 }?.1)),
            ])
        }
        return .object([
            ("paths", .number(Double(configuration.paths))),
            ("seed", .string(String(configuration.seed))),
            ("sampler", .string(configuration.sampler.rawValue)),
            ("hurdleRate", .number(withRisk.state.identity.hurdleRate)),
            ("dscrCovenant", .number(configuration.dscrCovenant)),
            ("incentivesWithRisk", .array(riskyIncentives.map(JSONValue.string))),
            ("withPolicyRisk", side(withRisk)),
            ("withoutPolicyRisk", side(withoutRisk)),
        ])
    }
}

extension PolicyRiskComparison {
    /// The with/without table.
    public var text: String {
        func stat(_ s: MonteCarloSummary, _ m: PathMetric) -> MonteCarloSummary.Statistics? { s.statistics.first { $0.metric == m } }
        func pct(_ x: Double?) -> String { x.map { String(format: "%9.1f%%", $0 * 100) } ?? "         -" }
        func money(_ x: Double?) -> String { x.map { String(format: "%10.2f", $0 / 1e6) } ?? "         -" }
        var out = "Policy risk (\(configuration.paths) paths, seed \(configuration.seed), same draws with and without; "
        out += riskyIncentives.isEmpty ? "no incentive carries a policyRisk)\n" : "risks on \(riskyIncentives.joined(separator: ", ")))\n"
        out += String(repeating: " ", count: 44) + "       with    without\n"
        out += "P(equity IRR < hurdle \(String(format: "%.1f%%", withRisk.state.identity.hurdleRate * 100)))".padding(toLength: 44, withPad: " ", startingAt: 0)
        out += " " + pct(stat(withRisk, .equityIRR)?.probabilityBelow) + " " + pct(stat(withoutRisk, .equityIRR)?.probabilityBelow) + "\n"
        out += "P(min DSCR < covenant \(String(format: "%.2f", configuration.dscrCovenant)))".padding(toLength: 44, withPad: " ", startingAt: 0)
        out += " " + pct(stat(withRisk, .minDSCR)?.probabilityBelow) + " " + pct(stat(withoutRisk, .minDSCR)?.probabilityBelow) + "\n"
        out += "mean equity NPV (million CNY)".padding(toLength: 44, withPad: " ", startingAt: 0)
        out += " " + money(stat(withRisk, .equityNPV)?.mean) + " " + money(stat(withoutRisk, .equityNPV)?.mean) + "\n"
        return out
    }
}
