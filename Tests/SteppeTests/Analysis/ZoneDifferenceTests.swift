import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("What separates two zones")
struct ZoneDifferenceTests {
    /// Three zones under one region: `home` and `cited-zone` with cited water prices, `proxy-zone`
    /// with a proxy, and the same cited power price everywhere.
    static let catalogueYAML = """
        zones:
          - id: region
            name: {zh: 区, en: Region}
            type: region
            assumption: test
            values:
              power.test: {value: 0.40, unit: yuan/kWh, citation: {document: x.txt, lines: "1", phrase: "0.40"}}
          - id: home
            name: {zh: 家, en: Home}
            type: city
            within: region
            assumption: test
            values:
              water.test: {value: 4.0, unit: yuan/t, citation: {document: x.txt, lines: "2", phrase: "4.0"}}
          - id: cited-zone
            name: {zh: 引, en: Cited}
            type: city
            within: region
            assumption: test
            values:
              water.test: {value: 6.0, unit: yuan/t, citation: {document: x.txt, lines: "3", phrase: "6.0"}}
          - id: proxy-zone
            name: {zh: 代, en: Proxy}
            type: city
            within: region
            assumption: test
            values:
              water.test: {value: 6.0, unit: yuan/t, assumption: "proxy: another zone's price"}
        """

    static let project = """
        name: sited
        zone: home
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 300}]
        operatingCosts:
          - {id: water, unit: t, perUnitOf: widget, quantityPerUnit: 10, price: {zone: water.test}}
          - {id: power, unit: kWh, perUnitOf: widget, quantityPerUnit: 50, price: {zone: power.test}}
        tax: {citRate: 0.25}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    static func difference(_ zone: String, _ reference: String = "home", overrides: [(String, SourceNode)] = [])
        throws -> ZoneDifference {
        let catalogue = try PolicyCatalogue(reading: [("zones.yaml", try ScenarioFile.sourceNode(catalogueYAML, file: "zones.yaml"))])
        let project = try ScenarioFile.sourceNode(Self.project, file: "p.yaml")
        let a = try SitedProject(project: project, site: SiteStudy.Site(zone: reference), file: "p.yaml", catalogue: catalogue)
        let b = try SitedProject(project: project, site: SiteStudy.Site(zone: zone, overrides: overrides), file: "p.yaml",
                                 catalogue: catalogue)
        return ZoneDifference(zone: b, reference: a, project: project, file: "p.yaml", catalogue: catalogue,
                              dropInapplicablePolicies: false)
    }

    @Test("Zones that differ only in cited values: none of the difference rests on proxies")
    func citedOnly() throws {
        let d = try Self.difference("cited-zone")
        #expect(d.inputs.map(\.keyPath) == ["operatingCosts[0].price"])
        #expect(d.inputs.first?.basis == .cited)
        #expect(try #require(d.total) < 0)
        #expect(d.proxyShare == 0)
        #expect(!d.restsOnProxies)
    }

    @Test("Zones that differ only in proxy values: all of the difference rests on proxies, and it is flagged")
    func proxyOnly() throws {
        let d = try Self.difference("proxy-zone")
        #expect(d.inputs.first?.basis == .proxy)
        #expect(d.proxyShare == 1)
        #expect(d.restsOnProxies)
    }

    @Test("The Shapley shares of the differing inputs add up to the difference when they are all it takes")
    func sharesAddUp() throws {
        let d = try Self.difference("cited-zone", overrides: [("products[0].price", SourceNode(.scalar("330", plain: true)))])
        #expect(d.inputs.count == 2)
        let total = try #require(d.total)
        let sum = d.inputs.reduce(0) { $0 + $1.share! }
        #expect(abs(sum - total) <= 1e-9 * abs(total))
        #expect(abs(try #require(d.unattributed)) <= 1e-9 * abs(total))
        // The override is the study's own assumption, so the proxy share is its part of the total.
        let overridePart = try #require(d.inputs.first { $0.keyPath == "products[0].price" }?.share)
        #expect(abs(try #require(d.proxyShare) - overridePart / total) <= 1e-12)
    }

    @Test("The same zone twice differs in nothing")
    func identicalZones() throws {
        let d = try Self.difference("home")
        #expect(!d.differs)
        #expect(d.total == 0)
    }

    static let hydrogenPath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path
    static let cataloguePath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
    static let studyPath = packageRootURL.appendingPathComponent("Scenarios/study-hydrogen-siting.yaml").path

    @Test("Comparing the shipped hydrogen scenario across zones is refused: it pins every zone value, and the message names them")
    func pinnedScenarioRefused() {
        let r = SteppeCommand.run(["compare", Self.hydrogenPath, "--zones", "ejin-horo-mengsu,baotou,hohhot-etdz", "--paths", "50"])
        #expect(r.status == 1)
        #expect(r.standardError.contains("differ in no input"))
        #expect(r.standardError.contains("operatingCosts[2].price (water)"))
        #expect(r.standardOutput.isEmpty)
    }

    @Test("--zones with a study keeps the study's overrides for the zones it names")
    func zonesKeepStudyOverrides() throws {
        func baseNPV(_ args: [String], zone: String) throws -> Double {
            let r = SteppeCommand.run(["compare", Self.studyPath, "--paths", "50", "--format", "json"] + args)
            #expect(r.status == 0, "\(r.standardError)")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(r.standardOutput.utf8)) as? [String: Any])
            let pairs = try #require((root["zoneEvidence"] as? [String: Any])?["pairs"] as? [[String: Any]])
            return try #require(pairs.first { $0["zone"] as? String == zone }?["baseEquityNPV"] as? Double)
        }
        let whole = try baseNPV([], zone: "hohhot-etdz")
        let named = try baseNPV(["--zones", "ejin-horo-mengsu,hohhot-etdz"], zone: "hohhot-etdz")
        #expect(named == whole)
    }

    @Test("A policy that does not apply in a zone refuses the zone, unless dropped, and the drop is listed")
    func dropInapplicablePolicies() throws {
        let refused = SteppeCommand.run(["compare", Self.cataloguePath, "--zones", "ejin-horo-mengsu,baotou", "--paths", "50"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("does not apply in zone 'baotou'"))
        let dropped = SteppeCommand.run(["compare", Self.cataloguePath, "--zones", "ejin-horo-mengsu,baotou", "--paths", "50",
                                         "--drop-inapplicable-policies", "--format", "json"])
        #expect(dropped.status == 0, "\(dropped.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dropped.standardOutput.utf8)) as? [String: Any])
        let lists = try #require((root["zoneEvidence"] as? [String: Any])?["droppedPolicies"] as? [String: [String]])
        #expect(lists["baotou"]?.contains("hydrogen.ordos-hrs-capex-1000") == true)
        #expect(lists["ejin-horo-mengsu"] == nil)
    }

    @Test("The siting study's text flags differences that rest on proxies")
    func studyFlagsProxies() {
        let r = SteppeCommand.run(["compare", Self.studyPath, "--paths", "50"])
        #expect(r.status == 0)
        #expect(r.standardOutput.contains("RESTS MOSTLY ON PROXIES"))
    }
}
