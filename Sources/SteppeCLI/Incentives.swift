import ArgumentParser
import Steppe

extension SteppeCommand {
    /// `steppe incentives [FILE]`: how much of the value rests on each incentive.
    struct Incentives: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            abstract: "Attribute the project's value to its incentives: with/without, Shapley, break-even, withdrawal cliffs.")

        @OptionGroup var scenario: ScenarioOptions

        @Option(help: "Output format: text (table) or json (full analysis).")
        var format: TextOrJSON = .text

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file, atomically.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Also write the HTML report of the analysis to this file.", valueName: "path"))
        var report: String?

        @Flag(help: "Overwrite the report file if it exists.")
        var force = false


        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let model: CompiledModel
            do { model = try scenario.load().compile() } catch { return .failure(error) }
            let analysis = IncentiveReport(model: model)
            let json = analysis.json
            let body = format == .json ? json.serialized() + "\n" : analysis.text
            var reportLines = ""
            if let report {
                do {
                    reportLines = try ReportFiles.write(json, html: report, markdown: nil, csv: nil, force: force).joined(separator: "\n") + "\n"
                } catch {
                    return CommandResult(status: 1, standardError: "\(error)\n")
                }
            }
            guard let output else {
                return format == .json ? CommandResult(standardOutput: body, standardError: reportLines)
                                       : CommandResult(standardOutput: body + reportLines)
            }
            do {
                try AtomicFile.write(body, to: output)
                return CommandResult(standardOutput: "wrote \(output)\n" + reportLines)
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
        }
    }
}
