/// The CSV and text renderings of a sweep (see `SweepResult`).
extension SweepResult {
    // MARK: CSV

    /// One row per point: the swept values, every metric (yuan, ratios), the dispatch summary
    /// when the scenario has a hydrogen section, and the errors of an invalid point.
    public var csv: String {
        let dispatchNames = hasDispatch ? DispatchSummary.names : []
        let header = parameters.map(\.keyPath) + Metrics.names + dispatchNames + ["errors"]
        var out = header.map(CSVField.text).joined(separator: ",") + "\n"
        for p in points {
            var cells = p.values.map(\.formattedPlain)
            cells += Metrics.names.map { name in p.metrics?.all.first { $0.name == name }?.value.number.map(\.formattedPlain) ?? "" }
            if hasDispatch { cells += p.dispatch.map { $0.all.map(\.value.formattedPlain) } ?? dispatchNames.map { _ in "" } }
            cells.append(CSVField.text(p.errors.joined(separator: "; ")))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: Text

    /// The metrics the text table shows: the ranking metric first, then the headline ones.
    var textMetrics: [String] {
        var names = [metric]
        for n in ["equityNPV", "projectNPV", "equityIRR", "projectIRR", "minDSCR", "levelizedCost"] where !names.contains(n) { names.append(n) }
        return names
    }

    /// An aligned table of the points (money in the report unit), the best point, and the
    /// invalid points with their errors.
    public var text: String {
        var header = parameters.map(\.keyPath) + textMetrics.map { "\($0)\(unitSuffix($0))" }
        if hasDispatch { header += ["export %", "max year export %", "curtailed %"] }
        var rows: [[String]] = []
        for (i, p) in points.enumerated() {
            var cells = p.values.map(\.formattedPlain)
            if let m = p.metrics {
                cells += textMetrics.map { name in
                    guard let value = m.all.first(where: { $0.name == name })?.value else { return "" }
                    return value.number.map { format(name, $0) } ?? "undefined"
                }
                if hasDispatch {
                    cells += p.dispatch.map { d in
                        [d.exportShare, d.largestYearlyExportShare, d.curtailmentShare].map { ReportFormat.percent($0, decimals: 1) }
                    } ?? ["", "", ""]
                }
            } else {
                cells.append("invalid (point \(i + 1), see below)")
            }
            rows.append(cells)
        }
        var out = "Sweep of \(scenarioName): \(points.count) points\n\n" + Self.aligned(header: header, rows: rows)
        if let best {
            let value = points[best].metrics?.all.first { $0.name == metric }?.value.number
            out += "\nbest \(metric) (\(minimize ? "smallest" : "largest")): \(value.map { format(metric, $0) } ?? "")\(unitSuffix(metric)) at \(describe(points[best]))\n"
        } else {
            out += "\n\(metric) is undefined at every point\n"
        }
        let undefinedReasons = Set(points.compactMap { $0.metrics?.all.first { $0.name == metric }?.value.reason })
        for reason in undefinedReasons.sorted() { out += "\(metric) undefined: \(reason)\n" }
        if !invalid.isEmpty {
            out += "\n\(invalid.count) of \(points.count) points could not be evaluated:\n"
            out += invalidLines.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// ` (million CNY)`, ` (%)` or nothing, after a metric's name in a column title.
    func unitSuffix(_ name: String) -> String {
        switch ReportBuilder.MetricKind(name) {
        case .money: " (\(reportUnit.label))"
        case .rate: " (%)"
        case .years: " (years)"
        case .price, .ratio: ""
        }
    }

    func format(_ name: String, _ x: Double) -> String {
        switch ReportBuilder.MetricKind(name) {
        case .money: ReportFormat.grouped(x / reportUnit.divisor)
        case .rate: ReportFormat.grouped(x * 100)
        case .years: ReportFormat.grouped(x)
        case .price: ReportFormat.grouped(x, decimals: 4)
        case .ratio: ReportFormat.grouped(x, decimals: 3)
        }
    }

    /// Columns padded to their widest cell, numbers right-aligned; a row shorter than the header
    /// (an invalid point) runs its last cell on.
    static func aligned(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows where row.count == header.count {
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: max(0, (j < widths.count ? widths[j] : 0) - cell.count))
                return j < widths.count && cells.count == header.count ? pad + cell : cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
