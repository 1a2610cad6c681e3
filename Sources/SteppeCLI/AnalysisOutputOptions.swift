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

    /// Writes the analysis as text or JSON to `--output` (atomically, refusing to replace a file without
    /// `--force`) or standard output, and its HTML report to `--report` when asked.
    func emit(text: String, json: JSONValue) -> CommandResult {
        let body = format == .json ? json.serialized() + "\n" : text
        var reportLines = ""
        if let report {
            do {
                reportLines = try ReportFiles.write(json, html: report, markdown: nil, csv: nil, force: force).joined(separator: "\n") + "\n"
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
        }
        guard let output else { return CommandResult(standardOutput: body, standardError: reportLines) }
        do {
            try AtomicFile.write(body, to: output, force: force)
            return CommandResult(standardOutput: "wrote \(output)\n" + reportLines)
        } catch let error as AtomicFile.ExistsError {
            return CommandResult(status: 1, standardError: "\(error)\n")
        } catch {
            return CommandResult(status: 1, standardError: "\(output): cannot write: \(error.localizedDescription)\n")
        }
    }
}
