/// Sections for analyses other commands add to their JSON: the tornado (one-at-a-time
/// sensitivity), the zone comparison and Sobol indices. Keys: see `ReportDocument.init(json:)`.
extension ReportBuilder {
    func tornado(_ items: [JSONValue], base: Double?) -> ReportSection {
        let d = unit.divisor
        var rows: [(ReportChart.Range, Double)] = []
        var table: [[ReportCell]] = []
        for i in items {
            guard let key = i["input"]?.string, let lo = i["valueLow"]?.number, let hi = i["valueHigh"]?.number else { continue }
            let input = i["label"]?.string ?? key
            rows.append((ReportChart.Range(input, low: min(lo, hi) / d, high: max(lo, hi) / d), abs(hi - lo)))
            table.append([ReportCell(input), ReportCell(i["low"]?.number.map(SensitivityReport.level) ?? i["low"]?.string ?? "–", value: i["low"]?.number),
                          ReportCell(i["high"]?.number.map(SensitivityReport.level) ?? i["high"]?.string ?? "–", value: i["high"]?.number),
                          money(lo), money(hi), money(abs(hi - lo))])
        }
        let sorted = rows.sorted { $0.1 > $1.1 }.map(\.0)
        let reference = base.map { ReportChart.Reference("base \(ReportFormat.grouped($0 / d))", $0 / d) }
        return ReportSection(id: "tornado", title: "Sensitivity (tornado)", blocks: sorted.isEmpty ? [] : [
            .chart(ReportChart(id: "tornado", title: "Tornado: equity NPV with each input at its low and high value",
                               xLabel: "equity NPV (\(unit.label))", yLabel: "input",
                               caption: "Each bar spans the equity NPV with one input at its low and at its high value, the others at base; widest swing first. Red: below the base case, green: above.",
                               kind: .ranges(rows: sorted, reference: reference))),
            .table(ReportTable(id: "tornado", caption: "Tornado inputs (input values in their own units; NPV in \(unit.label))",
                               columns: ["input", "low", "high", "NPV at low", "NPV at high", "swing"], rows: table)),
        ])
    }

    /// - Parameter sketched: whether P10/P50/P90 are DDSketch estimates (a comparison beyond its exact-quantile limit).
    func zoneComparison(_ zones: [JSONValue], sketched: Bool = false) -> ReportSection {
        var ranges: [ReportChart.Range] = []
        var rows: [[ReportCell]] = []
        for z in zones {
            guard let name = z["zone"]?.string else { continue }
            let npv = z["metrics"]?["equityNPV"], irr = z["metrics"]?["equityIRR"]
            if let npv, let p50 = npv["p50"]?.number {
                let lo = npv["p10"]?.number ?? p50, hi = npv["p90"]?.number ?? p50
                ranges.append(.init(name, low: lo / unit.divisor, middle: p50 / unit.divisor, high: hi / unit.divisor))
                rows.append([ReportCell(name), money(npv["p10"]?.number), money(p50), money(npv["p90"]?.number),
                             metricCell("equityIRR", irr?["p50"]?.number),
                             (z["probabilityLoss"]?.number ?? npv["probabilityNegative"]?.number).map {
                                 ReportCell(ReportFormat.percent($0, decimals: 1), value: $0) } ?? "–"])
            } else if let value = npv?.number {
                ranges.append(.init(name, low: value / unit.divisor, middle: value / unit.divisor, high: value / unit.divisor))
                rows.append([ReportCell(name), "–", money(value), "–", metricCell("equityIRR", irr?.number), "–"])
            }
        }
        let order = ranges.indices.sorted { (ranges[$0].middle ?? 0) > (ranges[$1].middle ?? 0) }
        return ReportSection(id: "zones", title: "Zone comparison", blocks: ranges.isEmpty ? [] : [
            .chart(ReportChart(id: "zones", title: "Equity NPV by zone: P10–P90 intervals, ranked by P50",
                               xLabel: "equity NPV (\(unit.label))", yLabel: "zone",
                               caption: "Bars span P10 to P90 of the equity NPV in each zone; the black mark is P50. Deterministic comparisons show a single mark."
                                   + (sketched ? " Percentiles are DDSketch estimates (relative error at most \(QuantileSketch.relativeAccuracy))." : ""),
                               kind: .ranges(rows: order.map { ranges[$0] }, reference: nil))),
            .table(ReportTable(id: "zones", caption: "Equity NPV by zone (\(unit.label)), equity IRR P50 (%) and probability of loss",
                               columns: ["zone", "P10", "P50", "P90", "equity IRR P50", "probability of loss"], rows: order.map { rows[$0] })),
        ])
    }

    /// The Sobol indices, largest total index first, with their bootstrap intervals when the JSON has them.
    func sobol(_ items: [JSONValue]) -> ReportSection {
        func interval(_ low: Double?, _ high: Double?) -> ReportCell {
            guard let low, let high else { return "–" }
            return ReportCell("[\(ReportFormat.decimal(low)), \(ReportFormat.decimal(high))]")
        }
        let sorted = items.enumerated().sorted {
            (($0.element["total"]?.number ?? -.infinity), -$0.offset) > (($1.element["total"]?.number ?? -.infinity), -$1.offset)
        }.map(\.element)
        let rows: [[ReportCell]] = sorted.compactMap { i in
            guard let input = i["label"]?.string ?? i["input"]?.string else { return nil }
            let first = i["first"]?.number ?? i["firstOrder"]?.number
            return [ReportCell(input), ReportCell(ReportFormat.decimal(first), value: first),
                    interval(i["firstOrderLow"]?.number, i["firstOrderHigh"]?.number),
                    ReportCell(ReportFormat.decimal(i["total"]?.number), value: i["total"]?.number),
                    interval(i["totalLow"]?.number, i["totalHigh"]?.number)]
        }
        return ReportSection(id: "sobol", title: "Sobol sensitivity indices", blocks: rows.isEmpty ? [] : [
            .table(ReportTable(id: "sobol", caption: "Share of the metric's variance due to each input alone (first order) and with its interactions (total), largest total first, with bootstrap intervals",
                               columns: ["input", "first order", "first-order interval", "total", "total interval"], rows: rows)),
        ])
    }
}
