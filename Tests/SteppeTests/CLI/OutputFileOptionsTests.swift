import Foundation
import Testing
import SteppeCLI

@Suite("One output vocabulary: -o/--output, --report, --force")
struct OutputFileOptionsTests {
    static let writingCommands = ["run", "merge", "evaluate", "incentives", "compare", "sensitivity"]

    @Test("Every command that writes a result offers -o/--output, --report and --force and shows no --out", arguments: writingCommands)
    func helpShowsOneVocabulary(command: String) {
        let help = SteppeCommand.run([command, "--help"]).standardOutput
        #expect(help.contains("-o, --output <path>"), "\(help)")
        #expect(help.contains("--report <path>"))
        #expect(help.contains("--force"))
        #expect(!help.contains("--out <"), "\(help)")
    }

    @Test("run -o writes the result JSON, and the former --out is still accepted with the same result")
    func outIsHiddenAlias() throws {
        let folder = (try temporaryFile(named: "x", "") as NSString).deletingLastPathComponent
        let a = folder + "/o.json", b = folder + "/out.json"
        let short = SteppeCommand.run(["run", "--paths", "50", "--quiet", "-o", a])
        let old = SteppeCommand.run(["run", "--paths", "50", "--quiet", "--out", b])
        #expect(short.status == 0 && old.status == 0, "\(short.standardError)\(old.standardError)")
        #expect(try String(contentsOfFile: a, encoding: .utf8) == String(contentsOfFile: b, encoding: .utf8))
    }

    @Test("--output and --out together are a usage error")
    func bothNamesRefused() {
        let result = SteppeCommand.run(["evaluate", "--output", "/tmp/a", "--out", "/tmp/b"])
        #expect(result.status == 64 && result.standardError.contains("--out is the former name of --output"), "\(result.standardError)")
    }
}
