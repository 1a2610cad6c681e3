import Foundation
import Testing
@testable import Steppe

/// Numbers in scenario files may group digits with `_`, as YAML allows (`1_000_000`).
@Suite("Numbers with digit separators")
struct SourceFieldNumberTests {
    @Test("`_` separators are dropped from numbers and whole numbers alike")
    func separatorsAreDropped() throws {
        let grouped = ScenarioErrorTests.valid
            .replacingOccurrences(of: "operatingYears: 10", with: "operatingYears: 1_0")
            .replacingOccurrences(of: "amount: 1000}", with: "amount: 1_000.5}")
        let s = try scenario(grouped)
        #expect(s.operatingYears == 10)
        #expect(s.capex.first?.amount == 1000.5)
    }

    @Test("A number of separators alone is still refused")
    func separatorsAloneAreNotANumber() {
        let bad = ScenarioErrorTests.valid.replacingOccurrences(of: "operatingYears: 10", with: "operatingYears: __")
        #expect(throws: ScenarioErrors.self) { try scenario(bad) }
    }
}
