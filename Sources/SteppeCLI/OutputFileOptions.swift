import ArgumentParser

/// `-o/--output`, `--report` and `--force`: the one option vocabulary of every command that writes a
/// result (`run`, `merge`, `evaluate`, `incentives`, `compare`, `sensitivity`), and how they are written.
///
/// Why one group: `run` and `merge` once said `--out` where the others said `-o/--output`, and each
/// command repeated the three options with slightly different help. `--out` stays accepted as a
/// hidden alias so scripts and cluster jobs written for it keep working.
struct OutputFileOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write the result to this file, atomically (run and merge: the result JSON).", valueName: "path"))
    var output: String?

    /// The former name of `--output` in `run` and `merge`.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Option(help: ArgumentHelp("Also write the HTML report of the result to this file.", valueName: "path"))
    var report: String?

    @Option(help: ArgumentHelp("Also write the report's tables as an Excel workbook (.xlsx) to this file.", valueName: "path"))
    var xlsx: String?

    @Flag(help: "Overwrite the output and report files if they exist.")
    var force = false

    func validate() throws {
        if output != nil && out != nil {
            throw ValidationError("--out is the former name of --output; give only --output.")
        }
    }

    /// The output path, given as `--output` or its alias `--out`.
    var path: String? { output ?? out }

    /// The failed command if the output or the report may not be written (`OutputTarget`), checked
    /// before the work starts.
    func checkBeforeWork(inputs: InputFiles) -> CommandResult? {
        OutputTarget.checkBeforeWork([("--output", path), ("--report", report), ("--xlsx", xlsx)], force: force, inputs: inputs)
    }

    /// Writes the HTML report of `json` if `--report` asks for it, and its workbook if `--xlsx` does;
    /// returns the lines to print.
    func writeReport(_ json: JSONValue, inputs: InputFiles) throws(OutputError) -> String {
        guard report != nil || xlsx != nil else { return "" }
        return try ReportFiles.write(json, html: report, markdown: nil, csv: nil, xlsx: xlsx, force: force, inputs: inputs)
            .joined(separator: "\n") + "\n"
    }

    /// Writes `body` to `--output` (atomically, refusing to replace a file without `--force`) or standard
    /// output, and the HTML report of `json` to `--report` when asked. The report's path follows a text
    /// body on standard output, and goes to standard error when the body is data (JSON, CSV).
    func emit(body: String, json: @autoclosure () -> JSONValue, bodyIsText: Bool, inputs: InputFiles, warnings: String = "") -> CommandResult {
        let reportLines: String
        do { reportLines = try writeReport(json(), inputs: inputs) } catch {
            return CommandResult(status: 1, standardError: warnings + "\(error)\n")
        }
        guard let path else {
            return bodyIsText ? CommandResult(standardOutput: body + reportLines, standardError: warnings)
                              : CommandResult(standardOutput: body, standardError: warnings + reportLines)
        }
        do {
            try AtomicFile.write(body, to: path, force: force, inputs: inputs)
            return CommandResult(standardOutput: "wrote \(path)\n" + reportLines, standardError: warnings)
        } catch {
            return CommandResult(status: 1, standardError: warnings + "\(error)\n")
        }
    }
}
