import ArgumentParser
import Steppe

/// `--format`, `--output`, `--report` and `--force` of the analysis commands (`compare`, `sensitivity`),
/// and how their results are written.
struct AnalysisOutputOptions: ParsableArguments {
    @Option(help: "Output format: text (tables) or json.")
    var format: TextOrJSON = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file, atomically.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Also write the HTML report of the analysis to this file.", valueName: "path"))
    var report: String?

    @Flag(help: "Overwrite output and report files if they exist.")
    var force = false

    /// The failed command if `--output` or `--report` may not be written (`OutputTarget`), checked
    /// before the analysis starts.
    func checkBeforeWork(inputs: InputFiles) -> CommandResult? {
        OutputTarget.checkBeforeWork([("--output", output), ("--report", report)], force: force, inputs: inputs)
    }

    /// Writes the analysis as text or JSON to `--output` (atomically, refusing to replace a file without
    /// `--force`) or standard output, and its HTML report to `--report` when asked.
    func emit(text: String, json: JSONValue, inputs: InputFiles) -> CommandResult {
        let body = format == .json ? json.serialized() + "\n" : text
        var reportLines = ""
        do {
            if let report {
                reportLines = try ReportFiles.write(json, html: report, markdown: nil, csv: nil, force: force, inputs: inputs)
                    .joined(separator: "\n") + "\n"
            }
            guard let output else { return CommandResult(standardOutput: body, standardError: reportLines) }
            try AtomicFile.write(body, to: output, force: force, inputs: inputs)
            return CommandResult(standardOutput: "wrote \(output)\n" + reportLines)
        } catch {
            return CommandResult(status: 1, standardError: "\(error)\n")
        }
    }
}
