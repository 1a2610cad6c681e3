import Testing
@testable import Steppe
import SteppeFiles

/// The dairy module's subsidies come from the catalogue's `herdRule` entries (DairySubsidy+Catalogue.swift).
@Suite("Dairy subsidies from the catalogue")
struct DairySubsidyCatalogueTests {
    /// The shipped catalogue with `yaml` (a dairy catalogue document) applied over it.
    static func catalogue(_ yaml: String) throws -> PolicyCatalogue {
        try CatalogueFiles.standard().extended(by: [("user.yaml", yaml)])
    }

    /// The shipped scale-farm step entry with `amount` yuan per `head` further cows.
    static func scaleFarmStep(amount: Int, head: Int) -> String {
        """
        domain: dairy
        policies:
          - id: dairy.scale-farm-step
            title: {zh: 每增加头再补贴, en: "Scale dairy farm grant: further steps (test)"}
            level: innerMongolia
            kind: capitalGrant
            parameters:
              amount: {value: \(amount), unit: yuan per step}
              head: {value: \(head), unit: further cows per step}
            assumption: a changed step, to test that the herd rule reads it
        """
    }

    @Test("The subsidies are the catalogue's herd-rule entries, ordered by rule kind")
    func subsidiesAreTheHerdRuleEntries() throws {
        let catalogue = try CatalogueFiles.standard()
        let subsidies = DairySubsidy.subsidies(in: catalogue)
        let ruled = catalogue.policies.filter { $0.herdRule != nil }
        #expect(Set(subsidies.map(\.id)) == Set(ruled.map(\.id)) && subsidies.count == ruled.count)
        let kinds = subsidies.map { catalogue.policy($0.id)!.herdRule!.kind }
        #expect(kinds == kinds.sorted { HerdRule.Kind.allCases.firstIndex(of: $0)! < HerdRule.Kind.allCases.firstIndex(of: $1)! })
        #expect(subsidies.count == HerdRule.Kind.allCases.count)
    }

    @Test("A subsidy carries its entry's first parameter as the per-head amount, and its citation")
    func perHeadAmountIsTheFirstParameter() throws {
        let catalogue = try CatalogueFiles.standard()
        let entry = try #require(catalogue.policy("dairy.imported-cow"))
        let subsidy = try #require(DairySubsidy.subsidies(in: catalogue).first { $0.id == entry.id })
        #expect(subsidy.rule == .perPurchasedHead(amount: entry.parameters[0].value))
        #expect(subsidy.provenance == entry.source.provenance && subsidy.title == entry.incentiveTitle)
    }

    @Test("The scale-farm grant's further steps come from the steps entry")
    func herdReachesReadsTheStepsEntry() throws {
        let catalogue = try Self.catalogue(Self.scaleFarmStep(amount: 2_000_000, head: 250))
        let text = DairyModuleTests.yaml(places: "[2000, 3200, 3600, 4100, 4100, 4600]",
                                         extra: "  subsidies: {dairy.scale-farm-base: {enabled: true}}")
        let e = try ScenarioFile.parse(text, file: "test.yaml", catalogue: catalogue).evaluate()
        // 3200 cows: the base; 3600: 2 steps of 250 above 3000; 4100: 4 in all; 4600: 6 in all.
        #expect(DairyModuleTests.amounts(e, "dairy.scale-farm-base") == [0, 0, 6_000_000, 4_000_000, 4_000_000, 0, 4_000_000])
    }

    @Test("A herd rule whose steps entry is unknown, or that lacks a parameter it reads, is a catalogue error")
    func incompleteHerdRuleIsAnError() {
        #expect {
            _ = try Self.catalogue("""
            domain: dairy
            policies:
              - id: dairy.test-band
                title: {zh: 测试, en: Test band}
                level: innerMongolia
                kind: capitalGrant
                herdRule: {kind: perHeadInBand}
                parameters:
                  amount: {value: 100, unit: yuan per head}
                  minHead: {value: 10, unit: cows}
                assumption: test
              - id: dairy.test-reaches
                title: {zh: 测试, en: Test reaches}
                level: innerMongolia
                kind: capitalGrant
                herdRule: {kind: herdReaches, steps: dairy.no-such-step}
                parameters:
                  amount: {value: 100, unit: yuan}
                  head: {value: 10, unit: cows}
                assumption: test
            """)
        } throws: { error in
            let message = "\(error)"
            return message.contains("dairy.test-band.parameters: a perHeadInBand herdRule needs parameter maxHead")
                && message.contains("dairy.test-reaches.herdRule.steps: unknown policy 'dairy.no-such-step'")
        }
    }

    @Test("A herdReaches rule without its steps entry is an error at the rule's key, with file and line")
    func herdReachesNeedsSteps() {
        #expect {
            _ = try Self.catalogue("""
            domain: dairy
            policies:
              - id: dairy.test-reaches
                title: {zh: 测试, en: Test reaches}
                level: innerMongolia
                kind: capitalGrant
                herdRule: {kind: herdReaches}
                parameters:
                  amount: {value: 100, unit: yuan}
                  head: {value: 10, unit: cows}
                assumption: test
            """)
        } throws: { "\($0)".contains("user.yaml:7:") && "\($0)".contains("policies[0].herdRule.steps: a herdReaches rule needs 'steps'") }
    }
}
