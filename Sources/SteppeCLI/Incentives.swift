import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe incentives [FILE]`: how much of the value rests on each incentive.
    struct Incentives: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "incentives",
            abstract: "Attribute the project's value to its incentives: with/without, Shapley, break-even, withdrawal cliffs.")

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var stress: IncentiveWithdrawalOptions

        @Option(help: "Output format: text (table) or json (full analysis).")
        var format: TextOrJSON = .text

        @Flag(help: "Also run the Monte Carlo study with and without the incentives' policy risks (same draws).")
        var policyRisk = false

        @Option(parsing: .unconditional, help: "Monte Carlo paths of --policy-risk (at most 10^9).")
        var paths = 2000

        @Option(parsing: .unconditional, help: "Seed of --policy-risk.", transform: OptionChecks.seed)
        var seed: UInt64 = 1

        @Option(help: "Sampler of --policy-risk: random, lhs or sobol.")
        var sampler: SamplingMethod = .random

        @Option(parsing: .unconditional, help: "Equity IRR hurdle of --policy-risk (default: the equity discount rate).")
        var hurdle: Double?

        @Option(parsing: .unconditional, help: "Minimum-DSCR covenant of --policy-risk.")
        var covenant = 1.2

        @OptionGroup var threading: ThreadsOption

        func validate() throws {
            try OptionChecks.check(paths, "--paths", in: 1...OptionChecks.largestSingleProcessPaths)
            try OptionChecks.checkThresholds(hurdle: hurdle, covenant: covenant)
        }

        @OptionGroup(title: "Output files") var outputs: OutputFileOptions

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            let loaded: (scenario: Scenario, text: String)
            let model: CompiledModel
            do {
                let read = try scenario.loadWithText()
                loaded = (stress.apply(to: read.scenario), read.text)
                model = try loaded.scenario.compile()
            } catch { return .failure(error) }
            let analysis = IncentiveReport(model: model)
            var risk: PolicyRiskComparison?
            if policyRisk {
                let config = MonteCarloConfiguration(paths: paths, seed: seed, sampler: sampler, hurdleRate: hurdle, dscrCovenant: covenant)
                do {
                    // A progress bar with ETA on a terminal, as `run` has.
                    let bar = ProgressReporter(total: 2 * paths, enabled: true)
                    defer { bar.finish() }
                    risk = try PolicyRiskComparison(scenario: loaded.scenario, scenarioText: loaded.text, configuration: config,
                                                    threads: threading.count, progress: bar.update)
                } catch { return .failure(error) }
            }
            // The analysis runs the pro forma 2^n times and more: compute its JSON once for every output.
            let analysisJSON = analysis.json
            var json = analysisJSON
            if let risk, case .object(var members) = json {
                members.insert(("policyRisk", risk.json), at: members.count - 2)
                json = .object(members)
            }
            let body = format == .json ? json.serialized() + "\n" : analysis.text(analysisJSON) + (risk.map { "\n" + $0.text } ?? "")
            return outputs.emit(body: body, json: json, bodyIsText: format == .text, inputs: inputs)
        }
    }
}
