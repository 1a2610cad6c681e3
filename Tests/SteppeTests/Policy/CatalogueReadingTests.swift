import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Catalogue files")
struct CatalogueReadingTests {
    static func read(_ yaml: String, file: String = "mine.yaml") throws(ScenarioErrors) -> PolicyCatalogue {
        try PolicyCatalogue(reading: [(file, try ScenarioFile.sourceNode(yaml, file: file))])
    }

    @Test("Catalogue errors name the file, the line and the key path, all at once")
    func errorsHaveLines() throws {
        let yaml = """
        domain: tax
        policies:
          - id: tax.test
            title: {zh: 测试, en: Test}
            level: regional
            kind: taxRate
            parameters:
              rate: {value: 0.15}
            citaton: {document: x.txt, lines: "1", phrase: "15%"}
        """
        do { _ = try Self.read(yaml); Issue.record("expected errors") } catch {
            let lines = error.issues.map(\.description)
            #expect(lines.contains("mine.yaml:5:12: policies[0].level: 'regional' is not one of national, innerMongolia, ordos, ejinHoro, zone"))
            #expect(lines.contains("mine.yaml:8:13: policies[0].parameters.rate.unit: missing required key"))
            #expect(lines.contains("mine.yaml:9:5: policies[0].citaton: unknown key; did you mean 'citation'?"))
            #expect(lines.contains { $0.hasPrefix("mine.yaml:3:5: policies[0].citation: missing") })
        }
    }

    @Test("Cross-references are checked: parents, policies of zone values, scopes and required parameters")
    func validation() throws {
        let c = try Self.read("""
        domain: tax
        policies:
          - {id: a, title: {zh: 甲, en: A}, level: zone, kind: taxRate, assumption: test}
          - {id: b, title: {zh: 乙, en: B}, level: national, kind: rule, appliesIn: [narnia], assumption: test}
        zones:
          - {id: z, name: {zh: 区, en: Z}, type: park, within: nowhere, assumption: test,
             values: {land: {policy: missing}}}
        """)
        let messages = c.validate().map(\.description)
        #expect(messages.contains { $0.contains("z.within: unknown zone 'nowhere'") })
        #expect(messages.contains { $0.contains("z.values.land.policy: unknown policy 'missing'") })
        #expect(messages.contains { $0.contains("a.appliesIn: a zone-level policy must name the zones it applies in") })
        #expect(messages.contains { $0.contains("b.appliesIn: unknown zone or tag 'narnia'") })
        #expect(messages.contains { $0.contains("a.parameters: a taxRate entry needs parameter rate") })
    }

    @Test("A user folder overrides a shipped entry by id and adds its own; evaluate --catalogue uses it")
    func userFolderOverrides() throws {
        let file = try temporaryFile(named: "power.yaml", newerTariffCatalogueYAML + """

        zones:
          - id: my-park
            name: {zh: 我的园区, en: My park}
            type: park
            within: ejin-horo
            assumption: test
            values:
              land.industrial: {value: 50000, unit: yuan/mu, assumption: test}
        """)
        let folder = (file as NSString).deletingLastPathComponent
        let c = try CatalogueFiles.load(directory: folder)
        let shipped = try CatalogueFiles.standard()
        #expect(c.policies.count == shipped.policies.count)
        #expect(c.policy("electricity.industrial-110kv")?.parameter("price")?.value == 0.38)
        #expect(c.resolve(try #require(c.value("land.industrial", in: "my-park")).value)?.value == 50000)
        let scenarioFile = try temporaryFile(named: "s.yaml", ZoneProfileTests.yaml(zone: "my-park"))
        let result = SteppeCommand.run(["evaluate", scenarioFile, "--catalogue", folder, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"value\": 0.38"))
        #expect(result.standardOutput.contains("\"assumption\": \"a newer tariff list, for the test\""))
    }

    @Test("A missing catalogue folder is an error, not a silent fallback")
    func missingFolder() {
        let result = SteppeCommand.run(["policies", "--catalogue", "/nonexistent/catalogue"])
        #expect(result.status == 1)
        #expect(result.standardError == "/nonexistent/catalogue: no such catalogue folder\n")
    }

    @Test("Policy uses report missing bindings and unknown overrides with lines", arguments: [
        ("{policy: talent.ordos-key-firm-graduate}", "policies[0].role: 'talent.ordos-key-firm-graduate' (perPersonAllowance) needs 'role'"),
        ("{policy: tax.three-exempt-three-half, set: {exemptYear: 2}}", "policies[0].set.exemptYear: 'tax.three-exempt-three-half' has no settable value 'exemptYear'; did you mean 'exemptYears'?"),
        ("{policy: dairy.dhi-testing}", "'dairy.dhi-testing' is paid to a thirdParty, not to the project or its staff"),
        ("{policy: talent.ordos-key-firm-graduate, role: nobody}", "test.yaml:13:59: policies[0].role: unknown staff role 'nobody'"),
    ])
    func useErrors(use: String, message: String) throws {
        do {
            _ = try scenario(ZoneProfileTests.yaml(zone: "ejin-horo", policies: "[\(use)]"))
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains(message), "\(String(describing: error))")
        }
    }
}

extension CatalogueReadingTests {
    @Test("Zones whose 'within' links form a cycle are reported")
    func cycle() throws {
        let c = try Self.read("""
        zones:
          - {id: a, name: {zh: 甲, en: A}, type: park, within: b, assumption: test}
          - {id: b, name: {zh: 乙, en: B}, type: park, within: a, assumption: test}
        """)
        #expect(c.validate().filter { $0.message.contains("form a cycle") }.count == 2)
        #expect(c.chain(of: "a").map(\.id) == ["a", "b"])
    }
}

extension CatalogueReadingTests {
    @Test("An unknown policy is one error, not one more per overridden value")
    func unknownPolicyIsOneError() throws {
        do {
            _ = try scenario(ZoneProfileTests.yaml(zone: "ejin-horo", policies: "[{policy: tax.nope, set: {rate: 1, capTotal: 2}}]"))
            Issue.record("expected an error")
        } catch let error as ScenarioErrors {
            #expect(error.issues.map(\.description) == ["test.yaml:13:21: policies[0].policy: unknown policy 'tax.nope'"])
        }
    }
}
