import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Scenario diff")
struct ScenarioDiffTests {
    static func yaml(price: String = "100", rate: String = "0.08", cit: String = "0.25", extra: String = "") -> String {
        """
        name: diffed
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: \(price)}]
        tax: {citRate: \(cit)}
        discounting: {projectRate: 0.08, equityRate: \(rate)}
        \(extra)
        """
    }

    static func diff(_ a: String, _ b: String) throws -> ScenarioDiff {
        try ScenarioDiff(try ScenarioFile.sourceNode(a, file: "a.yaml"), fileA: "a.yaml",
                         try ScenarioFile.sourceNode(b, file: "b.yaml"), fileB: "b.yaml", catalogue: try CatalogueFiles.standard())
    }

    @Test("The changed inputs are listed by key path with both values")
    func changesListed() throws {
        let d = try Self.diff(Self.yaml(), Self.yaml(price: "120", rate: "0.1"))
        #expect(d.changes.map(\.keyPath) == ["products[0].price", "discounting.equityRate"])
        #expect(d.changes[0].before == "100" && d.changes[0].after == "120")
        #expect(d.changes[0].afterSource == "typed in the scenario")
    }

    @Test("The Shapley parts of every metric's move add up to the move, to 1e-9 relative")
    func partsAddUp() throws {
        let d = try Self.diff(Self.yaml(), Self.yaml(price: "120", rate: "0.1", cit: "0.15"))
        #expect(d.changes.count == 3)
        var checked = 0
        for move in d.moves {
            guard let total = move.total, let parts = move.parts else { continue }
            #expect(abs(parts.reduce(0, +) - total) <= 1e-9 * max(abs(total), 1e-300) + 1e-12, "\(move.metric)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("A change that cannot move a metric gets no part of it")
    func discountRateDoesNotMoveProjectNPV() throws {
        let d = try Self.diff(Self.yaml(), Self.yaml(price: "120", rate: "0.1"))
        let project = try #require(d.moves.first { $0.metric == "projectNPV" }?.parts)
        #expect(project[1] == 0)  // the equity rate does not enter the project NPV
    }

    @Test("An added key is a change from absent, and the attribution still adds up")
    func addedKey() throws {
        let d = try Self.diff(Self.yaml(), Self.yaml(extra: "operatingCosts: [{id: om, annualAmount: 20000}]"))
        #expect(d.changes.map(\.keyPath) == ["operatingCosts"])
        #expect(d.changes[0].before == nil)
        let npv = try #require(d.moves.first { $0.metric == "equityNPV" })
        #expect(try #require(npv.parts)[0] == npv.total)
    }

    @Test("Identical scenarios differ in no input and move nothing")
    func identical() throws {
        let d = try Self.diff(Self.yaml(), Self.yaml())
        #expect(d.changes.isEmpty)
        #expect(d.moves.allSatisfy { $0.total == nil || $0.total == 0 })
        #expect(d.text(unit: .millionYuan).contains("No input differs"))
    }

    @Test("steppe diff of two result files gives the moves and says why they are not attributed")
    func resultFiles() throws {
        let a = try temporaryFile(named: "a.json", SteppeCommand.run(["evaluate", "--format", "json"]).standardOutput)
        let scenario = try temporaryFile(named: "b.yaml", Self.yaml())
        let b = try temporaryFile(named: "b.json", SteppeCommand.run(["evaluate", scenario, "--format", "json"]).standardOutput)
        let r = SteppeCommand.run(["diff", a, b, "--format", "json"])
        #expect(r.status == 0, "\(r.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.standardOutput.utf8)) as? [String: Any])
        #expect((root["changes"] as? [Any])?.isEmpty == true)
        #expect((root["attribution"] as? String)?.contains("result files carry no inputs") == true)
        let moves = try #require(root["moves"] as? [[String: Any]])
        #expect(moves.contains { $0["metric"] as? String == "equityNPV" && $0["total"] is Double })
    }

    @Test("steppe diff writes text, JSON and an HTML report")
    func command() throws {
        let a = try temporaryFile(named: "a.yaml", Self.yaml())
        let b = try temporaryFile(named: "b.yaml", Self.yaml(price: "110"))
        let text = SteppeCommand.run(["diff", a, b])
        #expect(text.status == 0 && text.standardOutput.contains("products[0].price: 100 -> 110"))
        let report = (NSTemporaryDirectory() as NSString).appendingPathComponent("diff-\(UUID().uuidString).html")
        let html = SteppeCommand.run(["diff", a, b, "--report", report])
        #expect(html.status == 0, "\(html.standardError)")
        let page = try String(contentsOfFile: report, encoding: .utf8)
        #expect(page.contains("What moved the equity NPV"))
    }
}
