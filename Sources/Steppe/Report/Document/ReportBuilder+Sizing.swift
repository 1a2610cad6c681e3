/// Sections of a sizing optimisation (`steppe optimise --format json`, keys in docs/analyses.md):
/// the optimum and its objective, the export share and curtailment there, how flat the optimum is
/// per input, the search path (every point evaluated, the optimum ringed), and with `--zones` the
/// zones ranked at their own best size.
extension ReportBuilder {
    /// What a sizing optimised, e.g. `P10 of Equity NPV`, or `Equity NPV` on the base case.
    static func sizingObjective(_ sizing: JSONValue) -> String {
        let metric = title(sizing["metric"]?.string ?? "equityNPV")
        guard sizing["objective"]?["kind"]?.string == "monteCarlo", let statistic = sizing["objective"]?["statistic"]?.string else { return metric }
        return "\(statistic == "mean" ? "Mean" : statistic.uppercased()) of \(metric)"
    }

    /// The inputs a sizing chose, in order.
    static func sizingKeys(_ sizing: JSONValue) -> [String] {
        sizing["variables"]?.array?.compactMap { $0["keyPath"]?.string } ?? []
    }

    /// `key = value, ...` at the optimum.
    static func sizingOptimum(_ sizing: JSONValue) -> String {
        sizingKeys(sizing).map { "\($0) = \(sizing["optimum"]?[$0]?.number.map { ReportFormat.grouped($0, decimals: 3) } ?? "–")" }
            .joined(separator: ", ")
    }

