import ArgumentParser
import Foundation
import Steppe

extension SteppeCommand {
    /// `steppe evaluate [FILE]`: the deterministic pro forma and its metrics.
    struct Evaluate: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a scenario deterministically: yearly cash flows and metrics.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, csv
        }

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var stress: IncentiveWithdrawalOptions

        @Option(help: "Output format: text (table and metrics), json (full result) or csv (yearly cash flows).")
        var format: Format = .text

        @Option(name: .shortAndLong, help: ArgumentHelp(
            "Write the output to this file (atomically) instead of standard output.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Also write the HTML report of the evaluation to this file.", valueName: "path"))
        var report: String?

        @Flag(help: "Append where every catalogue value and incentive comes from: zone, policy, citation, overrides.")
        var explain = false

        @Flag(help: "Overwrite the output file if it exists.")
        var force = false

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = OutputTarget.checkBeforeWork([("--output", output), ("--report", report)], force: force, inputs: inputs) {
                return refusal
            }
            let evaluation: Evaluation
            do {
                evaluation = try stress.apply(to: scenario.load()).evaluate()
            } catch {
                return .failure(error)
            }
            // Warnings go to standard error and do not change the exit status.
            let warnings = AssumptionDominance.warnings(for: evaluation.model).map { $0 + "\n" }.joined()
            let body: String
            switch format {
            case .text: body = evaluation.text + (explain ? "\n" + evaluation.explanation : "")
            case .json: body = evaluation.json.serialized() + "\n"
            case .csv: body = evaluation.csv
            }
            var reportLines = ""
            if let report {
                do {
                    reportLines = try ReportFiles.write(evaluation.json, html: report, markdown: nil, csv: nil, force: force, inputs: inputs)
                        .joined(separator: "\n") + "\n"
                } catch {
                    return CommandResult(status: 1, standardError: "\(error)\n")
                }
            }
            guard let output else {
                return report != nil && format != .text
                    ? CommandResult(standardOutput: body, standardError: warnings + reportLines)
                    : CommandResult(standardOutput: body + reportLines, standardError: warnings)
            }
            do {
                try AtomicFile.write(body, to: output, force: force, inputs: inputs)
                return CommandResult(standardOutput: "wrote \(output)\n" + reportLines, standardError: warnings)
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
        }
    }
}
