import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Catalogue incentives: stacking, caps and windows")
struct PolicyStackingTests {
    static let examples = ["ejin-horo-green-hydrogen-catalogue", "ejin-horo-dairy-farm", "ejin-horo-polysilicon",
                           "ejin-horo-dairy-processing"]

    static func load(_ name: String) throws -> Scenario {
        try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path)
    }

    /// Plant with staff; `policies` is the scenario's list.
    static func yaml(startYear: Int = 2026, experts: Int = 10, policies: String) -> String {
        """
        name: stacking
        zone: ejin-horo-mengsu
        startYear: \(startYear)
        operatingYears: 8
        assetClasses: [{id: plant, lifeYears: 10}, {id: station, lifeYears: 10}]
        capex: [{year: \(startYear), assetClass: plant, amount: 10000000}, {year: \(startYear), assetClass: station, amount: 20000000}]
        products: [{id: hydrogen, unit: kg, quantity: 300000, price: 30}]
        labour:
          - {role: experts, headcount: \(experts), annualWage: 1000000}
          - {role: executives, headcount: 3, annualWage: 800000}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        policies:
        \(policies)
        """
    }

    static func total(_ e: Evaluation, _ id: String) -> Double {
        e.incentivesByItem.first { $0.id == id }!.amounts.reduce(0, +)
    }

    @Test("A benchmark interest subsidy is an interest subsidy of the benchmark's share, at most the ceiling",
          arguments: [(nil, 0.02), (0.025, 0.7 * 0.025)] as [(Double?, Double)])
    func benchmarkInterestSubsidy(lpr: Double?, expected: Double) throws {
        let set = lpr.map { ", set: {benchmarkRate: \($0)}" } ?? ""
        let s = try scenario(Self.yaml(policies: "  - {policy: dairy.processor-lpr-interest-project\(set)}"))
        let inc = try #require(s.incentives.first)
        guard case .interestSubsidy(let rate, let loans) = inc.kind else { Issue.record("\(inc.kind)"); return }
        #expect(abs(rate - expected) < 1e-12)   // the LPR of 3.0% (assumed) x 0.7 = 2.1% is held at the 2% ceiling
        #expect(loans.isEmpty)
        #expect(inc.capPerYear == 3_000_000)
    }

    @Test("In the examples, no highest-only stacking group ever pays two items", arguments: examples)
    func highestOnlyGroupsPayOne(example: String) throws {
        let s = try Self.load(example)
        let e = try s.evaluate()
        var groups: [String: [String]] = [:]
        for inc in s.incentives where inc.stackingRule == .highest {
            if let g = inc.stackingGroup { groups[g, default: []].append(inc.id) }
        }
        for (group, ids) in groups {
            let paying = ids.filter { Self.total(e, $0) > 0 }
            #expect(paying.count <= 1, "\(example): group \(group) pays \(paying)")
        }
    }

    @Test("The city's and the banner's executive allowance are one benefit: only one is received")
    func cityAndBannerDoNotStack() throws {
        let both = try evaluate(Self.yaml(policies: """
          - {policy: talent.ordos-key-firm-executive, role: executives, set: {passThroughShare: 1}}
          - {policy: talent.ejh-key-firm-executive, role: executives, set: {passThroughShare: 1}}
        """))
        #expect(Self.total(both, "talent.ordos-key-firm-executive") + Self.total(both, "talent.ejh-key-firm-executive") == 300_000)
    }

    @Test("The banner's flexible-hire subsidy stops at its 2 million yuan total; the city's at 2 million a year")
    func capsBind() throws {
        let banner = try evaluate(Self.yaml(policies: "  - {policy: talent.ejh-flexible-hire, role: experts}"))
        #expect(Self.total(banner, "talent.ejh-flexible-hire") == 2_000_000)
        let city = try evaluate(Self.yaml(policies: "  - {policy: talent.ordos-flexible-hire, role: experts}"))
        let yearly = city.incentivesByItem.first { $0.id == "talent.ordos-flexible-hire" }!.amounts
        #expect(yearly.max() == 2_000_000)                       // 10 x 300,000 capped at 2,000,000
        #expect(yearly.filter { $0 > 0 }.count == 5)             // at most 5 years
        let few = try evaluate(Self.yaml(experts: 2, policies: "  - {policy: talent.ordos-flexible-hire, role: experts}"))
        #expect(few.incentivesByItem.first!.amounts.max() == 600_000)   // below the cap: 2 x 300,000
    }

    @Test("One station, one capacity class: the larger grant is paid, within its cap and window")
    func stationGrantWindowAndCap() throws {
        let policies = """
          - {policy: hydrogen.ordos-hrs-capex-500, assetClasses: [station]}
          - {policy: hydrogen.ordos-hrs-capex-1000, assetClasses: [station]}
        """
        // Built in 2024: 30% of 20 million = 6 million, capped at 4.5 million; the 500 kg/day class is not paid too.
        let early = try evaluate(Self.yaml(startYear: 2024, policies: policies))
        #expect(Self.total(early, "hydrogen.ordos-hrs-capex-1000") == 4_500_000)
        #expect(Self.total(early, "hydrogen.ordos-hrs-capex-500") == 0)
        // Built in 2026: the Ordos package ended on 2025-12-31.
        let late = try evaluate(Self.yaml(startYear: 2026, policies: policies))
        #expect(Self.total(late, "hydrogen.ordos-hrs-capex-1000") + Self.total(late, "hydrogen.ordos-hrs-capex-500") == 0)
    }

    @Test("A catalogue incentive carries its citation, and overrides are listed with the catalogue value")
    func provenanceOfUses() throws {
        let s = try scenario(Self.yaml(policies: """
          - {policy: hydrogen.ordos-hrs-capex-1000, assetClasses: [station], set: {capTotal: 3000000}, reason: approved amount}
        """))
        let inc = try #require(s.incentives.first)
        #expect(inc.provenance == .seed(document: "002_4322e846ed20b2fa.txt", lines: "4908-4912"))
        #expect(inc.capTotal == 3_000_000)
        let override = try #require(s.traces.first { $0.keyPath.hasSuffix(".set.capTotal") })
        #expect(override.override?.catalogueValue == 4_500_000)
        #expect(override.override?.reason == "approved amount")
    }

    @Test("times multiplies a per-head amount and is traced", arguments: [1.0, 1000.0])
    func timesScalesPerHead(heads: Double) throws {
        let s = try scenario(Self.yaml(policies: "  - {policy: dairy.imported-cow, times: \(heads), assetClasses: [plant]}"))
        guard case .capitalGrant(_, let amount?, _) = s.incentives.first?.kind else { Issue.record("not a grant"); return }
        #expect(amount == 5000 * heads)
        #expect(s.traces.first?.times == heads)
    }
}
