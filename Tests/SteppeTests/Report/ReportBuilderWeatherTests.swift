import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("Hydrogen yield section of a drawn-weather run's report")
struct ReportBuilderWeatherTests {
    static func runJSON(_ text: String) throws -> JSONValue {
        let file = try temporaryFile(named: "weather-report.yaml", text)
        let result = SteppeCommand.run(["run", file, "--paths", "24", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONValue(parsing: result.standardOutput)
    }

    @Test("The fan chart of yearly hydrogen output and the cap-binding chart show the run's hydrogenWeather percentiles")
    func chartsShowTheRunsPercentiles() throws {
        let json = try Self.runJSON(HydrogenPathModelTests.yaml(poolYears: 4))
        let weather = try #require(json["hydrogenWeather"])
        let document = try ReportDocument(json: json)
        guard case .lines(let x, let series, let bands, _, _) = try #require(document.charts.first { $0.id == "fan-hydrogen-output" }?.kind) else {
            Issue.record("no hydrogen fan chart"); return
        }
        func tonnes(_ p: String) throws -> [Double?] {
            try #require(weather["hydrogenProduced"]?[p]?.numbers).map { $0.map { $0 * 1e-3 } }
        }
        let years = try #require(weather["years"]?.numbers).compactMap { $0 }
        let p10 = try tonnes("p10"), p50 = try tonnes("p50"), p90 = try tonnes("p90")
        #expect(x == years)
        #expect(series[0].values == p50)
        #expect(bands[0].lower.map { Optional($0) } == p10 && bands[0].upper.map { Optional($0) } == p90)
        guard case .lines(_, let binding, _, _, _) = try #require(document.charts.first { $0.id == "cap-binding-probability" }?.kind) else {
            Issue.record("no cap-binding chart"); return
        }
        let probability = try #require(weather["capBindingProbability"]?.numbers)
        #expect(binding[0].values == probability.map { $0.map { $0 * 100 } })
        let table = try #require(document.sections.flatMap(\.blocks).compactMap { block -> ReportTable? in
            if case .table(let t) = block, t.id == "hydrogen-weather" { return t } else { return nil }
        }.first)
        #expect(table.rows.count == x.count)
    }

    @Test("The report shows the P99 line, the curtailment histogram, the lenders' yield and the lifetime P10-P99 table from hydrogenWeather")
    func drawnPlantBlocksShowTheRunsNumbers() throws {
        let json = try Self.runJSON(HydrogenPathModelTests.plantYAML())
        let weather = try #require(json["hydrogenWeather"])
        let document = try ReportDocument(json: json)
        let section = try #require(document.sections.first { $0.id == "hydrogen-weather" })
        #expect(section.title == "Hydrogen yield under drawn weather")
        guard case .lines(_, let series, _, _, _) = try #require(document.charts.first { $0.id == "fan-hydrogen-output" }?.kind) else {
            Issue.record("no hydrogen fan chart"); return
        }
        #expect(series.map(\.label) == ["P50", "P99"])
        #expect(series[1].values == (try #require(weather["hydrogenProduced"]?["p99"]?.numbers)).map { $0.map { $0 * 1e-3 } })
        guard case .histogram(let edges, let counts, _) = try #require(document.charts.first { $0.id == "curtailment-distribution" }?.kind) else {
            Issue.record("no curtailment histogram"); return
        }
        let histogram = try #require(weather["curtailmentHistogram"])
        #expect(counts == (try #require(histogram["counts"]?.numbers)).compactMap { $0 })
        let lower = try #require(histogram["lower"]?.number), upper = try #require(histogram["upper"]?.number)
        #expect(edges.first == lower * 1e-3 && abs(edges.last! - upper * 1e-3) <= 1e-12 * max(1, upper * 1e-3))
        #expect(edges.count == counts.count + 1 && lower < upper)
        func table(_ id: String) -> ReportTable? {
            section.blocks.compactMap { block -> ReportTable? in if case .table(let t) = block, t.id == id { return t } else { return nil } }.first
        }
        let lender = try #require(table("hydrogen-lender-yield"))
        #expect(lender.rows[0][2].value == (try #require(weather["lenderYield"]?["oneYearP90"]?.number)) * 1e-3)
        #expect(lender.rows[1][2].value == (try #require(weather["lenderYield"]?["multiYearP90"]?.number)) * 1e-3)
        let life = try #require(table("hydrogen-weather-life"))
        #expect(life.columns == ["quantity", "P10", "P50", "P90", "P99"] && life.rows.count == 7)
        #expect(life.rows[0][4].value == (try #require(weather["hydrogenProduced"]?["lifetime"]?["p99"]?.number)) * 1e-3)
        // The paragraph names the drawn plant numbers.
        let text = section.blocks.compactMap { block -> String? in if case .paragraph(let p) = block { return p } else { return nil } }.joined()
        #expect(text.contains("hydrogen.electrolyser.capacityMW"), "\(text)")
    }

    @Test("The cap-binding chart names the export cap the scenario gives, not the region's default")
    func capBindingChartNamesTheCapInForce() throws {
        let json = try Self.runJSON(HydrogenPathModelTests.yaml(poolYears: 4, capShare: 0.3))
        let chart = try #require(try ReportDocument(json: json).charts.first { $0.id == "cap-binding-probability" })
        #expect(chart.title == "Probability that the 30% export cap binds, by year")
        #expect(chart.caption.contains("30% of the year's generation") && !chart.caption.contains("20%"))
    }

    @Test("A run with the weather fixed has no hydrogen yield section")
    func fixedWeatherHasNoSection() throws {
        let json = try Self.runJSON(HydrogenModuleTests.yaml())
        #expect(!(try ReportDocument(json: json)).sections.contains { $0.id == "hydrogen-weather" })
    }
}