    func sizingSection(_ sizing: JSONValue) -> ReportSection {
        let metricName = sizing["metric"]?.string ?? "equityNPV"
        let objective = Self.sizingObjective(sizing)
        let keys = Self.sizingKeys(sizing)
        let zone = sizing["zone"]?.string
        let value = sizing["value"]?.number
        let minimize = sizing["minimize"]?.bool == true
        let objectiveJSON = sizing["objective"]
        let tolerance = sizing["tolerance"]?.number

        var figures = [ReportFigure("Best \(objective) (\(minimize ? "smallest" : "largest"))", metric(metricName, value),
                                    note: value == nil ? "undefined at every evaluated point" : "at " + Self.sizingOptimum(sizing))]
        if objectiveJSON?["kind"]?.string == "monteCarlo" {
            let draws = "over \(objectiveJSON?["paths"]?.number.map { ReportFormat.grouped($0, decimals: 0) } ?? "–") paths (seed \(objectiveJSON?["seed"]?.string ?? "–"), sampler \(objectiveJSON?["sampler"]?.string ?? "–")), the same draws at every design point (common random numbers)"
            var noise = ""
            if let wider = objectiveJSON?["flatnessWiderThanNoise"]?.bool, let band = objectiveJSON?["flatnessBand"]?.number {
                noise = "; the 1% flatness band (± \(metric(metricName, band))) is " + (wider ? "wider than two standard errors"
                    : "within two standard errors: the level is less certain than the band, and the optimum's place in the flat range may depend on the draws")
            }
            figures.append(ReportFigure("Standard error there", metric(metricName, objectiveJSON?["standardError"]?.number), note: draws + noise))
            if let undefined = objectiveJSON?["undefinedPathsAtOptimum"]?.number, undefined > 0 {
                figures.append(ReportFigure("Undefined paths there", ReportFormat.grouped(undefined, decimals: 0),
                                            note: "left out of the statistic and counted, as in a run's summary"))
            }
            figures.append(ReportFigure("Base case there", metric(metricName, sizing["metrics"]?[metricName]?.number),
                                        note: "\(Self.title(metricName)) of the deterministic base case at the optimum"))
        }
        if let d = sizing["dispatch"] {
            figures.append(ReportFigure("Export share there", ReportFormat.percent(d["exportShare"]?.number, decimals: 1),
                                        note: "largest year \(ReportFormat.percent(d["largestYearlyExportShare"]?.number, decimals: 1)); the cap is checked yearly (002 L4172-4173)"))
            figures.append(ReportFigure("Curtailment there", ReportFormat.percent(d["curtailmentShare"]?.number, decimals: 1),
                                        note: "of the available wind and solar energy"))
        }
        let evaluations = sizing["evaluations"]?.number
        var work = "\(sizing["gridEvaluations"]?.number.map { ReportFormat.grouped($0, decimals: 0) } ?? "–") on the coarse grid, then Nelder-Mead and the flatness scan"
        if let years = sizing["dispatchYears"]?.number { work += "; \(ReportFormat.grouped(years, decimals: 0)) dispatch-years" }
        if let tolerance { work += "; optimum located to ± \(ReportFormat.grouped(tolerance * 100, decimals: 2))% of each range" }
        figures.append(ReportFigure("Evaluations", evaluations.map { ReportFormat.grouped($0, decimals: 0) } ?? "–", note: work))
        var blocks: [ReportBlock] = [.figures(figures)]
        if let errors = sizing["errors"]?.array?.compactMap(\.string), !errors.isEmpty {
            blocks.append(.paragraph("At the best point: " + errors.joined(separator: "; ")))
        }

        let flatness = sizing["flatness"]?.array ?? []
        let bounds = sizing["variables"]?.array ?? []
        func number(_ x: Double?) -> ReportCell { x.map { ReportCell(ReportFormat.grouped($0, decimals: 3), value: $0) } ?? "–" }
        blocks.append(.table(ReportTable(
            id: "sizing-flatness\(zone.map { "-\($0)" } ?? "")",
            caption: "Optimum and flatness: how far each input may move, the others at the optimum, with \(objective) within 1% of the best",
            columns: ["input", "optimum", "lower bound", "upper bound", "within 1%: from", "to", "scan step"],
            rows: keys.enumerated().map { j, key in
                let flat = flatness.first { $0["keyPath"]?.string == key }
                return [ReportCell(key), number(sizing["optimum"]?[key]?.number),
                        number(j < bounds.count ? bounds[j]["lower"]?.number : nil), number(j < bounds.count ? bounds[j]["upper"]?.number : nil),
                        number(flat?["low"]?.number), number(flat?["high"]?.number), number(flat?["step"]?.number)]
            })))

        let search = sizing["search"]?.array ?? []
        let phases = ["grid", "polish", "flatness"]
        let phaseNames = ["coarse grid", "Nelder-Mead", "flatness scan"]
        func inputs(_ step: JSONValue) -> [Double?] { keys.map { step["values"]?[$0]?.number } }
        let optimumValues = keys.map { sizing["optimum"]?[$0]?.number }
        let marked = search.firstIndex { inputs($0) == optimumValues }
        let objectiveTitle = "\(objective) (\(unitLabel(metricName)))"
        let chartID = "sizing-search\(zone.map { "-\($0)" } ?? "")"
        func group(_ step: JSONValue) -> Int { phases.firstIndex(of: step["phase"]?.string ?? "") ?? 0 }
        func tip(_ step: JSONValue) -> String {
            zip(keys, inputs(step)).map { "\($0) \($1.map { ReportFormat.grouped($0, decimals: 3) } ?? "–")" }.joined(separator: ", ")
                + ": \(metric(metricName, step["value"]?.number))"
        }
        if keys.count == 1 {
            let points = search.compactMap { step -> ReportChart.ScatterPoint? in
                guard let x = inputs(step)[0], let y = step["value"]?.number else { return nil }
                return ReportChart.ScatterPoint(x: x, y: scaled(metricName, y), group: group(step), tip: tip(step))
            }
            let index = marked.flatMap { m in points.firstIndex { $0.tip == tip(search[m]) } }
            blocks.append(.chart(ReportChart(id: chartID, title: "Search path: \(objective) over \(keys[0])", xLabel: keys[0], yLabel: objectiveTitle,
                                             caption: "Every design point the search evaluated, coloured by phase; the ringed point is the optimum. Points where the objective is undefined are left out.",
                                             kind: .scatter(points: points, groups: phaseNames, marked: index.map { ($0, "optimum") }))))
        } else if keys.count == 2 {
            let points = search.compactMap { step -> ReportChart.ScatterPoint? in
                guard let x = inputs(step)[0], let y = inputs(step)[1] else { return nil }
                return ReportChart.ScatterPoint(x: x, y: y, group: group(step), tip: tip(step))
            }
            blocks.append(.chart(ReportChart(id: chartID, title: "Search path over \(keys[0]) and \(keys[1])", xLabel: keys[0], yLabel: keys[1],
                                             caption: "Every design point the search evaluated, coloured by phase (the objective at each is in its tooltip and in the table); the ringed point is the optimum.",
                                             kind: .scatter(points: points, groups: phaseNames, marked: marked.map { ($0, "optimum") }))))
        } else if keys.count > 2 {
            blocks.append(.paragraph("A search over \(keys.count) inputs has no chart; the table lists every evaluated point."))
        }
        blocks.append(.table(ReportTable(
            id: "sizing-points\(zone.map { "-\($0)" } ?? "")", caption: "Every evaluated point, in the order of the search (money in \(unit.label))",
            columns: keys + [objectiveTitle, "phase", "note"],
            rows: search.enumerated().map { k, step in
                inputs(step).map(number) + [metricCell(metricName, step["value"]?.number),
                                            ReportCell(phaseNames[group(step)]), ReportCell(k == marked ? "optimum" : "")]
            })))
        return ReportSection(id: "sizing\(zone.map { "-\($0)" } ?? "")", title: zone.map { "Sizing in \($0)" } ?? "Sizing", blocks: blocks)
    }

