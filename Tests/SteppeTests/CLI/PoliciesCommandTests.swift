import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("steppe policies, steppe zones, evaluate --explain")
struct PoliciesCommandTests {
    @Test("policies --zone on an Ejin Horo park lists at least 40 cited entries across the five domains")
    func ejinHoroParkListing() throws {
        let result = SteppeCommand.run(["policies", "--zone", "ejin-horo-airport-park"])
        #expect(result.status == 0)
        let out = result.standardOutput
        let count = try #require(Int(out.prefix { $0.isNumber }))
        #expect(count >= 40)
        let cited = out.components(separatedBy: "\n").filter { $0.contains(".txt L") }.count
        #expect(cited >= 40)
        for domain in ["electricity", "hydrogen", "dairy", "talent", "tax"] {
            let header = try #require(out.components(separatedBy: "\n").first { $0.hasPrefix("\(domain) (") }, "\(domain)")
            #expect((Int(header.dropFirst(domain.count + 2).prefix { $0.isNumber }) ?? 0) >= 5, "\(header)")
        }
        #expect(out.contains("factor.land-airport-park-benchmark"))
        #expect(!out.contains("factor.land-mengsu-benchmark"))       // another park's price
        #expect(!out.contains("electricity.etdz-direct-trading"))    // national ETDZs only
    }

    @Test("--kind and --format json select and render entries")
    func kindAndJSON() throws {
        let result = SteppeCommand.run(["policies", "--kind", "cap", "--format", "json"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.count >= 4)
        #expect(array.allSatisfy { $0["kind"] as? String == "cap" })
        let cap = try #require(array.first { $0["id"] as? String == "hydrogen.grid-export-cap" })
        let citation = try #require(cap["citation"] as? [String: String])
        #expect(citation == ["document": "002_4322e846ed20b2fa.txt", "lines": "4172-4173", "phrase": "年上网电量不超过项目年总发电量的 20%"])
        let bad = SteppeCommand.run(["policies", "--kind", "grant"])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("--kind must be one of"))
    }

