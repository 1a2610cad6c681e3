/// Sections from an evaluation JSON (`Evaluation.json`): the metrics, the yearly cash flow,
/// the conventions and the provenance of every policy value.
extension ReportBuilder {
    func evaluationSubtitle(_ e: JSONValue) -> String {
        let s = e["scenario"]
        var parts = ["Deterministic evaluation"]
        if let zone = s?["zone"]?.string { parts.append("zone \(zone)") }
        if let a = s?["startYear"]?.number, let b = s?["endYear"]?.number { parts.append("years \(Int(a))–\(Int(b))") }
        if let o = s?["operationStartYear"]?.number { parts.append("first operating year \(Int(o))") }
        return parts.joined(separator: ", ")
    }

    func evaluationSummary(_ e: JSONValue) -> ReportSection {
        let m = e["metrics"], undefined = e["undefined"]
        let names = ["equityNPV", "equityIRR", "projectNPV", "projectIRR", "levelizedCost", "breakEvenPrice", "minDSCR", "paybackYears"]
        let figures = names.compactMap { name -> ReportFigure? in
            guard m?[name] != nil else { return nil }
            return ReportFigure(Self.title(name), metric(name, m?[name]?.number), note: undefined?[name]?.string.map { "undefined: \($0)" } ?? "")
        }
        var rows: [[ReportCell]] = []
        for (name, value) in m?.members ?? [] {
            rows.append([ReportCell(Self.title(name)), metricCell(name, value.number), ReportCell(unitLabel(name)),
                         ReportCell(undefined?[name]?.string ?? "")])
        }
        return ReportSection(id: "summary", title: "Summary", blocks: [
            .figures(figures),
            .table(ReportTable(id: "metrics", caption: "Metrics of the base case", columns: ["metric", "value", "unit", "undefined because"], rows: rows)),
        ])
    }

