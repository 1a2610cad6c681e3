/// Sections from a zone comparison (`steppe compare --format json`): ranking with P(best),
/// probability of loss and of meeting the hurdle, the pairwise odds matrix, expected regret,
/// overlaid distributions, the drivers of each zone's difference from the best, and what the
/// differences rest on (the proxy warning).
extension ReportBuilder {
    func comparisonSummary(_ c: JSONValue) -> ReportSection {
        let zones = c["zones"]?.array ?? []
        let best = zones.first { $0["rank"]?.number == 1 }
        let comparisonMetric = c["comparisonMetric"]?.string ?? "equityNPV"
        var figures: [ReportFigure] = []
        if let best, let name = best["zone"]?.string {
            figures.append(ReportFigure("Best zone by mean \(comparisonMetric)", name,
                note: "best on \(ReportFormat.percent(best["probabilityBest"]?.number, decimals: 1)) of paths"))
            figures.append(ReportFigure("Its mean equity NPV", metric("equityNPV", best["metrics"]?["equityNPV"]?["mean"]?.number),
                note: "P10 \(metric("equityNPV", best["metrics"]?["equityNPV"]?["p10"]?.number)) · P90 \(metric("equityNPV", best["metrics"]?["equityNPV"]?["p90"]?.number))"))
        }
        figures.append(ReportFigure("Paths", ReportFormat.grouped(c["paths"]?.number ?? 0, decimals: 0),
            note: "\(c["draws"]?.string ?? "common") random numbers, seed \(c["seed"]?.string ?? "")"))
        var blocks: [ReportBlock] = [.figures(figures)]
        let flagged = (c["zoneEvidence"]?["pairs"]?.array ?? []).filter { $0["restsOnProxies"]?.bool == true }
        if !flagged.isEmpty {
            let pairs = flagged.compactMap { p -> String? in
                guard let z = p["zone"]?.string, let r = p["reference"]?.string else { return nil }
                return "\(z) vs \(r) (\(ReportFormat.percent(p["proxyShare"]?.number, decimals: 0)))"
            }
            blocks.append(.paragraph("⚠ Proxy warning: most of the difference between these zones rests on proxies, assumptions "
                + "or the study's own per-zone guesses rather than cited zone data, so it is not a finding about the zones: "
                + pairs.joined(separator: "; ") + ". See “What the differences rest on” below."))
        }
        if let pinned = c["zoneEvidence"]?["pinnedValues"]?.array, !pinned.isEmpty {
            blocks.append(.paragraph("The same in every zone by the scenario's choice: "
                + pinned.compactMap(\.string).joined(separator: ", ") + "."))
        }
        return ReportSection(id: "summary", title: "Summary", blocks: blocks)
    }