    @Test("policies --format json shows an entry's herd or cohort rule, keys as in the catalogue files")
    func herdAndCohortRulesInJSON() throws {
        let result = SteppeCommand.run(["policies", "--format", "json"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        func entry(_ id: String) throws -> [String: Any] { try #require(array.first { $0["id"] as? String == id }) }
        let herd = try #require(try entry("dairy.scale-farm-base")["herdRule"] as? [String: Any])
        #expect(herd["kind"] as? String == "herdReaches" && herd["steps"] as? String == "dairy.scale-farm-step")
        #expect(herd["enabled"] as? Bool == false)
        let cohort = try #require(try entry("talent.ordos-retention-phd")["cohortRule"] as? [String: Any])
        #expect(cohort["payment"] as? String == "monthly" && cohort["keyFirm"] as? Bool == true)
        #expect(cohort["origins"] as? [String] == ["outsideCity"] && cohort["categories"] as? [String] == ["phd"])
        #expect(try entry("tax.western-development-cit")["herdRule"] == nil)
    }

    @Test("zones lists every siting option the seeds name")
    func zonesListing() {
        let out = SteppeCommand.run(["zones"]).standardOutput
        for id in ["ejin-horo-mengsu", "ejin-horo-airport-park", "ordos", "hohhot", "hohhot-etdz", "baotou", "bayannur",
                   "bayannur-etdz", "hulunbuir", "hulunbuir-etdz", "manzhouli", "erenhot", "erenhot-zamyn-uud-ecz"] {
            #expect(out.contains("  \(id)  "), "\(id)")
        }
        #expect(out.contains("erenhot-zamyn-uud-ecz  crossBorderZone [proposed]"))
    }

    @Test("zones ZONE shows own and inherited values with their sources")
    func zoneProfile() {
        let out = SteppeCommand.run(["zones", "ejin-horo-mengsu"]).standardOutput
        #expect(out.contains("land.industrial = 65300 yuan/mu <- factor.land-mengsu-benchmark"))
        #expect(out.contains("power.industrial-110kv = 0.401 yuan/kWh (from ejin-horo) <- electricity.industrial-110kv"))
        #expect(out.contains("002_4322e846ed20b2fa.txt L131 \"蒙苏经济技术开发区 6.53 万元/亩\""))
        #expect(SteppeCommand.run(["zones", "atlantis"]).status == 1)
    }

    @Test("evaluate --explain traces each price line and incentive to its policy and citation")
    func explain() throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
        let result = SteppeCommand.run(["evaluate", path, "--explain"])
        #expect(result.status == 0, "\(result.standardError)")
        let out = result.standardOutput
        #expect(out.contains("Where the numbers come from"))
        #expect(out.contains("operatingCosts[3].price = 0.401 yuan/kWh"))
        #expect(out.contains("from zone ejin-horo-mengsu: power.industrial-110kv <- policy electricity.industrial-110kv.price"))
        #expect(out.contains("hydrogen.self-use-fee-exemption"))
        #expect(out.contains("002_4322e846ed20b2fa.txt L4175-4177"))
        let plain = SteppeCommand.run(["evaluate", path]).standardOutput
        #expect(!plain.contains("Where the numbers come from"))
    }

    /// The `--explain` lines about incentive `id` of the example scenario `name`.
    static func explained(_ id: String, in name: String) -> String {
        let path = packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path
        return incentiveBlock(id, in: SteppeCommand.run(["evaluate", path, "--explain"]).standardOutput)
    }

    /// The lines of `--explain` text about incentive `id`: its own line and those indented under it.
    static func incentiveBlock(_ id: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \(id):") }) else { return "" }
        return lines[start...].prefix { $0 == lines[start] || $0.hasPrefix("      ") }.joined(separator: "\n")
    }

    @Test("evaluate --explain says the 3+3 holiday's eligibility for green hydrogen is assumed, and why")
    func explainAssumedEligibility() throws {
        let block = Self.explained("tax.three-exempt-three-half", in: "ejin-horo-green-hydrogen-catalogue")
        #expect(block.contains("eligibility: ASSUMED: the 3+3 holiday (002 L2162-2164)"), "\(block)")
        #expect(block.contains("nothing in the seeds puts green hydrogen"))
    }

    @Test("evaluate --explain says an incentive's eligibility is cited when its own citation states who qualifies")
    func explainCitedEligibility() throws {
        let block = Self.explained("hydrogen.self-use-fee-exemption", in: "ejin-horo-green-hydrogen-catalogue")
        #expect(block.contains("eligibility: cited (as above)"))
    }

    @Test("evaluate --explain shows the assumed benchmark rate a benchmark interest subsidy rests on")
    func explainBenchmarkRate() throws {
        let block = Self.explained("dairy.processor-lpr-interest-project", in: "ejin-horo-dairy-processing")
        #expect(block.contains("policies[0].benchmarkRate = 0.03 1-year LPR"), "\(block)")
        #expect(block.contains("assumption: 1-year LPR of 3.0%"))
    }

    @Test("The evaluation JSON records each incentive's eligibility as cited or assumed")
    func eligibilityInJSON() throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path
        let result = SteppeCommand.run(["evaluate", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let incentives = try #require(object["incentives"] as? [[String: Any]])
        let basis = Dictionary(uniqueKeysWithValues: incentives.compactMap { inc -> (String, String)? in
            guard let id = inc["id"] as? String, let e = inc["eligibility"] as? [String: Any] else { return nil }
            return (id, e["basis"] as? String ?? "")
        })
        #expect(basis.count == incentives.count)
        #expect(basis["three-exempt-three-half"] == "assumed")
        #expect(basis["self-use-fee-exemption"] == "cited")
    }

    @Test("An eligibility basis with neither citation nor assumption is an error at its key path")
    func eligibilityBasisNeedsASource() throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "eligibilityBasis: {assumption:", with: "eligibilityBasis: {asumption:")
        let file = try temporaryFile(named: "broken.yaml", broken)
        let result = SteppeCommand.run(["evaluate", file])
        #expect(result.status != 0)
        #expect(result.standardError.contains("policies[1].eligibilityBasis"), "\(result.standardError)")
    }

    @Test("Every example scenario has a header saying what it models and evaluates with finite metrics",
          arguments: ["ejin-horo-green-hydrogen", "ejin-horo-green-hydrogen-catalogue", "ejin-horo-dairy-farm", "ejin-horo-polysilicon",
                      "ejin-horo-dairy-processing"])
    func examples(name: String) throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("#"))
        let e = try ScenarioFile.load(path: path).evaluate()
        for (metric, value) in e.metrics.all {
            if case .value(let x) = value { #expect(x.isFinite, "\(metric)") }
        }
        #expect(e.years.allSatisfy { $0.projectCashFlow.isFinite })
    }
}
