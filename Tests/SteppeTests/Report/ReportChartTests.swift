import Testing
@testable import Steppe
import SteppeFiles

@Suite("Report chart data tables")
struct ReportChartTests {
    @Test("A range chart draws row labels up to 44 characters whole and ends longer ones in …")
    func rangeLabels() {
        let whole = "grid-export quantity (yearly multiplier)", long = String(repeating: "x", count: 60)
        let chart = ReportChart(id: "t", title: "t", xLabel: "x", yLabel: "y", caption: "",
                                kind: .ranges(rows: [.init(whole, low: 1, high: 2), .init(long, low: 0, high: 3)], reference: nil))
        let svg = chart.svg.rendered()
        #expect(svg.contains(">\(whole)<"))
        #expect(svg.contains(">" + String(repeating: "x", count: 43) + "…<"))
    }

    @Test("a band shorter than the x values (read from an edited result) leaves empty cells")
    func shortBand() {
        let chart = ReportChart(id: "fan", title: "fan", xLabel: "year", yLabel: "value", caption: "",
                                kind: .lines(x: [2026, 2027], series: [], bands: [.init("P25–P75", lower: [1], upper: [2, 3])],
                                             references: [], step: false))
        let table = chart.dataTable
        #expect(table?.rows.count == 2)
        #expect(table?.rows[1].map(\.text) == ["2027", "", "3"])
    }

    @Test("a heat map's table has a row per y value and a column per x value, undefined cells empty")
    func heatMapTable() {
        let chart = ReportChart(id: "grid", title: "grid", xLabel: "x", yLabel: "y", caption: "",
                                kind: .heatMap(x: [1, 2, 3], y: [10, 20], values: [[1, 2, 3], [4, nil, 6]], marked: (1, 2)))
        let table = chart.dataTable
        #expect(table?.columns == ["y \\ x", "1", "2", "3"])
        #expect(table?.rows.map { $0.map(\.text) } == [["10", "1", "2", "3"], ["20", "4", "", "6"]])
    }

    @Test("a scatter chart's data table lists every point with its group, and notes the marked one")
    func scatterTable() {
        let points = [ReportChart.ScatterPoint(x: 1, y: 5, group: 0, tip: "a"), ReportChart.ScatterPoint(x: 2, y: 7, group: 1, tip: "b")]
        let chart = ReportChart(id: "search", title: "search", xLabel: "x", yLabel: "y", caption: "",
                                kind: .scatter(points: points, groups: ["grid", "polish"], marked: (1, "optimum")))
        #expect(chart.dataTable?.columns == ["x", "y", "group", "note"])
        #expect(chart.dataTable?.rows.map { $0.map(\.text) } == [["1", "5", "grid", ""], ["2", "7", "polish", "optimum"]])
    }

    @Test("a scatter chart draws a dot per point and one red ring, labelled, on the marked point")
    func scatterMarksPoint() {
        let points = (0..<4).map { ReportChart.ScatterPoint(x: Double($0), y: Double($0 * $0), group: 0, tip: "p\($0)") }
        let chart = ReportChart(id: "search", title: "search", xLabel: "x", yLabel: "y", caption: "",
                                kind: .scatter(points: points, groups: ["grid"], marked: (2, "optimum")))
        let svg = chart.svg.rendered()
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 4)
        #expect(svg.components(separatedBy: "class=\"marked\"").count - 1 == 1)
        #expect(svg.contains(">optimum: p2<") && svg.contains(">optimum</text>"))
    }

    @Test("a heat map colours the smallest value light, the largest dark and undefined cells grey")
    func heatMapColours() {
        let chart = ReportChart(id: "grid", title: "grid", xLabel: "x", yLabel: "y", caption: "",
                                kind: .heatMap(x: [1, 2], y: [10], values: [[5, nil]], marked: nil))
        #expect(ReportChart.heatColour(0) == "#ffffcc" && ReportChart.heatColour(1) == "#253494")
        let svg = chart.svg.rendered()
        #expect(svg.contains("fill=\"#d0d0d0\""))
        #expect(svg.components(separatedBy: "class=\"cell\"").count - 1 == 2)
    }

    @Test("A waterfall draws every step name whole, the longest catalogue incentive id too, inside the chart")
    func waterfallNamesWhole() throws {
        let ids = try CatalogueFiles.standard().policies.map(\.id).sorted { $0.count > $1.count }
        let longest = try #require(ids.first)
        // The longest name first after the start: the bar nearest the left edge.
        let steps = ids.prefix(12).map { (label: $0, value: 1.0) }
        let chart = ReportChart(id: "w", title: "w", xLabel: "incentive", yLabel: "y", caption: "",
                                kind: .waterfall(start: ("no incentives", -5), steps: Array(steps), end: "all incentives"))
        let geometry = SVGTextGeometry(chart.svg)
        #expect(geometry.texts.contains { $0.text == longest })
        #expect(geometry.outside.map(\.text) == [])
    }

    @Test("A legend of many long series names wraps into rows that stay inside the chart")
    func legendInside() throws {
        let names = (0..<14).map { "talent.ordos-key-firm-graduate-\($0)" }
        let chart = ReportChart(id: "cliff", title: "cliff", xLabel: "year", yLabel: "NPV", caption: "",
                                kind: .lines(x: [2026, 2027], series: names.map { .init($0, [1, 2]) }, bands: [], references: [], step: false))
        let geometry = SVGTextGeometry(chart.svg)
        #expect(names.allSatisfy { name in geometry.texts.contains { $0.text == name } })
        #expect(geometry.outside.map(\.text) == [])
    }

    @Test("Every text of every chart of the example reports lies inside its chart", arguments: 0..<4)
    func reportChartsKeepTheirTexts(_ i: Int) throws {
        for chart in try ReportDocument(json: ReportHTMLTests.inputs[i].1).charts {
            #expect(SVGTextGeometry(chart.svg).outside.map(\.text) == [], "\(chart.id)")
        }
    }

    @Test("Lines past the palette's eight colours are dashed, in the plot and the legend, so no two solid lines share a colour")
    func linesPastThePaletteDashed() {
        let chart = ReportChart(id: "cliff", title: "cliff", xLabel: "year", yLabel: "NPV", caption: "",
                                kind: .lines(x: [2026, 2027], series: (0..<10).map { .init("s\($0)", [1, 2]) }, bands: [], references: [], step: false))
        let svg = chart.svg.rendered()
        #expect(svg.components(separatedBy: "class=\"series dashed\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "class=\"legend-line dashed\"").count - 1 == 2)
    }
}
