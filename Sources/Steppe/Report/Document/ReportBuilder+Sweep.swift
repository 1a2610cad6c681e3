/// Sections of a parameter sweep (`steppe sweep --format json`, keys in docs/analyses.md): the
/// best point, the ranking metric over one swept input (line, with the hydrogen dispatch's
/// export share and curtailment beside it) or over two (heat map, best cell outlined), and every
/// point as a table.
extension ReportBuilder {
    func sweepSections(_ json: JSONValue) -> [ReportSection] {
        let metricName = json["metric"]?.string ?? "equityNPV"
        let keys = json["parameters"]?.array?.compactMap { $0["keyPath"]?.string } ?? []
        let points = json["points"]?.array ?? []
        let best = json["best"]?.number.map { Int($0) }.flatMap { $0 < points.count ? $0 : nil }
        func values(_ p: JSONValue) -> [Double?] { keys.map { p["values"]?[$0]?.number } }
        func value(_ p: JSONValue, _ name: String) -> Double? { p["metrics"]?[name]?.number }
        let shown = metricName.isEmpty ? [] : [metricName] + ["equityNPV", "equityIRR", "projectIRR", "levelizedCost"].filter { $0 != metricName }
        let hasDispatch = points.contains { $0["dispatch"] != nil }
        let metricTitle = "\(Self.title(metricName)) (\(unitLabel(metricName)))"

        var summary: [ReportFigure] = [ReportFigure("Points", ReportFormat.grouped(Double(points.count), decimals: 0),
                                                    note: keys.joined(separator: " × "))]
        if let invalid = json["invalidPoints"]?.number, invalid > 0 {
            summary.append(ReportFigure("Points not evaluated", ReportFormat.grouped(invalid, decimals: 0), note: "see the table"))
        }
        if let best {
            let at = zip(keys, values(points[best])).map { "\($0) = \($1.map(ReportFormat.plain) ?? "–")" }.joined(separator: ", ")
            summary.append(ReportFigure("Best \(Self.title(metricName)) (\(json["minimize"]?.bool == true ? "smallest" : "largest"))",
                                        metric(metricName, value(points[best], metricName)), note: at))
            if let d = points[best]["dispatch"] {
                summary.append(ReportFigure("Export share there", ReportFormat.percent(d["exportShare"]?.number, decimals: 1),
                                            note: "largest year \(ReportFormat.percent(d["largestYearlyExportShare"]?.number, decimals: 1)); the cap is checked yearly (002 L4172-4173)"))
                summary.append(ReportFigure("Curtailment there", ReportFormat.percent(d["curtailmentShare"]?.number, decimals: 1),
                                            note: "of the available wind and solar energy"))
            }
        }
        var blocks: [ReportBlock] = [.figures(summary)]

        if keys.count == 1 {
            let x = points.compactMap { values($0)[0] }
            if x.count == points.count {
                let line = points.map { p in value(p, metricName).map { scaled(metricName, $0) } }
                let references = best.flatMap { b in line[b].map { [ReportChart.Reference("best \(ReportFormat.grouped($0)) at \(ReportFormat.plain(x[b]))", $0)] } } ?? []
                blocks.append(.chart(ReportChart(id: "sweep-metric", title: "\(Self.title(metricName)) over \(keys[0])",
                                                 xLabel: keys[0], yLabel: metricTitle,
                                                 caption: "Each point is a deterministic evaluation of the scenario with \(keys[0]) at that value; the horizontal line marks the best point. Gaps: the metric is undefined or the point could not be evaluated.",
                                                 kind: .lines(x: x, series: [.init(Self.title(metricName), line)], bands: [], references: references, step: false))))
                if hasDispatch {
                    func share(_ key: String) -> [Double?] { points.map { $0["dispatch"]?[key]?.number.map { $0 * 100 } } }
                    blocks.append(.chart(ReportChart(id: "sweep-dispatch", title: "Export share and curtailment over \(keys[0])",
                                                     xLabel: keys[0], yLabel: "% of generation / of available energy",
                                                     caption: "Export share: lifetime grid export over generation after curtailment, and the largest calendar year's, which the 20% cap limits (002 L4172-4173). Curtailment: wind and solar energy thrown away over the energy available.",
                                                     kind: .lines(x: x, series: [.init("export share", share("exportShare")),
                                                                                 .init("largest yearly export share", share("largestYearlyExportShare"), dashed: true),
                                                                                 .init("curtailment", share("curtailmentShare"))],
                                                                  bands: [], references: [], step: false))))
                }
            }
        } else if keys.count == 2, let grid = sweepGrid(json, keys: keys, points: points) {
            let cells = grid.rows.map { row in row.map { k in value(points[k], metricName).map { scaled(metricName, $0) } } }
            let marked = best.map { (row: $0 / grid.x.count, column: $0 % grid.x.count) }
            blocks.append(.chart(ReportChart(id: "sweep-metric", title: "\(Self.title(metricName)) over \(keys[0]) and \(keys[1])",
                                             xLabel: keys[1], yLabel: keys[0],
                                             caption: "\(metricTitle) at each grid point, light (smallest) to dark (largest); the outlined cell is the best point; grey: undefined or not evaluated.",
                                             kind: .heatMap(x: grid.x, y: grid.y, values: cells, marked: marked))))
        } else if keys.count > 2 {
            blocks.append(.paragraph("A grid over \(keys.count) inputs has no chart; the table lists every point."))
        }

        var columns = keys + shown.map { "\(Self.title($0)) (\(unitLabel($0)))" }
        if hasDispatch { columns += ["export share (%)", "largest yearly export share (%)", "curtailment (%)"] }
        columns.append("note")
        let rows: [[ReportCell]] = points.enumerated().map { k, p in
            var row = values(p).map { v in v.map { ReportCell(ReportFormat.plain($0), value: $0) } ?? "–" }
            row += shown.map { metricCell($0, value(p, $0)) }
            if hasDispatch {
                row += ["exportShare", "largestYearlyExportShare", "curtailmentShare"].map { key in
                    p["dispatch"]?[key]?.number.map { ReportCell(ReportFormat.grouped($0 * 100, decimals: 1), value: $0 * 100) } ?? "–"
                }
            }
            let errors = p["errors"]?.array?.compactMap(\.string) ?? []
            row.append(ReportCell(!errors.isEmpty ? "not evaluated: " + errors.joined(separator: "; ") : k == best ? "best" : ""))
            return row
        }
        blocks.append(.table(ReportTable(id: "sweep-points", caption: "Every point (money in \(unit.label))", columns: columns, rows: rows)))
        return [ReportSection(id: "sweep", title: "Parameter sweep", blocks: blocks)]
    }

    /// The two swept inputs' values and the point index of each (row, column), the first input
    /// varying slowest as `steppe sweep` writes them; nil when the points do not form that grid.
    func sweepGrid(_ json: JSONValue, keys: [String], points: [JSONValue]) -> (x: [Double], y: [Double], rows: [[Int]])? {
        guard let params = json["parameters"]?.array, params.count == 2,
              let rowsCount = params[0]["count"]?.number.map({ Int($0) }), let columns = params[1]["count"]?.number.map({ Int($0) }),
              rowsCount > 0, columns > 0, rowsCount <= points.count, columns <= points.count, rowsCount * columns == points.count else { return nil }
        let y = (0..<rowsCount).compactMap { points[$0 * columns]["values"]?[keys[0]]?.number }
        let x = (0..<columns).compactMap { points[$0]["values"]?[keys[1]]?.number }
        guard y.count == rowsCount, x.count == columns else { return nil }
        return (x, y, (0..<rowsCount).map { i in (0..<columns).map { i * columns + $0 } })
    }
}
