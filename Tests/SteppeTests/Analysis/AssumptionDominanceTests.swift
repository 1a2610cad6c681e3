import Testing
@testable import Steppe
import SteppeCLI

@Suite("Assumption dominance")
struct AssumptionDominanceTests {
    static func yaml(award: Double, provenance: String) -> String {
        """
        name: dominance
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 160}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        incentives:
          - {id: award, kind: annualAward, amountPerYear: \(award), validFrom: 2027, \(provenance)}
        """
    }

    @Test("An assumed incentive that carries most of the NPV gives a warning, not an error")
    func warns() throws {
        // NPV without the award is about 73.6k; the award adds about 335k.
        let path = try temporaryFile(named: "d.yaml", Self.yaml(award: 50000, provenance: "assumption: a guess"))
        let result = SteppeCommand.run(["evaluate", path])
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("warning: incentive 'award' is an assumption (a guess) and accounts for 82% of the equity NPV"),
                "\(result.standardError)")
    }

    @Test("A small or cited incentive gives no warning")
    func silent() throws {
        let small = try scenario(Self.yaml(award: 1000, provenance: "assumption: a guess")).compile()
        #expect(AssumptionDominance.warnings(for: small).isEmpty)
        let cited = try scenario(Self.yaml(award: 50000, provenance: "citation: {document: 002_4322e846ed20b2fa.txt, lines: \"1\"}")).compile()
        #expect(AssumptionDominance.warnings(for: cited).isEmpty)
    }
}
