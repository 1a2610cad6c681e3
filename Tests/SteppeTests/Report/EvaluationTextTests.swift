import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("The text of steppe evaluate")
struct EvaluationTextTests {
    static func evaluation(_ name: String) throws -> Evaluation {
        try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path).evaluate()
    }

    @Test("Levelized cost and break-even price are in yuan per unit of the first product",
          arguments: [("ejin-horo-green-hydrogen", "CNY/kg of hydrogen"), ("dairy-3000-head", "CNY/t of raw-milk"),
                      ("ejin-horo-polysilicon", "CNY/t of polysilicon")])
    func priceUnitIsTheProducts(name: String, unit: String) throws {
        let e = try Self.evaluation(name)
        #expect(e.model.priceUnit == unit)
        let lines = e.text.split(separator: "\n").filter { ($0.contains("levelizedCost") || $0.contains("breakEvenPrice")) && !$0.contains(":") }
        #expect(!lines.isEmpty)
        for line in lines where !line.contains("undefined") { #expect(line.hasSuffix(unit), "\(line)") }
        #expect(!e.text.contains("CNY/unit"))
    }

    @Test("The report's metrics give the product's unit too")
    func reportPriceUnit() throws {
        let html = try ReportDocument(json: Self.evaluation("ejin-horo-polysilicon").json).html
        #expect(html.contains("CNY/t of polysilicon"))
        #expect(!html.contains("CNY per unit of output") && !html.contains("CNY/unit"))
    }

    @Test("An outflow that rounds to nothing shows 0.00, never -0.00")
    func noNegativeZero() throws {
        #expect(!(try Self.evaluation("ejin-horo-green-hydrogen")).text.contains("-0.00"))
    }
}
