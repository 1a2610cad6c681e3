import Foundation
import Testing
@testable import Steppe
import SteppeFiles
import SteppeCLI

@Suite("Readable names of uncertain inputs")
struct InputLabelTests {
    static func hydrogen() throws -> Scenario {
        try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path)
    }

    @Test("An input is named by its item's id and what varies, with its unit")
    func namesWithUnits() throws {
        let s = try Self.hydrogen()
        #expect(s.inputLabel(for: "products[0].price") == "hydrogen price (yuan/kg)")
        #expect(s.inputLabel(for: "capex[0].amount") == "capex 2026 wind-pv (yuan)")
        #expect(s.inputLabel(for: "products[1].quantity", multiplier: true) == "grid-export quantity (yearly multiplier)")
        #expect(s.inputLabel(for: "policyRisk:abc") == "policy risk of abc")
    }

    @Test("A key path the labeller does not know, or an index past the list, stays as given")
    func unknownStays() throws {
        let s = try Self.hydrogen()
        #expect(s.inputLabel(for: "products[9].price") == "products[9].price")
        #expect(s.inputLabel(for: "hydrogen.water.price") == "hydrogen.water.price")
    }

    @Test("steppe sensitivity names the tornado's inputs and prints their levels grouped, not as raw floats")
    func tornadoText() {
        let result = SteppeCommand.run(["sensitivity", "--tornado"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("hydrogen price (yuan/kg)"))
        #expect(result.standardOutput.contains("capex 2026 wind-pv (yuan)"))
        #expect(!result.standardOutput.contains("products[0].price"))
        #expect(!result.standardOutput.contains("e+"), "\(result.standardOutput)")
        #expect(result.standardOutput.range(of: #"\d{1,3}(,\d{3}){2}"#, options: .regularExpression) != nil)
    }

    @Test("The report's tornado labels its bars the same way, with grouped levels")
    func tornadoReport() throws {
        let result = SteppeCommand.run(["sensitivity", "--tornado", "--format", "json"])
        let document = try ReportDocument(json: try JSONValue(parsing: result.standardOutput))
        let table = try #require(document.tables.first { $0.id == "tornado" && $0.columns.contains("low") })
        #expect(table.rows.contains { $0.first?.text == "hydrogen price (yuan/kg)" })
        #expect(table.rows.allSatisfy { !($0.first?.text.contains("[") ?? true) })
        #expect(table.rows.allSatisfy { $0[1].text.range(of: #"\.\d{5,}"#, options: .regularExpression) == nil }, "\(table.rows.map { $0[1].text })")
        #expect(table.rows.contains { $0[1].text.range(of: #"^\d{1,3}(,\d{3}){2}$"#, options: .regularExpression) != nil })
    }

    @Test("The report's Sobol table is sorted by total index, largest first, with both bootstrap intervals")
    func sobolSortedWithIntervals() throws {
        func index(_ name: String, _ total: Double) -> JSONValue {
            .object([("input", .string(name)), ("label", .string("label of \(name)")), ("firstOrder", .number(total / 2)),
                     ("firstOrderLow", .number(total / 4)), ("firstOrderHigh", .number(total * 0.75)),
                     ("total", .number(total)), ("totalLow", .number(total * 0.9)), ("totalHigh", .number(total * 1.1))])
        }
        let json = JSONValue.object([("scenario", .string("s")), ("metric", .string("equityNPV")), ("baseValue", .number(1)),
                                     ("sobol", .object([("indices", .array([index("a", 0.1), index("b", 0.6), index("c", 0.3)]))]))])
        let table = try #require(try ReportDocument(json: json).tables.first { $0.id == "sobol" })
        #expect(table.rows.map { $0[0].text } == ["label of b", "label of c", "label of a"])
        #expect(table.columns == ["input", "first order", "first-order interval", "total", "total interval"])
        #expect(table.rows[0][2].text == "[0.150, 0.450]" && table.rows[0][4].text == "[0.540, 0.660]")
    }
}
