import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe diff A B`: what changed between two scenarios, and what each change did.
    struct Diff: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two scenarios: the inputs that differ, how each metric moved, and the move attributed to each change.",
            discussion: """
            The attribution is on the base case (deterministic pro forma): each change's Shapley value over every \
            order of making the changes, so the parts add up to the move. Changes that depend on one another \
            (a renamed product and the references to it) cannot be separated; then only the moves are given.
            """)

        @Argument(help: ArgumentHelp("The scenario before (YAML or JSON).", valueName: "a"))
        var a: String

        @Argument(help: ArgumentHelp("The scenario after.", valueName: "b"))
        var b: String

        @OptionGroup var catalogue: CatalogueOptions

        @OptionGroup var outputs: AnalysisOutputOptions

        func validate() throws {
            if a.isEmpty { throw ValidationError("<a>: the path is empty") }
            if b.isEmpty { throw ValidationError("<b>: the path is empty") }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            var inputs = InputFiles([a, b])
            inputs.add(contentsOf: catalogue.inputFiles)
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            // Two result files: the moves of their metrics.
            let results = [a, b].map { path -> JSONValue? in
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                      let json = try? JSONValue(parsing: text), ReportDocument.kind(of: json) != nil else { return nil }
                return json
            }
            if let first = results[0], let second = results[1] {
                let diff = ScenarioDiff(resultA: first, resultB: second)
                let unit = first["scenario"]?["reportUnit"]?.string.flatMap(ReportUnit.init(rawValue:)) ?? .millionYuan
                return outputs.emit(text: diff.text(unit: unit), json: diff.json, inputs: inputs)
            }
            if (results[0] == nil) != (results[1] == nil) {
                return CommandResult(status: 1, standardError: "\(results[0] != nil ? a : b) is a result file and the other a scenario; diff two scenarios or two result files\n")
            }
            do {
                let catalogue = try self.catalogue.load()
                let first = try ScenarioFile.loadWithText(path: a, catalogue: catalogue)
                let second = try ScenarioFile.loadWithText(path: b, catalogue: catalogue)
                let fileA = (a as NSString).lastPathComponent, fileB = (b as NSString).lastPathComponent
                let diff = try ScenarioDiff(try ScenarioFile.sourceNode(first.text, file: fileA), fileA: fileA,
                                            try ScenarioFile.sourceNode(second.text, file: fileB), fileB: fileB,
                                            catalogue: catalogue)
                return outputs.emit(text: diff.text(unit: first.scenario.reportUnit), json: diff.json, inputs: inputs)
            } catch {
                return .failure(error)
            }
        }
    }
}
