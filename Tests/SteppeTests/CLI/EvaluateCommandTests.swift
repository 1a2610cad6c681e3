import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("steppe evaluate")
struct EvaluateCommandTests {
    static let examplePath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path

    @Test("The embedded default scenario is the shipped example file, byte for byte")
    func embeddedDefaultMatchesFile() throws {
        let file = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        #expect(DefaultScenario.yaml + "\n" == file, "run scripts/embed-default-scenario.sh")
    }

    @Test("JSON output has the documented metrics, cash-flow columns and conventions")
    func jsonShape() throws {
        let result = SteppeCommand.run(["evaluate", Self.examplePath, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [String: Any])
        for key in ["projectNPV", "projectIRR", "equityNPV", "equityIRR", "paybackYears", "equityPaybackYears",
                    "discountedPaybackYears", "minDSCR", "breakEvenPrice", "levelizedCost"] {
            #expect(metrics[key] != nil, "metrics.\(key)")
        }
        let undefined = try #require(object["undefined"] as? [String: Any])
        for (key, value) in metrics where value is NSNull { #expect(undefined[key] is String, "reason for \(key)") }
        let rows = try #require(object["cashFlows"] as? [[String: Any]])
        #expect(rows.count == 22)
        #expect(rows.first?["year"] as? Int == 2026)
        for key in ["year", "revenue", "opex", "incentives", "depreciation", "interest", "tax", "capex", "debtDrawdown",
                    "debtService", "projectCashFlow", "equityCashFlow"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "cashFlows[].\(key)")
        }
        let conventions = try #require(object["conventions"] as? [String: String])
        #expect(conventions["discounting"]?.contains("end of year") == true)
        #expect(conventions["currency"]?.hasPrefix("CNY") == true)
    }

    @Test("Two JSON runs are byte-identical")
    func reproducibleJSON() {
        let a = SteppeCommand.run(["evaluate", Self.examplePath, "--format", "json"])
        let b = SteppeCommand.run(["evaluate", Self.examplePath, "--format", "json"])
        #expect(a.status == 0)
        #expect(a.standardOutput == b.standardOutput)
        #expect(!a.standardOutput.contains("NaN") && !a.standardOutput.contains("inf"))
    }

    @Test("Without a file, evaluate runs the embedded default scenario")
    func defaultScenario() {
        let result = SteppeCommand.run(["evaluate"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Ejin Horo green hydrogen"))
        #expect(result.standardOutput.contains("equityIRR"))
    }

    @Test("CSV output has a header and one row per year")
    func csv() {
        let result = SteppeCommand.run(["evaluate", Self.examplePath, "--format", "csv"])
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 23)
        #expect(lines[0].hasPrefix("year,revenue,opex,incentives,depreciation,interest"))
        #expect(lines[1].hasPrefix("2026,"))
    }

    @Test("--output writes the file and leaves no temporary file behind")
    func outputFile() throws {
        let folder = URL(fileURLWithPath: try temporaryFile(named: "placeholder", "")).deletingLastPathComponent()
        let out = folder.appendingPathComponent("result.json").path
        let result = SteppeCommand.run(["evaluate", Self.examplePath, "--format", "json", "--output", out])
        #expect(result.status == 0)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written == SteppeCommand.run(["evaluate", Self.examplePath, "--format", "json"]).standardOutput)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(names) == ["placeholder", "result.json"])
    }

    @Test("An unknown format is a usage error")
    func badFormat() {
        let result = SteppeCommand.run(["evaluate", "--format", "xml"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("xml"))
    }
}

@Suite("Example scenario")
struct ExampleScenarioTests {
    @Test("The Ejin Horo hydrogen example evaluates with every metric defined and finite")
    func exampleEvaluates() throws {
        let scenario = try ScenarioFile.load(path: EvaluateCommandTests.examplePath)
        let e = try scenario.evaluate()
        for (name, value) in e.metrics.all {
            let x = try #require(value.number, "\(name): \(value)")
            #expect(x.isFinite)
        }
    }

    @Test("Its cited seed values are the ones the policy documents give")
    func citedValues() throws {
        let s = try ScenarioFile.load(path: EvaluateCommandTests.examplePath)
        // Mengsu ETDZ benchmark land price 6.53万元/亩 (002 L131).
        #expect(s.land == .purchase(areaMu: 60, pricePerMu: 65_300, termYears: 50, year: 2026))
        // Industrial water 10.4 yuan/t (002 L160) and 110 kV industrial power 0.401 yuan/kWh (002 L178).
        #expect(s.operatingCosts.first { $0.id == "water" }?.price == 10.4)
        #expect(s.operatingCosts.first { $0.id == "grid-power-auxiliary" }?.price == 0.401)
        // Western Development 15% CIT 2021-2030 (002 L12131-12133).
        let wd = try #require(s.incentives.first { $0.id == "western-development-cit" })
        #expect(wd.kind == .taxRate(rate: 0.15) && wd.validFrom == 2021 && wd.validTo == 2030)
        #expect(wd.provenance == .seed(document: "002_4322e846ed20b2fa.txt", lines: "12131-12133"))
        // Every incentive carries a citation or an assumption.
        #expect(s.incentives.allSatisfy { if case .seed = $0.provenance { return true }; return false })
    }

    @Test("Its grid export stays within 20% of generation (002 L4172-4173)")
    func exportWithinCap() throws {
        let s = try ScenarioFile.load(path: EvaluateCommandTests.examplePath)
        let export = try #require(s.products.first { $0.id == "grid-export" })
        // 440 GWh generated a year (scenario comment): 20% is 88 GWh.
        #expect(export.quantity.values.allSatisfy { $0 <= 0.20 * 440e6 })
    }

    /// A user catalogue that raises the imported-cow grant (5000 -> 6000 yuan a head) and the Ordos
    /// key-firm executive subsidy (100,000 -> 150,000 yuan), herd and cohort rules kept.
    static let raisedDairyAndTalentCatalogue = [
        ("dairy.yaml", """
        domain: dairy
        policies:
          - id: dairy.imported-cow
            title: {zh: 进口奶牛每头补贴6000元, en: "Imported dairy cows: 6000 yuan per head (test)"}
            level: innerMongolia
            kind: capitalGrant
            herdRule: {kind: perImportedHead}
            parameters:
              amount: {value: 6000, unit: yuan per imported head}
            assumption: a raised amount, to test that the catalogue reaches the dairy module
        """),
        ("talent.yaml", """
        domain: talent
        policies:
          - id: talent.ordos-key-firm-executive
            title: {zh: 重点企业新引进骨干人员15万元生活补贴, en: "Ordos key firms: 150 thousand yuan to a new executive (test)"}
            level: ordos
            kind: perPersonAllowance
            cohortRule: {payment: oneOff, keyFirm: true, categories: [executive]}
            payee: employee
            parameters:
              amountPerPersonYear: {value: 150000, unit: "yuan per person, once"}
              minimumAnnualWage: {value: 600000, unit: yuan pre-tax a year}
            durationYears: 1
            stacking: {group: talent-executive-living, rule: highest}
            assumption: a raised amount, to test that the catalogue reaches the talent module
        """),
    ]

    @Test("A user catalogue's dairy and talent amounts change what the modules pay by exactly the change")
    func userCatalogueReachesDairyAndTalentModules() throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/dairy-3000-head.yaml").path
        let folder = try Self.raisedDairyAndTalentCatalogue.map { try temporaryFile(named: $0.0, $0.1) }
            .map { ($0 as NSString).deletingLastPathComponent }
        // temporaryFile makes a folder per file; put the talent file next to the dairy one.
        try FileManager.default.moveItem(atPath: folder[1] + "/talent.yaml", toPath: folder[0] + "/talent.yaml")
        func run(_ extra: [String]) throws -> [String: Any] {
            let result = SteppeCommand.run(["evaluate", path, "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.standardError)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        }
        let shipped = try run([]), raised = try run(["--catalogue", folder[0]])
        func items(_ o: [String: Any]) throws -> [String: [Double]] { try #require(o["incentivesByItem"] as? [String: [Double]]) }
        func column(_ o: [String: Any], _ key: String) throws -> [Double] {
            try #require(o["cashFlows"] as? [[String: Any]]).map { try #require($0[key] as? Double) }
        }
        let dairy = try #require(shipped["modules"] as? [String: [String: [Double]]])["dairy"]
        let bought = try #require(dairy?["heifersPurchased"])
        let before = try items(shipped), after = try items(raised)
        let cows = try #require(before["dairy.imported-cow"]), raisedCows = try #require(after["dairy.imported-cow"])
        #expect(bought.contains { $0 > 0 })
        for t in bought.indices {
            #expect(abs(cows[t] - 5000 * bought[t]) <= 1e-6 && abs(raisedCows[t] - 6000 * bought[t]) <= 1e-6, "year \(t)")
        }
        // One executive hired in 2027 (year index 1), paid above 600,000: the gross allowance the module reports.
        func talent(_ o: [String: Any]) throws -> [Double] {
            try #require((o["modules"] as? [String: [String: [Double]]])?["talent"]?["allowance:talent.ordos-key-firm-executive"])
        }
        let executive = try talent(raised), shippedExecutive = try talent(shipped)
        #expect(shippedExecutive[1] == 100_000 && executive[1] == 150_000)
        #expect(executive.enumerated().allSatisfy { $0.offset == 1 || $0.element == shippedExecutive[$0.offset] })
        for (id, amounts) in before where id != "dairy.imported-cow" && id != "talent.ordos-key-firm-executive" {
            #expect(after[id] == amounts, "\(id)")
        }
        // The firm's incentives grow by the dairy change alone: the executive's subsidy goes to the person (pass-through 0).
        let firmBefore = try column(shipped, "incentives"), firmAfter = try column(raised, "incentives")
        for t in bought.indices { #expect(abs(firmAfter[t] - firmBefore[t] - 1000 * bought[t]) <= 1e-6, "year \(t)") }
    }
}
