import Foundation
import Testing
@testable import SteppeCLI

@Suite("Text for terminals")
struct TerminalTextTests {
    @Test("Escape, other C0 controls, DEL and C1 controls are shown as \\u{..}; line feed and tab stay")
    func escapes() {
        #expect(TerminalText.escaped("a\u{1B}]0;pwned\u{07}b") == "a\\u{1B}]0;pwned\\u{7}b")
        #expect(TerminalText.escaped("cr\rdel\u{7F}csi\u{9B}") == "cr\\u{D}del\\u{7F}csi\\u{9B}")
        #expect(TerminalText.escaped("two\nlines\tand 中文 é") == "two\nlines\tand 中文 é")
    }

    @Test("validate and evaluate print a scenario name's escape sequence escaped, and errors too")
    func commandOutputIsEscaped() throws {
        let example = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path
        var lines = try String(contentsOfFile: example, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("name:") })
        lines[i] = "name: \"evil \\e[2J\\e]0;title\\a\""
        let path = try temporaryFile(named: "evil.yaml", lines.joined(separator: "\n"))
        for command in ["validate", "evaluate"] {
            let result = SteppeCommand.run([command, path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(!result.standardOutput.contains("\u{1B}") && !result.standardOutput.contains("\u{07}"))
            #expect(result.standardOutput.contains("evil \\u{1B}[2J"))
        }
        let json = SteppeCommand.run(["evaluate", path, "--format", "json"])
        #expect(json.standardOutput.contains("evil \\u001b[2J"))
        let failing = SteppeCommand.run(["validate", path, "--catalogue", "/no/such\u{1B}[31m"])
        #expect(failing.status != 0 && !failing.standardError.contains("\u{1B}"))
    }
}
