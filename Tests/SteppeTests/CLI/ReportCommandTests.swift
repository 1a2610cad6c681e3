import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("steppe report")
struct ReportCommandTests {
    @Test("steppe report writes HTML, Markdown and CSV from a result file, and refuses to overwrite without --force")
    func writesFiles() throws {
        let input = try temporaryFile(named: "result.json", ReportFixtures.incentives.serialized() + "\n")
        let folder = (input as NSString).deletingLastPathComponent
        let html = folder + "/r.html", md = folder + "/r.md", csv = folder + "/csv"
        let result = SteppeCommand.run(["report", input, "--html", html, "--markdown", md, "--csv", csv])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("HTML report written to \(html)"))
        #expect(FileManager.default.fileExists(atPath: md))
        let tables = try FileManager.default.contentsOfDirectory(atPath: csv)
        #expect(tables.contains("incentive-dependence.csv"))
        let again = SteppeCommand.run(["report", input, "--html", html])
        #expect(again.status == 1 && again.standardError.contains("pass --force"))
        #expect(SteppeCommand.run(["report", input, "--html", html, "--force"]).status == 0)
    }

    @Test("Without output options the HTML goes next to the result")
    func defaultOutput() throws {
        let input = try temporaryFile(named: "evaluation.json", ReportFixtures.evaluation.serialized())
        let result = SteppeCommand.run(["report", input])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: String(input.dropLast(5)) + ".html"))
    }

    @Test("A missing result file is named missing, with how to write one")
    func missingFile() throws {
        let folder = (try temporaryFile(named: "x", "") as NSString).deletingLastPathComponent
        let result = SteppeCommand.run(["report", folder + "/nothing-here.json"])
        #expect(result.status == 1 && result.standardError.contains("nothing-here.json: no such file"), "\(result.standardError)")
        #expect(result.standardError.contains("--output"))
    }

    @Test("A file that is not a result is refused")
    func refusesOtherJSON() throws {
        let input = try temporaryFile(named: "other.json", "{\"hello\": 1}")
        let result = SteppeCommand.run(["report", input])
        #expect(result.status == 1 && result.standardError.contains("not a Steppe result"))
    }

    @Test("run --report writes the HTML report of the run and prints its path")
    func runReport() throws {
        let folder = (try temporaryFile(named: "x", "") as NSString).deletingLastPathComponent
        let path = folder + "/run.html"
        let result = SteppeCommand.run(["run", "--paths", "64", "--quiet", "--report", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("HTML report written to \(path)"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("Distribution of the Equity NPV"))
    }
}
