import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("The module table of steppe evaluate")
struct EvaluationModuleTableTests {
    @Test("Every module series has a row under its full name, and no line of the table is wider than 130 characters",
          arguments: ["dairy-3000-head", "ejin-horo-hydrogen-hourly"])
    func rowsUnderFullNames(name: String) throws {
        let e = try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path).evaluate()
        let table = e.moduleTable
        for series in e.moduleSeries {
            #expect(table.contains("\n" + Evaluation.rowName(series.name) + " "), "\(series.name)")
        }
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 130 }, "\(table)")
        #expect(!table.contains("…"))
    }

    @Test("Every year appears once, in as few blocks as fit the width")
    func everyYearOnce() throws {
        let e = try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/dairy-3000-head.yaml").path).evaluate()
        let headers = e.moduleTable.split(separator: "\n").filter { $0.hasPrefix("series") }
        let years = headers.flatMap { $0.split(separator: " ").dropFirst().map { Int($0) } }
        #expect(years == e.years.map { Optional($0.year) })
        let perBlock = (Evaluation.moduleTableWidth - (e.moduleSeries.map { Evaluation.rowName($0.name).count }.max() ?? 0) - 2) / 11
        #expect(headers.count == (e.years.count + perBlock - 1) / perBlock)
    }
}