    /// Ranking, odds matrix, quantile curves and regret.
    func comparisonRanking(_ c: JSONValue) -> ReportSection {
        let zones = (c["zones"]?.array ?? []).sorted { ($0["rank"]?.number ?? 0) < ($1["rank"]?.number ?? 0) }
        let names = zones.compactMap { $0["zone"]?.string }
        let metric = c["comparisonMetric"]?.string ?? "equityNPV"
        func percent(_ x: Double?) -> ReportCell { x.map { ReportCell(ReportFormat.percent($0, decimals: 1), value: $0) } ?? "–" }
        let ranking: [[ReportCell]] = zones.map { z in
            let npv = z["metrics"]?["equityNPV"]
            return [ReportCell(z["zone"]?.string ?? ""), ReportCell(ReportFormat.grouped(z["rank"]?.number ?? 0, decimals: 0)),
                    money(npv?["mean"]?.number), money(npv?["standardError"]?.number), money(npv?["p10"]?.number),
                    money(npv?["p50"]?.number), money(npv?["p90"]?.number),
                    percent(z["probabilityBest"]?.number), percent(z["probabilityLoss"]?.number),
                    percent(z["probabilityMeetingHurdle"]?.number), money(z["expectedRegret"]?.number)]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(id: "ranking",
            caption: "Zones ranked by mean \(metric): equity NPV (\(unit.label)) mean, its standard error, P10/P50/P90; P(best): share of paths on which the zone is best; P(loss): P(equity NPV < 0); P(IRR ≥ hurdle); expected regret: mean shortfall from the best zone on each path (\(unit.label))",
            columns: ["zone", "rank", "mean", "std. error", "P10", "P50", "P90", "P(best)", "P(loss)", "P(IRR ≥ hurdle)", "expected regret"],
            rows: ranking))]
        let pairs = c["pairwise"]?.array ?? []
        if names.count > 1 {
            let matrix: [[ReportCell]] = names.map { row in
                [ReportCell(row)] + names.map { column in
                    guard row != column, let p = pairs.first(where: { $0["zone"]?.string == row && $0["other"]?.string == column }) else {
                        return "–"
                    }
                    let odds = ReportFormat.percent(p["probabilityBeats"]?.number, decimals: 0)
                    let difference = ReportFormat.money(p["meanDifference"]?.number, unit, withUnit: false)
                    let se = ReportFormat.money(p["standardError"]?.number, unit, withUnit: false)
                    return ReportCell("\(odds) · \(difference) ± \(se)", value: p["probabilityBeats"]?.number)
                }
            }
            blocks.append(.table(ReportTable(id: "odds",
                caption: "Pairwise odds: the share of paths on which the row zone's \(metric) beats the column zone's, then the mean difference (row − column, \(unit.label)) ± its standard error over paths. With common random numbers each path puts both zones under the same draws, so the difference's error is far smaller than independent runs would give.",
                columns: ["zone beats →"] + names, rows: matrix)))
        }
        let curves = zones.compactMap { z -> ReportChart.Series? in
            guard let name = z["zone"]?.string, let values = z["quantileCurve"]?["values"]?.array else { return nil }
            return ReportChart.Series(name, values.map { $0.number.map { $0 / unit.divisor } })
        }
        if let levels = zones.first?["quantileCurve"]?["levels"]?.numbers, !curves.isEmpty {
            blocks.append(.chart(ReportChart(id: "zone-distributions", title: "Distributions of the \(metric) by zone, overlaid",
                xLabel: "percentile (%)", yLabel: "\(metric) (\(metric.hasSuffix("NPV") ? unit.label : "value"))",
                caption: "Each curve is a zone's \(metric) at each percentile (its quantile function): a curve above another at every percentile is the better zone whatever the risk appetite; crossing curves mean the ranking depends on it.",
                kind: .lines(x: levels.map { ($0 ?? 0) * 100 }, series: curves, bands: [],
                             references: metric.hasSuffix("NPV") ? [.init("0", 0)] : [], step: false))))
        }
        return ReportSection(id: "ranking", title: "Ranking and odds", blocks: blocks)
    }

    /// Each zone's base-case difference from the best zone, line by line, as waterfalls.
    func comparisonDrivers(_ c: JSONValue) -> ReportSection {
        let blocks: [ReportBlock] = (c["drivers"]?.array ?? []).compactMap { d in
            guard let zone = d["zone"]?.string, let reference = d["reference"]?.string,
                  let lines = d["lines"]?.array, !lines.isEmpty else { return nil }
            let steps = lines.prefix(12).compactMap { l -> (label: String, value: Double)? in
                guard let line = l["line"]?.string, let x = l["difference"]?.number else { return nil }
                return (line, x / unit.divisor)
            }
            return .chart(ReportChart(id: "drivers-\(zone)", title: "\(zone) against \(reference): what makes the difference",
                xLabel: "line", yLabel: "present value difference (\(unit.label))",
                caption: "Base-case present values at the project rate of each line in \(zone) minus in \(reference), largest first (at most 12); green raises \(zone)'s value, red lowers it.",
                kind: .waterfall(start: ("\(reference)", 0), steps: steps, end: "difference")))
        }
        return ReportSection(id: "drivers", title: "Drivers of the differences", blocks: blocks)
    }

    /// The inputs that differ between each pair of zones and what they rest on.
    func comparisonEvidence(_ c: JSONValue) -> ReportSection {
        let pairs = c["zoneEvidence"]?["pairs"]?.array ?? []
        var rows: [[ReportCell]] = []
        for p in pairs {
            let pair = "\(p["zone"]?.string ?? "") vs \(p["reference"]?.string ?? "")"
            let flag = p["restsOnProxies"]?.bool == true ? " ⚠ mostly proxies" : ""
            rows.append([ReportCell(pair + flag), "difference", "", money(p["difference"]?.number),
                         ReportCell("proxy share " + ReportFormat.percent(p["proxyShare"]?.number, decimals: 0))])
            for i in p["inputs"]?.array ?? [] {
                rows.append([ReportCell(""), ReportCell(i["keyPath"]?.string ?? ""),
                             ReportCell("\(i["referenceValue"]?.string ?? "project's") → \(i["value"]?.string ?? "project's")"),
                             money(i["share"]?.number), ReportCell(i["basis"]?.string ?? "")])
            }
            if let rest = p["unattributed"]?.number, abs(rest) >= 0.005 * unit.divisor {
                rows.append([ReportCell(""), "not attributed (policies, zone values in modules)", "", money(rest), ""])
            }
            for key in ["policiesOnlyInReference", "policiesOnlyInZone"] {
                if let ids = p[key]?.array, !ids.isEmpty {
                    let whose = key == "policiesOnlyInZone" ? p["zone"]?.string : p["reference"]?.string
                    rows.append([ReportCell(""), ReportCell("policies only in \(whose ?? "")"),
                                 ReportCell(ids.compactMap(\.string).joined(separator: ", ")), "", ""])
                }
            }
        }
        return ReportSection(id: "evidence", title: "What the differences rest on", blocks: rows.isEmpty ? [] : [
            .table(ReportTable(id: "zone-evidence",
                caption: "For each pair of zones: the inputs that differ (reference → zone), each one's Shapley share of the base-case equity NPV difference (\(unit.label)), and what it rests on: cited zone data, a proxy (another zone's value), an assumption, or the study's own per-zone override. The proxy share is the part of the difference that does not rest on cited data.",
                columns: ["pair", "input", "values", "share", "basis"], rows: rows, numeric: false)),
        ])
    }
}
