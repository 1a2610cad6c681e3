import Testing
import Steppe
@testable import SteppeFiles

@Suite("Duplicate keys")
struct DuplicateKeyScanTests {
    static func error(_ yaml: String) -> String? {
        do { _ = try ScenarioFile.sourceNode(yaml, file: "d.yaml"); return nil } catch { return error.description }
    }

    @Test("a repeated key names its key path, the repeat's line and column, and the first line")
    func nested() {
        let yaml = "name: a\nfinancing:\n  loans:\n    - id: x\n      rate: 1\n      rate: 2\n"
        #expect(Self.error(yaml) == "d.yaml:6:7: financing.loans[0].rate: duplicate key; first at line 5")
    }

    @Test("keys of different mappings, and of list items after a nested key, are not repeats")
    func distinctMappings() {
        #expect(Self.error("a: {x: 1}\nb: {x: 2}\nc:\n  - {? [k]: 1, x: 1}\n  - {x: 2}\n") == nil)
    }

    @Test("the index of a repeated key's list item counts the items before it")
    func listIndex() {
        #expect(Self.error("capex:\n  - {year: 1}\n  - [1, 2]\n  - {year: 1, year: 2}\n") == "d.yaml:4:15: capex[2].year: duplicate key; first at line 4")
    }
}
