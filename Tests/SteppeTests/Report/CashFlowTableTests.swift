import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Displayed cash-flow tables add up")
struct CashFlowTableTests {
    /// Scenarios with VAT in construction, residual values, loans, incentives and taxes.
    /// The last one has working capital (its column sits before the equity total).
    static let scenarios = ["ejin-horo-green-hydrogen", "dairy-3000-head", "ejin-horo-polysilicon", "ejin-horo-dairy-farm",
                            "ejin-horo-hydrogen-feasibility"]

    static func evaluation(_ name: String) throws -> Evaluation {
        try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/\(name).yaml").path).evaluate()
    }

    /// The displayed columns of a scenario's tables.
    static func columns(_ name: String) -> [CashFlowTable.Column] {
        CashFlowTable.columns(workingCapital: name == "ejin-horo-hydrogen-feasibility")
    }

    /// Indices of the totals and of the flows summed into each.
    static func sums(_ columns: [CashFlowTable.Column]) -> [(total: Int, flows: [Int])] {
        var result: [(Int, [Int])] = [], flows: [Int] = []
        for (i, c) in columns.enumerated() {
            switch c.role {
            case .flow: flows.append(i)
            case .total:
                result.append((i, (result.last.map { [$0.0] } ?? []) + flows)); flows = []
            case .memo: break
            }
        }
        return result
    }

    @Test("The columns rebuild the engine's CFADS and equity cash flow in every year", arguments: scenarios)
    func columnsRebuildTotals(name: String) throws {
        let e = try Self.evaluation(name)
        let columns = Self.columns(name), sums = Self.sums(columns)
        let workingCapital = e.model.conventions.workingCapital != nil
        for y in e.years {
            let row = Dictionary(y.columns, uniquingKeysWith: { a, _ in a })
            let v = CashFlowTable.values(workingCapital: workingCapital) { row[$0] ?? nil }.map { $0 ?? .nan }
            for (total, flows) in sums {
                let sum = flows.map { v[$0] }.reduce(0, +)
                let scale = max(1, flows.map { abs(v[$0]) }.max() ?? 1)
                #expect(abs(sum - v[total]) <= 1e-9 * scale, "\(name) \(y.year) \(columns[total].title): \(sum) vs \(v[total])")
            }
        }
        #expect(sums.map { columns[$0.total].keys } == [["cfads"], ["equityCashFlow"]])
    }

    @Test("The text table of evaluate adds up to its printed totals, to rounding", arguments: scenarios)
    func textTableAddsUp(name: String) throws {
        let text = try Self.evaluation(name).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("year ") && $0.contains("CFADS") }) else {
            Issue.record("no cash-flow table in \(text)"); return
        }
        #expect(lines[header].contains("VAT+surt") && lines[header].contains("residual"))
        var rows = 0
        let columns = Self.columns(name), sums = Self.sums(columns)
        for line in lines[(header + 1)...] {
            let fields = line.split(separator: " ")
            guard fields.count == columns.count + 2, Int(fields[0]) != nil else { break }
            let v = fields.dropFirst().prefix(columns.count).map { Double($0) ?? .nan }
            for (total, flows) in sums {
                let sum = flows.map { v[$0] }.reduce(0, +)
                #expect(abs(sum - v[total]) <= 0.005 * Double(flows.count + 1), "\(name) \(line)")
            }
            rows += 1
        }
        #expect(rows == (try Self.evaluation(name)).years.count)
        #expect(text.contains("Outflows are negative. CFADS = revenue + opex"))
    }

    @Test("The report's cash-flow table (HTML, Markdown, CSV) adds up and says how", arguments: scenarios)
    func reportTableAddsUp(name: String) throws {
        let e = try Self.evaluation(name)
        let document = try ReportDocument(json: e.json)
        let table = try #require(document.tables.first { $0.id == "cash-flows" })
        let columns = Self.columns(name), sums = Self.sums(columns)
        #expect(table.columns == ["year"] + columns.map(\.title) + ["DSCR"])
        #expect(table.rows.count == e.years.count)
        for row in table.rows {
            let v = row.dropFirst().prefix(columns.count).map { $0.value ?? .nan }
            for (total, flows) in sums {
                let sum = flows.map { v[$0] }.reduce(0, +)
                #expect(abs(sum - v[total]) <= 1e-9 * max(1, abs(v[total])), "\(name) \(row.first?.text ?? "") \(sum) vs \(v[total])")
                // The displayed (rounded) text adds up too.
                let shown = row.dropFirst().prefix(columns.count).map { Double($0.text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")) ?? .nan }
                let shownSum = flows.map { shown[$0] }.reduce(0, +)
                #expect(abs(shownSum - shown[total]) <= 0.005 * Double(flows.count + 1), "\(name) \(row.map(\.text))")
            }
        }
        #expect(document.html.contains("Outflows are negative."))
    }
}
