import Testing
@testable import Steppe

@Suite("Report chart data tables")
struct ReportChartTests {
    @Test("a band shorter than the x values (read from an edited result) leaves empty cells")
    func shortBand() {
        let chart = ReportChart(id: "fan", title: "fan", xLabel: "year", yLabel: "value", caption: "",
                                kind: .lines(x: [2026, 2027], series: [], bands: [.init("P25–P75", lower: [1], upper: [2, 3])],
                                             references: [], step: false))
        let table = chart.dataTable
        #expect(table?.rows.count == 2)
        #expect(table?.rows[1].map(\.text) == ["2027", "", "3"])
    }
}
