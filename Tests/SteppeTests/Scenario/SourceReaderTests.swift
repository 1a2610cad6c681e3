import Testing
@testable import Steppe

/// One wrong value gives one error: keys that depend on it are not also reported as unknown.
@Suite("Errors without cascades")
struct SourceReaderTests {
    static func errors(_ extra: String) -> [String] {
        do { _ = try scenario(ScenarioErrorTests.valid + "\n" + extra, file: "bad.yaml"); return [] }
        catch let error as ScenarioErrors { return error.issues.map(\.description) }
        catch { return ["\(error)"] }
    }

    @Test("an unknown incentive kind is the only error of its incentive")
    func unknownKind() {
        let lines = Self.errors("incentives:\n  - {id: g, kind: capitalGrnt, share: 0.2, assumption: x}")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("bad.yaml:12:5: incentives[0].kind: 'capitalGrnt' is not one of") == true)
    }

    @Test("an unknown land mode is the only error of the land section")
    func unknownLandMode() {
        #expect(Self.errors("land: {mode: purchas, areaMu: 5, pricePerMu: 3, termYears: 5}")
                == ["bad.yaml:11:7: land.mode: 'purchas' is not one of purchase, lease"])
    }

    @Test("a wrong policy delay does not make the keys after it unknown")
    func wrongDelay() {
        let lines = Self.errors("""
            incentives:
              - {id: r, kind: annualAward, amountPerYear: 5, assumption: x, policyRisk: {delayYears: 3, cut: {probability: 0.5, toFraction: 0.5}}}
            """)
        #expect(lines == ["bad.yaml:12:90: incentives[0].policyRisk.delayYears: expected a mapping, got '3'"])
    }
}
