import Foundation
import Testing
import SteppeCLI

@Suite("steppe evaluate --output")
struct OutputFileTests {
    @Test("--output replaces an existing file instead of losing it")
    func replacesExistingFile() throws {
        let path = try temporaryFile(named: "report.txt", "old report\n")
        let first = SteppeCommand.run(["evaluate", "--output", path])
        #expect(first.status == 0, "\(first.standardError)")
        let second = SteppeCommand.run(["evaluate", "--output", path, "--format", "csv"])
        #expect(second.status == 0, "\(second.standardError)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("year,revenue,"))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"])
    }
}