    /// The conventions (timing, discounting, units) and, for a run, its settings.
    func conventions(_ c: JSONValue?, run: JSONValue?) -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph("Money is shown in \(unit.label) (nominal, excluding VAT); the JSON and CSV values are in the same unit as their column headers, and the JSON result in yuan.")]
        if let run {
            var rows: [[ReportCell]] = []
            for key in ["paths", "completedPaths", "seed", "sampler", "generator", "quantiles", "chunkSize"] {
                guard let v = run[key] else { continue }
                rows.append([ReportCell(key), ReportCell(v.number.map(ReportFormat.plain) ?? v.string ?? "")])
            }
            if let t = run["thresholds"]?.members {
                for (k, v) in t { rows.append([ReportCell(k), ReportCell(v.number.map(ReportFormat.plain) ?? "")]) }
            }
            if run["partial"]?.bool == true { rows.append(["partial", "yes: the run was interrupted; statistics cover the completed paths only"]) }
            blocks.append(.table(ReportTable(id: "run-settings", caption: "Monte Carlo settings", columns: ["setting", "value"], rows: rows, numeric: false)))
        }
        if let members = c?.members {
            blocks.append(.table(ReportTable(id: "conventions", caption: "Conventions", columns: ["convention", "statement"],
                                             rows: members.map { [ReportCell($0.0), ReportCell($0.1.string ?? "")] }, numeric: false)))
        }
        return ReportSection(id: "assumptions", title: "Assumptions and conventions", blocks: blocks)
    }

    /// The base case's yearly cash flow (table and chart) and the representative paths'.
    func cashFlows(_ e: JSONValue, representative: JSONValue?) -> ReportSection {
        guard let rows = e["cashFlows"]?.array, !rows.isEmpty else { return ReportSection(id: "cash-flows", title: "Cash flows", blocks: []) }
        let years = rows.compactMap { $0["year"]?.number }
        var table: [[ReportCell]] = []
        // Results with working capital have its column in every year.
        let workingCapital = rows[0]["workingCapital"] != nil
        for r in rows {
            var row = [ReportCell(r["year"]?.number.map { String(Int($0)) } ?? "")]
            for v in CashFlowTable.values(workingCapital: workingCapital, { r[$0]?.number }) { row.append(money(v)) }
            row.append(r["dscr"]?.number.map { ReportCell(ReportFormat.decimal($0), value: $0) } ?? "–")
            table.append(row)
        }
        var blocks: [ReportBlock] = [
            .table(ReportTable(id: "cash-flows", caption: "Yearly cash flow of the base case (\(unit.label); DSCR as a ratio)",
                               columns: ["year"] + CashFlowTable.columns(workingCapital: workingCapital).map(\.title) + ["DSCR"], rows: table)),
            .paragraph(CashFlowTable.footnote(workingCapital: workingCapital)),
            .chart(ReportChart(id: "base-cash-flows", title: "Base-case cash flows by year", xLabel: "year",
                               yLabel: "cash flow (\(unit.label))",
                               caption: "Project (unlevered, after tax) and equity (levered, after tax) cash flows of the base case, end of each calendar year.",
                               kind: .lines(x: years, series: [
                                   .init("project cash flow", rows.map { $0["projectCashFlow"]?.number.map { $0 / unit.divisor } }),
                                   .init("equity cash flow", rows.map { $0["equityCashFlow"]?.number.map { $0 / unit.divisor } }),
                               ], bands: [], references: [], step: false))),
        ]
        if let reps = representative?.array, !reps.isEmpty {
            var columns = ["year"]
            var series: [[JSONValue]] = []
            for r in reps {
                let p = r["percentile"]?.number.map { "P\(Int($0))" } ?? "?"
                columns.append("\(p) equity cash flow (path \(r["path"]?.number.map { String(Int($0)) } ?? "?"))")
                series.append(r["cashFlows"]?.array ?? [])
            }
            let n = series.map(\.count).max() ?? 0
            let repRows: [[ReportCell]] = (0..<n).map { t in
                let year = series.first { t < $0.count }?[t]["year"]?.number
                return [ReportCell(year.map { String(Int($0)) } ?? "")] + series.map { t < $0.count ? money($0[t]["equityCashFlow"]?.number) : "–" }
            }
            blocks.append(.table(ReportTable(id: "representative-paths",
                                             caption: "Equity cash flow of the representative paths: the paths whose equity NPV is nearest P10, P50 and P90 (\(unit.label))",
                                             columns: columns, rows: repRows)))
        }
        return ReportSection(id: "cash-flows", title: "Cash flows", blocks: blocks)
    }

    /// Every value taken from the policy catalogue or a zone profile with its citation or
    /// assumption, every override of a zone or catalogue value, and every incentive's source.
    func provenance(_ e: JSONValue) -> ReportSection {
        var blocks: [ReportBlock] = []
        let items = e["provenance"]?.array ?? []
        if !items.isEmpty {
            let rows: [[ReportCell]] = items.map { p in
                let via = [p["zone"]?.string.map { "zone \($0)" + (p["zoneKey"]?.string.map { " (\($0))" } ?? "") },
                           p["policy"]?.string.map { "policy \($0)" + (p["parameter"]?.string.map { ".\($0)" } ?? "") },
                           p["times"]?.number.map { "× \(ReportFormat.plain($0))" }].compactMap { $0 }.joined(separator: ", ")
                var override = ""
                if let o = p["override"], o != .null {
                    override = "overrides " + (o["catalogueValue"]?.number.map { "catalogue value \(ReportFormat.plain($0))" } ?? "no catalogue value")
                    if let reason = o["reason"]?.string { override += ": \(reason)" }
                }
                return [ReportCell(p["keyPath"]?.string ?? ""), ReportCell(p["value"]?.number.map(ReportFormat.plain) ?? "–", value: p["value"]?.number),
                        ReportCell(p["unit"]?.string ?? ""), ReportCell(via), ReportCell(source(p)), ReportCell(override)]
            }
            blocks.append(.table(ReportTable(id: "provenance", caption: "Policy and zone values used (catalogue units) and the scenario's overrides",
                                             columns: ["key path", "value", "unit", "from", "source", "override"], rows: rows, numeric: false)))
            let overrides = items.filter { ($0["override"] ?? .null) != .null }.count
            let assumed = items.filter { $0["assumption"] != nil }.count
            blocks.insert(.paragraph("\(items.count) values come from the policy catalogue or the zone profile; \(overrides) of them are overridden by the scenario and \(assumed) rest on labelled assumptions rather than a seed document."), at: 0)
        }
        let totals = Dictionary((e["incentivesByItem"]?.members ?? []).map { ($0.0, ($0.1.numbers ?? []).compactMap { $0 }.reduce(0, +)) },
                                uniquingKeysWith: { a, _ in a })
        if let incentives = e["incentives"]?.array, !incentives.isEmpty {
            let rows: [[ReportCell]] = incentives.map { i in
                let id = i["id"]?.string ?? ""
                let total = i["taxPreference"]?.bool == true ? ReportCell("acts on the CIT rate") : money(totals[id])
                return [ReportCell(id), ReportCell(i["title"]?.string ?? ""), total, ReportCell(source(i))]
            }
            blocks.append(.table(ReportTable(id: "incentive-sources", caption: "Incentives of the scenario: total cash over the project (\(unit.label)) and source",
                                             columns: ["incentive", "title", "total", "source"], rows: rows, numeric: false)))
        }
        if blocks.isEmpty { blocks.append(.paragraph("The scenario states all its values itself; no catalogue values or incentives.")) }
        return ReportSection(id: "provenance", title: "Provenance", blocks: blocks)
    }

    /// "seed document Lx–y: phrase" or "assumption: source".
    func source(_ j: JSONValue) -> String {
        if let c = j["citation"] {
            var s = "\(c["document"]?.string ?? "?") L\(c["lines"]?.string ?? "?")"
            if let phrase = c["phrase"]?.string, !phrase.isEmpty { s += ": “\(phrase)”" }
            return s
        }
        if let a = j["assumption"]?.string { return "assumption: \(a)" }
        return ""
    }
}
