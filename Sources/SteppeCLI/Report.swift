import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe report RESULT.json`: the report of a result as HTML, Markdown and CSV.
    struct Report: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Render a result JSON (run, merge, evaluate, incentives, compare, sensitivity or diff) as an HTML, Markdown and CSV report or an Excel workbook.",
            discussion: """
            The kind of result is recognised by its keys. The HTML is one self-contained file (inline CSS and \
            SVG charts, no scripts); it contains no timestamps or host details, so equal results give equal reports. \
            Without --html, --markdown, --csv or --xlsx, the HTML report is written next to the result (RESULT.html).
            """)

        @Argument(help: ArgumentHelp("Result JSON written by steppe run, merge, evaluate, incentives, compare, sensitivity, diff, sweep or optimise (--format json).", valueName: "result"))
        var result: String

        @Option(help: ArgumentHelp("Write the HTML report to this file.", valueName: "path"))
        var html: String?

        @Option(help: ArgumentHelp("Write the Markdown report to this file.", valueName: "path"))
        var markdown: String?

        @Option(help: ArgumentHelp("Write the report's tables as CSV files into this folder.", valueName: "folder"))
        var csv: String?

        @Option(help: ArgumentHelp("Write the report's tables as an Excel workbook (.xlsx) to this file.", valueName: "path"))
        var xlsx: String?

        @Flag(help: "Overwrite report files that exist.")
        var force = false

        func validate() throws {
            if result.isEmpty { throw ValidationError("<result>: the path is empty") }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            guard let data = FileManager.default.contents(atPath: result) else {
                let why = FileManager.default.fileExists(atPath: result) ? "cannot read the result file (no permission, or a folder)"
                    : "no such file; write one with `steppe run --output \(result)` or `steppe evaluate --format json --output \(result)`"
                return CommandResult(status: 1, standardError: "\(result): \(why)\n")
            }
            let json: JSONValue
            do { json = try JSONValue(parsing: String(decoding: data, as: UTF8.self)) } catch {
                return CommandResult(status: 1, standardError: "\(result): \(error)\n")
            }
            var html = self.html
            if html == nil && markdown == nil && csv == nil && xlsx == nil {
                html = (result.hasSuffix(".json") ? String(result.dropLast(5)) : result) + ".html"
            }
            do {
                let lines = try ReportFiles.write(json, html: html, markdown: markdown, csv: csv, xlsx: xlsx, force: force, inputs: InputFiles([result]))
                return CommandResult(standardOutput: lines.joined(separator: "\n") + "\n")
            } catch {
                return CommandResult(status: 1, standardError: "\(result): \(error)\n")
            }
        }
    }
}
