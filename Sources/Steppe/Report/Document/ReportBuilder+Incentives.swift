/// Sections from an incentive analysis (`IncentiveReport.json`): how much of the equity NPV
/// rests on each incentive, the Shapley waterfall and the withdrawal-year cliffs.
extension ReportBuilder {
    func incentiveSummary(_ a: JSONValue) -> ReportSection {
        ReportSection(id: "summary", title: "Summary", blocks: [.figures([
            ReportFigure("Equity NPV with all incentives", metric("equityNPV", a["all"]?.number)),
            ReportFigure("Equity NPV without incentives", metric("equityNPV", a["none"]?.number)),
            ReportFigure("Share resting on incentives", ReportFormat.percent(a["incentiveShare"]?.number, decimals: 1), note: "(all − none) / |all|"),
            ReportFigure("Equity IRR with all", ReportFormat.percent(a["equityIRR"]?["all"]?.number),
                         note: "without incentives \(ReportFormat.percent(a["equityIRR"]?["none"]?.number))"),
        ])])
    }

    func incentiveAnalysis(_ a: JSONValue) -> ReportSection {
        let items = a["incentives"]?.array ?? []
        var blocks: [ReportBlock] = []
        let rows: [[ReportCell]] = items.map { i in
            [ReportCell(i["id"]?.string ?? ""), money(i["without"]?.number), money(i["only"]?.number), money(i["shapley"]?.number),
             i["shapleyIRR"]?.number.map { ReportCell(ReportFormat.grouped($0 * 100), value: $0 * 100) } ?? "–",
             i["breakEvenFraction"]?.number.map { ReportCell(ReportFormat.percent($0, decimals: 1), value: $0) } ?? ReportCell(i["breakEvenNote"] != nil ? "not enough" : "–"),
             money(i["delayedOneYear"]?.number)]
        }
        blocks.append(.table(ReportTable(id: "incentive-dependence",
            caption: "Equity NPV without each incentive, with only it, its Shapley share (\(unit.label)); Shapley share of the equity IRR (percentage points); break-even fraction; NPV with the incentive delayed one year",
            columns: ["incentive", "without", "only", "Shapley", "Shapley IRR (pp)", "break-even fraction", "delayed one year"], rows: rows)))
        if let none = a["none"]?.number, a["all"]?.number != nil {
            let steps = items.compactMap { i -> (label: String, value: Double)? in
                guard let id = i["id"]?.string, let s = i["shapley"]?.number else { return nil }
                return (id, s / unit.divisor)
            }
            if steps.count == items.count {
                blocks.append(.chart(ReportChart(id: "shapley-waterfall", title: "Shapley waterfall of the equity NPV",
                    xLabel: "incentive", yLabel: "equity NPV (\(unit.label))",
                    caption: "From the equity NPV without incentives to the NPV with all of them, each step an incentive's Shapley value (its average contribution over all orders of granting them; \(a["shapleyMethod"]?.string ?? "")). Green adds value, red removes it.",
                    kind: .waterfall(start: ("no incentives", none / unit.divisor), steps: steps, end: "all incentives"))))
            }
        }
        let curves = items.compactMap { i -> (String, [JSONValue])? in
            guard let id = i["id"]?.string, let c = i["withdrawalCurve"]?.array, !c.isEmpty else { return nil }
            return (id, c)
        }
        if let first = curves.first {
            let years = first.1.compactMap { $0["year"]?.number }
            let series = curves.map { id, c in
                ReportChart.Series(id, years.map { y in c.first { $0["year"]?.number == y }?["value"]?.number.map { $0 / unit.divisor } })
            }
            var references: [ReportChart.Reference] = [.init("NPV 0", 0)]
            if let all = a["all"]?.number { references.append(.init("all incentives kept", all / unit.divisor)) }
            blocks.append(.chart(ReportChart(id: "withdrawal-cliff", title: "Withdrawal-year cliff curves",
                xLabel: "year from which the incentive is withdrawn", yLabel: "equity NPV (\(unit.label))",
                caption: "Equity NPV if each incentive stops from the given year on (the others kept): where a curve crosses NPV 0, an early withdrawal turns the project into a loss.",
                kind: .lines(x: years, series: series, bands: [], references: references, step: false))))
        }
        return ReportSection(id: "incentives", title: "Incentive dependence", blocks: blocks)
    }

    /// The incentives' citations, when the input has no evaluation to take provenance from.
    func incentiveSources(_ a: JSONValue) -> ReportSection {
        let rows: [[ReportCell]] = (a["incentives"]?.array ?? []).map { i in
            [ReportCell(i["id"]?.string ?? ""), ReportCell(i["title"]?.string ?? ""), ReportCell(source(i))]
        }
        return ReportSection(id: "provenance", title: "Provenance", blocks: rows.isEmpty ? [] : [
            .table(ReportTable(id: "incentive-sources", caption: "Source of each incentive: seed document and lines, or assumption",
                               columns: ["incentive", "title", "source"], rows: rows, numeric: false)),
        ])
    }
}
