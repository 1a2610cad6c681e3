import Testing
import Steppe
@testable import SteppeFiles

@Suite("Scenario file reading")
struct ScenarioFileTests {
    @Test("a control character in the text is reported at its line and column, without quoting the line")
    func readerError() {
        do {
            _ = try ScenarioFile.sourceNode("name: ok\nsecret: hunter2\u{1}x\n", file: "s.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "s.yaml:2:16: not valid YAML/JSON: control characters are not allowed")
        }
    }
}
