import Foundation
import Testing
import SteppeCLI

@Suite("steppe evaluate --output")
struct OutputFileTests {
    @Test("An existing output is kept, untouched, unless --force is given")
    func refusesToOverwrite() throws {
        let path = try temporaryFile(named: "report.txt", "old report\n")
        let result = SteppeCommand.run(["evaluate", "--output", path])
        #expect(result.status == 1)
        #expect(result.standardError == "\(path) exists; pass --force to overwrite it\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old report\n")
    }

    @Test("--force replaces an existing file instead of losing it, and leaves no temporary file")
    func replacesExistingFile() throws {
        let path = try temporaryFile(named: "report.txt", "old report\n")
        let first = SteppeCommand.run(["evaluate", "--output", path, "--force"])
        #expect(first.status == 0, "\(first.standardError)")
        let second = SteppeCommand.run(["evaluate", "--output", path, "--format", "csv", "--force"])
        #expect(second.status == 0, "\(second.standardError)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("year,revenue,"))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"])
    }
}
