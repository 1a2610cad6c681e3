/// Sections from an incentive analysis (`IncentiveReport.json`): how much of the equity NPV
/// rests on each incentive, the Shapley waterfall and the withdrawal-year cliffs.
extension ReportBuilder {
    func incentiveSummary(_ a: JSONValue) -> ReportSection {
        ReportSection(id: "summary", title: "Summary", blocks: [.figures([
            ReportFigure("Equity NPV with all incentives", metric("equityNPV", a["all"]?.number)),
            ReportFigure("Equity NPV without incentives", metric("equityNPV", a["none"]?.number)),
            ReportFigure("Incentives add", metric("equityNPV", a["incentiveEffect"]?.number), note: "all − none"),
            a["incentiveShare"]?.number.map {
                ReportFigure("Share resting on incentives", ReportFormat.percent($0, decimals: 1), note: "(all − none) / all")
            } ?? ReportFigure("Share resting on incentives", "no share", note: a["undefined"]?["incentiveShare"]?.string ?? ""),
            ReportFigure("Equity IRR with all", ReportFormat.percent(a["equityIRR"]?["all"]?.number),
                         note: "without incentives \(ReportFormat.percent(a["equityIRR"]?["none"]?.number))"),
        ])] + incentiveNotes(a))
    }

    /// Sentences a reader needs beside the table: delays that raise the NPV, allowances paid to staff.
    func incentiveNotes(_ a: JSONValue) -> [ReportBlock] {
        (a["incentives"]?.array ?? []).flatMap { i -> [ReportBlock] in
            guard let id = i["id"]?.string else { return [] }
            var notes: [ReportBlock] = []
            if let note = i["delayNote"]?.string { notes.append(.paragraph("\(id): a one-year delay raises the equity NPV: \(note).")) }
            if let staff = i["paidToStaff"] {
                notes.append(.paragraph("\(id): employees receive \(money(staff["total"]?.number).text) \(unit.label) in all "
                    + "(present value \(money(staff["presentValue"]?.number).text)); the firm's NPV sees only the pass-through share, "
                    + "so a small effect on the firm does not mean the staff receive little."))
            }
            return notes
        }
    }

    func incentiveAnalysis(_ a: JSONValue) -> ReportSection {
        let items = a["incentives"]?.array ?? []
        var blocks: [ReportBlock] = []
        let rows: [[ReportCell]] = items.map { i in
            [ReportCell(i["id"]?.string ?? ""), money(i["without"]?.number), money(i["only"]?.number), money(i["shapley"]?.number),
             i["shapleyIRR"]?.number.map { ReportCell(ReportFormat.grouped($0 * 100), value: $0 * 100) } ?? "–",
             i["breakEvenFraction"]?.number.map { ReportCell(ReportFormat.percent($0, decimals: 1), value: $0) }
                ?? ReportCell(i["breakEven"]?.string.map(IncentiveDependence.BreakEven.label(ofKey:)) ?? (i["breakEvenNote"] != nil ? "not enough" : "–")),
             money(i["delayedOneYear"]?.number)]
        }
        blocks.append(.table(ReportTable(id: "incentive-dependence",
            caption: "Equity NPV without each incentive, with only it, its Shapley share (\(unit.label)); Shapley share of the equity IRR (percentage points); break-even fraction (\u{201C}not needed\u{201D}: the NPV stays at or above 0 without it); NPV with the incentive delayed one year (it takes effect a year after its first payment or tax saving; the end of its window stays, so that year is lost)",
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
        if let cliff = a["withdrawAll"]?.array, !cliff.isEmpty {
            let years = cliff.compactMap { $0["year"]?.number }
            var references: [ReportChart.Reference] = [.init("NPV 0", 0)]
            if let all = a["all"]?.number { references.append(.init("all incentives kept", all / unit.divisor)) }
            blocks.append(.chart(ReportChart(id: "withdraw-all-cliff", title: "Every incentive withdrawn from a year on",
                xLabel: "year from which every incentive is withdrawn", yLabel: "equity NPV (\(unit.label))",
                caption: "Equity NPV if every incentive stops from the given year on (paid only before it): the first point is the project without incentives. The equity IRR of each point is in the table below.",
                kind: .lines(x: years, series: [.init("every incentive", cliff.map { $0["equityNPV"]?.number.map { $0 / unit.divisor } })],
                             bands: [], references: references, step: false))))
            blocks.append(.table(ReportTable(id: "withdraw-all",
                caption: "Every incentive withdrawn from a year on: equity NPV (\(unit.label)) and equity IRR",
                columns: ["withdrawn from", "equity NPV", "equity IRR"],
                rows: cliff.map { p in
                    [ReportCell(p["year"]?.number.map { String(Int($0)) } ?? "–"), money(p["equityNPV"]?.number),
                     ReportCell(ReportFormat.percent(p["equityIRR"]?.number), value: p["equityIRR"]?.number)]
                })))
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
