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
}
