import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("Sizing report")
struct ReportBuilderSizingTests {
    static func optimiseJSON(_ extra: [String]) throws -> JSONValue {
        let file = try temporaryFile(named: "capped.yaml", SizingOptimiserTests.cappedYAML(hydrogenPrice: 20))
        let result = SteppeCommand.run(["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "3",
                                        "--max-evaluations", "10", "--format", "json", "--quiet"] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONValue(parsing: result.standardOutput)
    }

    static func blocks(_ document: ReportDocument) -> [ReportBlock] { document.sections.flatMap(\.blocks) }

    @Test("The report's first figure is the optimum's metric in the report unit, at the optimum's sizes")
    func optimumFigure() throws {
        let json = try Self.optimiseJSON([])
        let document = try ReportDocument(json: json)
        guard case .figures(let figures) = try #require(Self.blocks(document).first) else { Issue.record("no figures first"); return }
        let value = try #require(json["value"]?.number), size = try #require(json["optimum"]?["hydrogen.electrolyser.capacityMW"]?.number)
        #expect(figures[0].label == "Best Equity NPV (largest)")
        #expect(figures[0].value == ReportFormat.money(value, .millionYuan))
        #expect(figures[0].note.contains(ReportFormat.grouped(size, decimals: 3)))
        #expect(figures.contains { $0.label == "Export share there" } && figures.contains { $0.label == "Curtailment there" })
    }

    @Test("The search chart has a point per evaluation with a defined value, and rings the optimum")
    func searchChartMarksOptimum() throws {
        let json = try Self.optimiseJSON([])
        let charts = try ReportDocument(json: json).charts
        guard case .scatter(let points, _, let marked) = try #require(charts.first { $0.id.hasPrefix("sizing-search") }?.kind) else {
            Issue.record("no scatter"); return
        }
        let search = try #require(json["search"]?.array)
        #expect(points.count == search.filter { $0["value"]?.number != nil }.count)
        let ring = try #require(marked)
        #expect(points[ring.index].x == json["optimum"]?["hydrogen.electrolyser.capacityMW"]?.number)
        #expect(points[ring.index].y == json["value"]?.number.map { $0 / 1e6 })
        let html = try ReportDocument(json: json).html
        #expect(html.contains("class=\"marked\""))
    }

    @Test("The table of evaluated points notes the optimum on exactly one row")
    func pointsTableNotesOptimumOnce() throws {
        let json = try Self.optimiseJSON([])
        let table = try #require(ReportDocument(json: json).tables.first { $0.id.hasPrefix("sizing-points") })
        #expect(table.rows.count == json["search"]?.array?.count)
        let noted = table.rows.filter { $0.last?.text == "optimum" }
        #expect(noted.count == 1)
        #expect(noted.first?.first?.value == json["optimum"]?["hydrogen.electrolyser.capacityMW"]?.number)
    }

    @Test("With --zones the zones are ranked best first by the objective at their own optimum")
    func zonesRankedBestFirst() throws {
        let json = try Self.optimiseJSON(["--zones", "ejin-horo-mengsu,bayannur-etdz"])
        let sizings = try #require(json["sizings"]?.array)
        let expected = sizings.sorted { ($0["value"]?.number ?? -.infinity) > ($1["value"]?.number ?? -.infinity) }.compactMap { $0["zone"]?.string }
        let document = try ReportDocument(json: json)
        let table = try #require(document.tables.first { $0.id == "sizing-ranking" })
        #expect(table.rows.map { $0[1].text } == expected)
        guard case .stackedBars(let categories, _, _) = try #require(document.charts.first { $0.id == "sizing-zones" }?.kind) else {
            Issue.record("no bar chart"); return
        }
        #expect(categories == expected)
        #expect(document.sections.map(\.id).contains("sizing-bayannur-etdz"))
    }

    @Test("A Monte Carlo objective's report gives the standard error at the optimum and the base case there")
    func monteCarloFigures() throws {
        let file = try OptimiseCommandTests.uncertainFile()
        let result = SteppeCommand.run(["optimise", file, "--vary", "hydrogen.electrolyser.capacityMW=10:120", "--grid-steps", "3",
                                        "--max-evaluations", "5", "--statistic", "p10", "--paths", "300", "--format", "json", "--quiet"])
        let json = try JSONValue(parsing: result.standardOutput)
        guard case .figures(let figures) = try #require(Self.blocks(try ReportDocument(json: json)).first) else { Issue.record("no figures"); return }
        #expect(figures[0].label == "Best P10 of Equity NPV (largest)")
        let se = try #require(json["objective"]?["standardError"]?.number)
        let figure = try #require(figures.first { $0.label == "Standard error there" })
        #expect(figure.value == ReportFormat.money(se, .millionYuan))
        #expect(figure.note.contains("over 300 paths (seed 1, sampler random)"))
        #expect(figures.first { $0.label == "Base case there" }?.value == ReportFormat.money(try #require(json["metrics"]?["equityNPV"]?.number), .millionYuan))
    }

    @Test("steppe report reads optimise JSON as it reads sweep JSON")
    func reportCommandReadsOptimiseJSON() throws {
        let json = try Self.optimiseJSON([])
        let input = try temporaryFile(named: "sizing.json", json.serialized())
        let out = (input as NSString).deletingLastPathComponent + "/sizing.html"
        let result = SteppeCommand.run(["report", input, "--html", out])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Search path: Equity NPV over hydrogen.electrolyser.capacityMW"))
    }
}
