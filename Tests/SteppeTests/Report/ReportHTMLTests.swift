import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Steppe

/// Collects what the tests check in an HTML report parsed as XML.
final class ReportOutline: NSObject, XMLParserDelegate {
    struct Chart { var title = ""; var xLabel = ""; var yLabel = "" }
    var charts: [Chart] = []
    var sections: [String] = []
    var elements: [String] = []
    private var stack: [(name: String, cls: String?)] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        if name == "svg" { charts.append(Chart()) }
        if name == "section", let id = attributes["id"] { sections.append(id) }
        stack.append((name, attributes["class"]))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let top = stack.removeLast()
        if stack.contains(where: { $0.name == "svg" }), !charts.isEmpty {
            if name == "title" && stack.last?.name == "svg" { charts[charts.count - 1].title = text }
            if top.cls == "x-label" { charts[charts.count - 1].xLabel = text }
            if top.cls == "y-label" { charts[charts.count - 1].yLabel = text }
        }
    }

    /// Parses `html` (after its doctype line); nil when it is not well-formed.
    static func parse(_ html: String) -> ReportOutline? {
        let body = html.hasPrefix("<!DOCTYPE html>\n") ? String(html.dropFirst("<!DOCTYPE html>\n".count)) : html
        let outline = ReportOutline()
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = outline
        return parser.parse() ? outline : nil
    }
}

@Suite("HTML report")
struct ReportHTMLTests {
    static let inputs: [(String, JSONValue)] = [
        ("monte carlo", ReportFixtures.monteCarlo), ("evaluation", ReportFixtures.evaluation),
        ("hourly hydrogen", ReportFixtures.hourly), ("incentives", ReportFixtures.incentives),
    ]

    @Test("Reports of every kind of result are well-formed (parsed as XML)", arguments: 0..<4)
    func wellFormed(_ i: Int) throws {
        let html = try ReportDocument(json: Self.inputs[i].1).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let outline = try #require(ReportOutline.parse(html), "\(Self.inputs[i].0) report is not well-formed")
        #expect(outline.elements.contains("style"))
        #expect(!outline.elements.contains("script"), "no scripts")
        #expect(!outline.elements.contains("link") && !outline.elements.contains("img"), "nothing loaded from outside")
    }

    @Test("Every chart has a title and both axis labels", arguments: 0..<4)
    func chartsLabelled(_ i: Int) throws {
        let outline = try #require(ReportOutline.parse(try ReportDocument(json: Self.inputs[i].1).html))
        #expect(!outline.charts.isEmpty)
        for chart in outline.charts {
            #expect(!chart.title.isEmpty)
            #expect(!chart.xLabel.isEmpty, "x label of \(chart.title)")
            #expect(!chart.yLabel.isEmpty, "y label of \(chart.title)")
        }
    }

