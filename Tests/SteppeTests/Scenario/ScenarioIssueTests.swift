import Testing
@testable import Steppe

@Suite("Scenario issue lines")
struct ScenarioIssueTests {
    @Test("a key with terminal escape sequences is printed escaped, on one line")
    func escapedKey() {
        let issue = ScenarioIssue(file: "s.yaml", line: 2, column: 1, keyPath: "\u{1B}[31mred\n", message: "unknown key")
        #expect(issue.description == "s.yaml:2:1: \\u{1B}[31mred\\n: unknown key")
    }
}
