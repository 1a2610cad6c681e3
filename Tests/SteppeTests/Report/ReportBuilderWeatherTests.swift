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
        let json = try Self.runJSON(PathWeatherTests.yaml(poolYears: 4))
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

    @Test("A run with the weather fixed has no hydrogen yield section")
    func fixedWeatherHasNoSection() throws {
        let json = try Self.runJSON(HydrogenModuleTests.yaml())
        #expect(!(try ReportDocument(json: json)).sections.contains { $0.id == "hydrogen-weather" })
    }
}
