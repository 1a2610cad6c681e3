import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe evaluate [FILE]`: the deterministic pro forma and its metrics.
    struct Evaluate: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Evaluate a scenario deterministically: yearly cash flows and metrics.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, csv
        }

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var stress: IncentiveWithdrawalOptions

        @Option(help: "Output format: text (table and metrics), json (full result) or csv (yearly cash flows).")
        var format: Format = .text

        @OptionGroup(title: "Output files") var outputs: OutputFileOptions

        @Flag(help: "Append where every catalogue value and incentive comes from: zone, policy, citation, overrides.")
        var explain = false

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            let evaluation: Evaluation
            let loaded: Scenario
            do {
                loaded = try scenario.load()
                evaluation = try stress.apply(to: loaded).evaluate()
            } catch {
                return .failure(error)
            }
            // Warnings go to standard error and do not change the exit status.
            let warnings = (scenario.sectorWarnings(loaded) + AssumptionDominance.warnings(for: evaluation.model)).map { $0 + "\n" }.joined()
            let body: String
            switch format {
            case .text: body = evaluation.text + (explain ? "\n" + evaluation.explanation : "")
            case .json: body = evaluation.json.serialized() + "\n"
            case .csv: body = evaluation.csv
            }
            return outputs.emit(body: body, json: evaluation.json, bodyIsText: format == .text, inputs: inputs, warnings: warnings)
        }
    }
}