    @Test("The Monte Carlo report shows the decision numbers first, then conventions, cash flows, distributions and provenance")
    func monteCarloSections() throws {
        let document = try ReportDocument(json: ReportFixtures.monteCarlo)
        let ids = document.sections.map(\.id)
        #expect(Array(ids.prefix(4)) == ["summary", "assumptions", "cash-flows", "distributions"])
        #expect(ids.last == "provenance")
        let html = document.html
        for label in ["Equity NPV, P50", "Equity IRR, P50", "Probability of loss", "LCOx, P50"] { #expect(html.contains(label)) }
        let charts = Set(document.charts.map(\.id))
        for id in ["histogram-equityNPV", "cdf-equityNPV", "histogram-equityIRR", "cdf-equityIRR", "fan-equity-cash-flow", "base-cash-flows"] {
            #expect(charts.contains(id), "chart \(id)")
        }
        #expect(document.tables.contains { $0.id == "representative-paths" })
    }

    @Test("The hourly hydrogen report draws the energy balance and the export share against the 20% limit")
    func hydrogenSection() throws {
        let document = try ReportDocument(json: ReportFixtures.hourly)
        let charts = document.charts.map(\.id)
        #expect(charts.contains("hydrogen-energy-balance") && charts.contains("hydrogen-export-share"))
        guard case .lines(_, _, _, let references, _)? = document.charts.first(where: { $0.id == "hydrogen-export-share" })?.kind else {
            Issue.record("export share is not a line chart"); return
        }
        #expect(references.map(\.value) == [20])
    }

    @Test("The incentives report has the Shapley waterfall and the withdrawal cliffs, summing to all minus none")
    func incentiveCharts() throws {
        let document = try ReportDocument(json: ReportFixtures.incentives)
        guard case .waterfall(let start, let steps, _)? = document.charts.first(where: { $0.id == "shapley-waterfall" })?.kind else {
            Issue.record("no waterfall"); return
        }
        let all = try #require(ReportFixtures.incentives["all"]?.number) / 1e6
        #expect(abs(start.value + steps.map(\.value).reduce(0, +) - all) < 1e-6)
        #expect(document.charts.contains { $0.id == "withdrawal-cliff" })
    }

    @Test("A scenario name with <script> and & appears escaped in HTML, SVG titles and Markdown")
    func escaping() throws {
        let name = "<script>alert(\"x\")</script> & Co"
        let document = try ReportDocument(json: try ReportFixtures.evaluation(named: name))
        let html = document.html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"))
        #expect(ReportOutline.parse(html) != nil)
        let markdown = document.markdown
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script&gt;"))
    }

    @Test("No NaN or Infinity reaches HTML, Markdown or CSV", arguments: 0..<4)
    func noNonFinite(_ i: Int) throws {
        let document = try ReportDocument(json: Self.inputs[i].1)
        let texts = [document.html, document.markdown] + document.csvFiles.map(\.contents)
        let pattern = try Regex("(?i)\\b(nan|inf|infinity)\\b")
        for text in texts { #expect(text.firstMatch(of: pattern) == nil) }
    }

    @Test("Equal results give byte-identical reports with no timestamp")
    func reproducible() throws {
        let a = try ReportDocument(json: ReportFixtures.evaluation).html
        let b = try ReportDocument(json: try JSONValue(parsing: ReportFixtures.evaluation.serialized())).html
        #expect(a == b)
        #expect(a.firstMatch(of: try Regex("20[0-9]{2}-[0-9]{2}-[0-9]{2}T")) == nil)
    }

    @Test("reportUnit wanYuan shows money in 万元, ten thousand yuan")
    func wanYuan() throws {
        let json = try ReportFixtures.evaluation(named: "万元 test 鄂托克旗", extra: "reportUnit: wanYuan")
        #expect(json["scenario"]?["reportUnit"]?.string == "wanYuan")
        let document = try ReportDocument(json: json)
        #expect(document.unit == .wanYuan)
        let npv = try #require(json["metrics"]?["equityNPV"]?.number)
        #expect(document.html.contains(ReportFormat.grouped(npv / 1e4) + " 万元"))
        #expect(document.html.contains("万元 test 鄂托克旗"))
        #expect(document.html.contains("<meta charset=\"utf-8\" />"))
    }

    @Test("Tornado and zone sections appear when their keys are present and not otherwise")
    func optionalSections() throws {
        #expect(!(try ReportDocument(json: ReportFixtures.evaluation)).sections.contains { $0.id == "tornado" || $0.id == "zones" })
        guard case .object(var members) = ReportFixtures.evaluation else { Issue.record("not an object"); return }
        members.append(("tornado", try JSONValue(parsing: """
            [{"input": "capex", "low": 0.9, "high": 1.1, "valueLow": 3.2e8, "valueHigh": 2.6e8},
             {"input": "hydrogen price", "low": 16, "high": 24, "valueLow": 1.0e8, "valueHigh": 4.8e8}]
            """)))
        members.append(("zones", try JSONValue(parsing: """
            [{"zone": "ejin-horo-mengsu", "metrics": {"equityNPV": {"p10": 1e8, "p50": 2e8, "p90": 3e8, "probabilityNegative": 0.02}}},
             {"zone": "baotou", "metrics": {"equityNPV": {"p10": -1e8, "p50": 1e8, "p90": 2e8}}}]
            """)))
        let document = try ReportDocument(json: .object(members))
        #expect(document.sections.contains { $0.id == "tornado" } && document.sections.contains { $0.id == "zones" })
        guard case .ranges(let rows, let reference)? = document.charts.first(where: { $0.id == "tornado" })?.kind else {
            Issue.record("no tornado chart"); return
        }
        #expect(rows.map(\.label) == ["hydrogen price", "capex"], "widest swing first")
        #expect(reference != nil)
        guard case .ranges(let zones, _)? = document.charts.first(where: { $0.id == "zones" })?.kind else {
            Issue.record("no zone chart"); return
        }
        #expect(zones.map(\.label) == ["ejin-horo-mengsu", "baotou"], "ranked by P50")
        #expect(ReportOutline.parse(document.html) != nil)
    }

    @Test("Provenance lists every catalogue value with its citation or assumption, and the overrides")
    func provenance() throws {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
        let json = ReportFixtures.json(["evaluate", path, "--format", "json"])
        let items = try #require(json["provenance"]?.array)
        let table = try #require(try ReportDocument(json: json).tables.first { $0.id == "provenance" })
        #expect(table.rows.count == items.count)
        for row in table.rows { #expect(row[4].text.contains(" L") || row[4].text.hasPrefix("assumption: ")) }
        let overrides = items.filter { ($0["override"] ?? .null) != .null }.count
        #expect(table.rows.filter { $0[5].text.hasPrefix("overrides") }.count == overrides)
    }

    @Test("A JSON that is no Steppe result is refused with the keys it needs")
    func unknownInput() throws {
        #expect(throws: ReportDocument.InputError.self) { try ReportDocument(json: try JSONValue(parsing: "{\"a\": 1}")) }
    }
}
