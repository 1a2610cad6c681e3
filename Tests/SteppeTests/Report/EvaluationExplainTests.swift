import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("steppe evaluate --explain")
struct EvaluationExplainTests {
    @Test("A catalogue value used with times: shows the catalogue value in its unit, the multiplier and the product")
    func timesReadsAsProduct() throws {
        let e = try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/ejin-horo-polysilicon.yaml").path).evaluate()
        let line = try #require(e.explanation.split(separator: "\n").first { $0.contains("quantityPerUnit") })
        #expect(line.contains("0.42 fraction of consumption x 50000 = 21000"), "\(line)")
    }

    @Test("A tax preference says it acts on the CIT rate, in the explanation and the report, not a total of 0.00")
    func taxPreferenceActsOnRate() throws {
        let e = try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path).evaluate()
        #expect(e.explanation.contains("acts on the CIT rate"))
        let document = try ReportDocument(json: e.json)
        let table = try #require(document.tables.first { $0.id == "incentive-sources" })
        let row = try #require(table.rows.first { $0.first?.text == "tax.western-development-cit" })
        #expect(row[2].text == "acts on the CIT rate")
    }
}
