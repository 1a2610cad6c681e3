import Testing
@testable import Steppe

@Suite("A module's per-path presentation written into the result and read back by the report")
struct ModulePathPresentationTests {
    @Test("Every kind of block survives the result JSON unchanged, missing values included")
    func roundTripsThroughJSON() throws {
        let chart = ModulePathPresentation.Chart(id: "c", title: "T", xLabel: "x", yLabel: "y", caption: "cap")
        let p = ModulePathPresentation(id: "s", title: "Section", blocks: [
            .paragraph("text"),
            .lines(chart, x: [2027, 2028], series: [.init("P50", [1.5, nil])], bands: [.init("P10–P90", lower: [1, 2], upper: [3, 4])]),
            .histogram(chart, edges: [0, 0.5, 1], counts: [3, 4]),
            .table(.init(id: "t", caption: "tab", columns: ["a", "b"], rows: [[.init("x"), .init("1.0", value: 1)]])),
        ])
        let text = p.json.serialized()
        #expect(ModulePathPresentation(json: try JSONValue(parsing: text)) == p)
    }
}
