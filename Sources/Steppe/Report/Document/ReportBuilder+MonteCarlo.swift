/// Sections from a Monte Carlo result (`MonteCarloStudy.resultJSON`): the decision numbers,
/// per-metric statistics, distributions (histogram and cumulative distribution) and the fan
/// chart of yearly equity cash flows.
extension ReportBuilder {
    func monteCarloSubtitle(_ r: JSONValue) -> String {
        var s = "Monte Carlo study: \(r["completedPaths"]?.number.map(ReportFormat.plain) ?? "?") paths, seed \(r["seed"]?.string ?? "?"), sampler \(r["sampler"]?.string ?? "?")"
        if r["partial"]?.bool == true { s += " (PARTIAL: interrupted)" }
        return s
    }

    func percentile(_ m: JSONValue?, _ p: Int) -> Double? { m?["p\(p)"]?.number }

    func monteCarloSummary(_ r: JSONValue) -> ReportSection {
        let metrics = r["metrics"]
        let npv = metrics?["equityNPV"], irr = metrics?["equityIRR"], lcox = metrics?["levelizedCost"], dscr = metrics?["minDSCR"]
        func spread(_ name: String, _ m: JSONValue?) -> String {
            "P10 \(metric(name, percentile(m, 10))) · P90 \(metric(name, percentile(m, 90)))"
        }
        var figures: [ReportFigure] = []
        if let npv {
            figures.append(ReportFigure("Equity NPV, P50", metric("equityNPV", percentile(npv, 50)), note: spread("equityNPV", npv)))
            figures.append(ReportFigure("Probability of loss", ReportFormat.probability(npv["probabilityNegative"]?.number, paths: npv["count"]?.number), note: "share of paths with equity NPV < 0"))
        }
        if let irr {
            figures.append(ReportFigure("Equity IRR, P50", metric("equityIRR", percentile(irr, 50)), note: spread("equityIRR", irr)))
            let hurdle = r["thresholds"]?["hurdleRate"]?.number
            figures.append(ReportFigure("IRR below hurdle", ReportFormat.probability(irr["probabilityBelowHurdle"]?.number, paths: irr["count"]?.number),
                                        note: "hurdle \(ReportFormat.percent(hurdle))"))
        }
        if let lcox { figures.append(ReportFigure("LCOx, P50", metric("levelizedCost", percentile(lcox, 50)), note: spread("levelizedCost", lcox))) }
        if let dscr {
            figures.append(ReportFigure("Minimum DSCR, P10", metric("minDSCR", percentile(dscr, 10)),
                                        note: "below covenant on \(ReportFormat.probability(dscr["probabilityBelowCovenant"]?.number, paths: dscr["count"]?.number)) of paths"))
        }
        var rows: [[ReportCell]] = []
        for name in ["equityNPV", "equityIRR", "projectNPV", "projectIRR", "levelizedCost"] {
            guard let m = metrics?[name] else { continue }
            rows.append([ReportCell("\(Self.title(name)) (\(unitLabel(name)))")]
                        + [10, 50, 90].map { metricCell(name, percentile(m, $0)) }
                        + [metricCell(name, m["mean"]?.number), metricCell(name, r["baseCase"]?[name]?.number)])
        }
        var blocks: [ReportBlock] = [.figures(figures)]
        blocks.append(.table(ReportTable(id: "key-percentiles", caption: "Decision numbers: percentiles over the paths and the base case",
                                         columns: ["metric", "P10", "P50", "P90", "mean", "base case"], rows: rows)))
        blocks.append(.paragraph("P10 is the value that 10% of paths fall below. \(Self.baseCaseNote) The representative paths are the paths whose equity NPV is nearest P10, P50 and P90. \(Self.dscrWindowNote)"))
        return ReportSection(id: "summary", title: "Summary", blocks: blocks)
    }

    /// Why the base case can sit far from P50 (issue 25: it sat far above with no word on why).
    static let baseCaseNote = "The base case is the scenario with every uncertain input at its base value: it leaves out the incentives' policy risk (withdrawal, delay, cut, clawback) and the paths of the price processes, so it is not a forecast and can sit far from P50."

    /// The years the minimum DSCR is taken over, as the engine defines them (`CompiledModel.debtServiceCoverYears`).
    static let dscrWindowNote = "The minimum DSCR is taken " + CompiledModel.debtServiceCoverWindowNote + "."

    func statistics(_ r: JSONValue) -> ReportSection {
        let levels = [1, 5, 10, 50, 90, 95, 99]
        var rows: [[ReportCell]] = []
        for (name, m) in r["metrics"]?.members ?? [] {
            var row = [ReportCell("\(Self.title(name)) (\(unitLabel(name)))"), ReportCell(m["count"]?.number.map(ReportFormat.plain) ?? "–", value: m["count"]?.number),
                       ReportCell(m["undefined"]?.number.map(ReportFormat.plain) ?? "–", value: m["undefined"]?.number),
                       metricCell(name, m["mean"]?.number), sdCell(name, m["sd"]?.number), sdCell(name, m["stdError"]?.number),
                       metricCell(name, m["min"]?.number)]
            row += levels.map { metricCell(name, percentile(m, $0)) }
            row.append(metricCell(name, m["max"]?.number))
            let probability = m["probabilityNegative"] ?? m["probabilityBelowHurdle"] ?? m["probabilityBelowCovenant"]
            row.append(probability?.number.map { ReportCell(ReportFormat.probability($0, paths: m["count"]?.number), value: $0) } ?? "")
            rows.append(row)
        }
        let caption = "Statistics per metric over the paths; quantiles \(r["quantiles"]?.string ?? ""). Probability: NPV < 0, IRR below the hurdle, or DSCR below the covenant."
        return ReportSection(id: "statistics", title: "Statistics per metric", blocks: [
            .table(ReportTable(id: "statistics", caption: caption,
                               columns: ["metric", "paths", "undefined", "mean", "sd", "std. error", "min"] + levels.map { "P\($0)" } + ["max", "probability"],
                               rows: rows)),
        ])
    }

