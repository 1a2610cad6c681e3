import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("Policies outside the scenario's sector")
struct SectorEligibilityTests {
    /// The catalogue hydrogen scenario with a dairy subsidy added to its `policies:`.
    static func hydrogenWithDairyPolicy() throws -> String {
        let source = try String(contentsOf: packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml"), encoding: .utf8)
        let text = source.replacingOccurrences(of: "\npolicies:\n", with: "\npolicies:\n  - {policy: dairy.imported-cow, times: 100}\n")
        #expect(text != source)
        return try temporaryFile(named: "hydrogen-with-cows.yaml", text)
    }

    @Test("A dairy subsidy on a PV-hydrogen project is warned about by validate and evaluate, naming the policy and its line")
    func dairyPolicyOnHydrogenWarns() throws {
        let file = try Self.hydrogenWithDairyPolicy()
        for command in ["validate", "evaluate"] {
            let result = SteppeCommand.run([command, file])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.contains("policy 'dairy.imported-cow' is a dairy policy, but the scenario models no dairy"),
                    "\(command): \(result.standardError)")
            #expect(result.standardError.contains("hydrogen-with-cows.yaml (line "))
        }
    }

    @Test("Policies of the scenario's own sector give no sector warning", arguments: ["dairy-3000-head", "ejin-horo-green-hydrogen-catalogue", "ejin-horo-dairy-farm"])
    func ownSectorIsQuiet(name: String) {
        let result = SteppeCommand.run(["validate", packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path])
        #expect(result.status == 0)
        #expect(!result.standardError.contains("policy, but the scenario models no"), "\(result.standardError)")
    }
}