    /// The zones of `steppe optimise --zones` ranked by the objective at each one's own optimum, best first.
    func sizingRanking(_ sizings: [JSONValue]) -> ReportSection {
        guard let first = sizings.first else { return ReportSection(id: "sizing-zones", title: "Zones", blocks: []) }
        let metricName = first["metric"]?.string ?? "equityNPV"
        let minimize = first["minimize"]?.bool == true
        let objective = Self.sizingObjective(first)
        let ranked = sizings.enumerated().sorted { a, b in
            switch (a.element["value"]?.number, b.element["value"]?.number) {
            case let (x?, y?): return x != y ? (minimize ? x < y : x > y) : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
        let names = ranked.map { $0["zone"]?.string ?? "–" }
        let values = ranked.map { $0["value"]?.number.map { scaled(metricName, $0) } }
        let chart = ReportChart(id: "sizing-zones", title: "\(objective) of each zone at its own best size", xLabel: "zone, best first",
                                yLabel: "\(objective) (\(unitLabel(metricName)))",
                                caption: "Each zone optimised separately: a siting comparison of each zone at its best size rather than at one size for all.",
                                kind: .stackedBars(categories: names, series: [.init(objective, values)], references: []))
        let table = ReportTable(id: "sizing-ranking", caption: "Zones at their own best size, best first (money in \(unit.label))",
                                columns: ["rank", "zone", "\(objective) (\(unitLabel(metricName)))", "optimum", "export share (%)", "curtailment (%)"],
                                rows: ranked.enumerated().map { k, s in
                                    func share(_ key: String) -> ReportCell {
                                        s["dispatch"]?[key]?.number.map { ReportCell(ReportFormat.grouped($0 * 100, decimals: 1), value: $0 * 100) } ?? "–"
                                    }
                                    return [ReportCell(String(k + 1), value: Double(k + 1)), ReportCell(names[k]), metricCell(metricName, s["value"]?.number),
                                            ReportCell(Self.sizingOptimum(s)), share("exportShare"), share("curtailmentShare")]
                                })
        return ReportSection(id: "sizing-zones", title: "Zones at their own best size", blocks: [.chart(chart), .table(table)])
    }
}