    /// A spread (sd, standard error) in the metric's display unit.
    func sdCell(_ name: String, _ x: Double?) -> ReportCell { metricCell(name, x) }

    func distributions(_ r: JSONValue) -> ReportSection {
        var blocks: [ReportBlock] = []
        for name in ["equityNPV", "equityIRR"] {
            guard let m = r["metrics"]?[name] else { continue }
            let axis = "\(Self.title(name)) (\(unitLabel(name)))"
            let markers = [10, 50, 90].compactMap { p in percentile(m, p).map { ReportChart.Reference("P\(p)", scaled(name, $0)) } }
            if let h = m["histogram"], let counts = h["counts"]?.numbers?.compactMap({ $0 }), let lower = h["lower"]?.number,
               let upper = h["upper"]?.number, !counts.isEmpty {
                let edges = (0...counts.count).map { scaled(name, lower + (upper - lower) * Double($0) / Double(counts.count)) }
                blocks.append(.chart(ReportChart(id: "histogram-\(name)", title: "Distribution of the \(Self.title(name))",
                                                 xLabel: axis, yLabel: "paths",
                                                 caption: "Number of paths per bin (\(counts.count) equal bins from the smallest to the largest value); dashed lines at P10, P50 and P90. \(m["undefined"]?.number.map { $0 > 0 ? "\(Int($0)) paths where the metric is undefined are not shown." : "" } ?? "")",
                                                 kind: .histogram(edges: edges, counts: counts, markers: markers))))
                let total = counts.reduce(0, +)
                var running = 0.0
                let cumulative = [0.0] + counts.map { running += $0; return total > 0 ? running / total * 100 : 0 }
                blocks.append(.chart(ReportChart(id: "cdf-\(name)", title: "Cumulative distribution of the \(Self.title(name))",
                                                 xLabel: axis, yLabel: "share of paths at or below (%)",
                                                 caption: "Share of paths whose value is at or below x, read from the histogram bins; the red line marks 50%.",
                                                 kind: .lines(x: edges, series: [.init("cumulative share", cumulative)], bands: [],
                                                              references: [.init("50%", 50)], step: false))))
            } else {
                // Without the values (sketched quantiles), the percentiles still give the distribution's shape.
                let levels = [1, 5, 10, 50, 90, 95, 99].filter { percentile(m, $0) != nil }
                guard !levels.isEmpty else { continue }
                blocks.append(.chart(ReportChart(id: "cdf-\(name)", title: "Cumulative distribution of the \(Self.title(name))",
                                                 xLabel: axis, yLabel: "share of paths at or below (%)",
                                                 caption: "Percentiles P1 to P99 of the paths (estimated quantiles; no histogram is kept for this run).",
                                                 kind: .lines(x: levels.compactMap { percentile(m, $0).map { scaled(name, $0) } },
                                                              series: [.init("cumulative share", levels.map { Double($0) })], bands: [],
                                                              references: [.init("50%", 50)], step: false))))
            }
        }
        if let fan = r["equityCashFlowFan"], let years = fan["years"]?.numbers?.compactMap({ $0 }),
           let p10 = fan["p10"]?.numbers?.compactMap({ $0 }), let p25 = fan["p25"]?.numbers?.compactMap({ $0 }),
           let p50 = fan["p50"]?.numbers, let p75 = fan["p75"]?.numbers?.compactMap({ $0 }),
           let p90 = fan["p90"]?.numbers?.compactMap({ $0 }) {
            let d = unit.divisor
            let base = r["baseEvaluation"]?["cashFlows"]?.array?.map { $0["equityCashFlow"]?.number.map { $0 / d } }
            var series: [ReportChart.Series] = [.init("P50", p50.map { $0.map { $0 / d } })]
            if let base, base.count == years.count { series.append(.init("base case", base, dashed: true)) }
            blocks.append(.chart(ReportChart(id: "fan-equity-cash-flow", title: "Fan chart of yearly equity cash flows",
                                             xLabel: "year", yLabel: "equity cash flow (\(unit.label))",
                                             caption: "Per-year percentiles of the equity cash flow over the first \(fan["paths"]?.number.map(ReportFormat.plain) ?? "?") paths: shaded P10–P90 and P25–P75, line P50; dashed: the base case.",
                                             kind: .lines(x: years, series: series,
                                                          bands: [.init("P10–P90", lower: p10.map { $0 / d }, upper: p90.map { $0 / d }),
                                                                  .init("P25–P75", lower: p25.map { $0 / d }, upper: p75.map { $0 / d })],
                                                          references: [], step: false))))
        }
        return ReportSection(id: "distributions", title: "Distributions", blocks: blocks)
    }
}
