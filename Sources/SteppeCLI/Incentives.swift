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


        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let model: CompiledModel
            do { model = try scenario.load().compile() } catch { return .failure(error) }
            let report = IncentiveReport(model: model)
            let body = format == .json ? report.json.serialized() + "\n" : report.text
            guard let output else { return CommandResult(standardOutput: body) }
            do {
                try AtomicFile.write(body, to: output)
                return CommandResult(standardOutput: "wrote \(output)\n")
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
        }
    }
}
