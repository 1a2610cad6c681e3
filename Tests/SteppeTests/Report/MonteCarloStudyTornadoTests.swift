import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("The run report's tornado of the equity NPV")
struct MonteCarloStudyTornadoTests {
    @Test("A run's result carries the equity NPV tornado, inputs labelled, widest swing first")
    func resultHasTornado() throws {
        let result = SteppeCommand.run(["run", "--paths", "64", "--quiet", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONValue(parsing: result.standardOutput)
        let bars = try #require(json["tornado"]?.array)
        #expect(bars.first?["label"]?.string == "hydrogen price (yuan/kg)")
        let swings = bars.compactMap { $0["swing"]?.number }
        #expect(swings.count == bars.count && swings == swings.sorted(by: >))
        #expect(json["tornadoBase"]?.number == json["baseCase"]?["equityNPV"]?.number)
    }

    @Test("The run report shows the tornado right after the distributions")
    func reportPlacesTornadoBesideDistribution() throws {
        let json = try JSONValue(parsing: SteppeCommand.run(["run", "--paths", "64", "--quiet", "--format", "json"]).standardOutput)
        let ids = try ReportDocument(json: json).sections.map(\.id)
        let distributions = try #require(ids.firstIndex(of: "distributions"))
        #expect(ids.indices.contains(distributions + 1) && ids[distributions + 1] == "tornado", "\(ids)")
        #expect(ids.filter { $0 == "tornado" }.count == 1)
    }
}
