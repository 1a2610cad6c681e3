import Testing
@testable import Steppe
import SteppeCLI

/// Problems that only a run, or a second run, used to find are found when the scenario is read, at their line.
@Suite("Scenario reading: problems found at their line, every field error in one run")
struct ScenarioReadingTests {
    static func yaml(correlations: String) -> String {
        """
        name: correlated
        startYear: 2026
        operatingYears: 5
        assetClasses: [{id: plant, lifeYears: 5}]
        capex: [{year: 2026, assetClass: plant, amount: {distribution: uniform, min: 1, max: 2}}]
        products: [{id: a, unit: u, quantity: {distribution: uniform, min: 1, max: 2}, price: {distribution: uniform, min: 1, max: 2}}]
        discounting: {projectRate: 0.08, equityRate: 0.08}
        correlations:
        \(correlations)
        """
    }

    static func errors(_ text: String) -> [String] {
        do { _ = try scenario(text, file: "c.yaml"); return [] } catch let error as ScenarioErrors {
            return error.issues.map(\.description)
        } catch { return ["\(error)"] }
    }

    @Test("a correlation naming an unknown key path is an error of validate, at its line")
    func unknownPath() throws {
        let text = Self.yaml(correlations: "  - {between: [\"capex[0].amount\", \"products[0].prise\"], rank: 0.5}")
        #expect(Self.errors(text) == ["c.yaml:9:15: correlations[0].between: 'products[0].prise' is not the key path of an uncertain input"])
        let result = SteppeCommand.run(["validate", try temporaryFile(named: "c.yaml", text)])
        #expect(result.status == 1)
    }

    @Test("a correlation matrix that is not positive semi-definite is an error of validate, at the correlations key")
    func notPositiveSemiDefinite() {
        let text = Self.yaml(correlations: """
              - {between: ["capex[0].amount", "products[0].quantity"], rank: 0.9}
              - {between: ["capex[0].amount", "products[0].price"], rank: 0.9}
              - {between: ["products[0].quantity", "products[0].price"], rank: -0.9}
            """)
        let lines = Self.errors(text)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("c.yaml:9:") == true)
        #expect(lines.first?.contains("correlations: ") == true && lines.first?.contains("positive semi-definite") == true)
    }

    @Test("a pro forma that overflows names the scenario's file")
    func overflowNamesFile() throws {
        var s = try scenario(ScenarioErrorTests.valid, file: "big.yaml")
        s.products[0].escalation = 1e300
        do { _ = try s.evaluate(); Issue.record("evaluated") } catch {
            #expect(error.description.hasPrefix("big.yaml: the pro forma is not finite in "))
        }
    }

    @Test("an unknown stack-replacement asset class is reported in the same run as the file's other field errors, each at its line")
    func stackAssetClassWithOtherErrors() {
        let text = HydrogenModuleTests.yaml()
            .replacingOccurrences(of: "operatingYears: 4", with: "operatingYears: four")
            .replacingOccurrences(of: "minimumLoad: 0.2", with: "minimumLoad: 2")
            .replacingOccurrences(of: "{assetClass: stacks,", with: "{assetClass: stack,")
        #expect(Self.errors(text) == [
            "c.yaml:4:17: operatingYears: expected a whole number, got 'four'",
            "c.yaml:13:49: hydrogen.electrolyser.minimumLoad: must be <= 1 (got 2)",
            "c.yaml:14:72: hydrogen.electrolyser.stackReplacement.assetClass: unknown asset class 'stack'; did you mean 'stacks'?",
        ])
    }

    @Test("an unknown stack-replacement asset class and an unknown capacity-cost asset class are reported in one run")
    func moduleAssetClassesTogether() {
        let text = HydrogenModuleTests.yaml(extra: "  capacityCosts: [{capacity: wind, yuanPerKW: 3500, kind: capex, year: 2026, assetClass: plnt}]")
            .replacingOccurrences(of: "{assetClass: stacks,", with: "{assetClass: stack,")
        #expect(Self.errors(text) == [
            "c.yaml:14:72: hydrogen.electrolyser.stackReplacement.assetClass: unknown asset class 'stack'; did you mean 'stacks'?",
            "c.yaml:18:90: hydrogen.capacityCosts[0].assetClass: unknown asset class 'plnt'; did you mean 'plant'?",
        ])
    }

    @Test("an unknown asset class of the dairy purchases is reported in the same run as the file's field errors")
    func dairyPurchaseAssetClassWithOtherErrors() {
        let text = DairyModuleTests.yaml(places: "[3000]")
            .replacingOccurrences(of: "startYear: 2026", with: "startYear: soon")
            .replacingOccurrences(of: "assetClass: herd}", with: "assetClass: hred}")
        let lines = Self.errors(text)
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("c.yaml:16:") == true)
        #expect(lines.last?.hasSuffix("dairy.purchases.assetClass: unknown asset class 'hred'; did you mean 'herd'?") == true)
    }
}
