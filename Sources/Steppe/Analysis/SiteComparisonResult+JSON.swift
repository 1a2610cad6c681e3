import Foundation

/// The siting comparison as JSON (keys documented in docs/analyses.md) and as text.
extension SiteComparisonResult {
    /// The metrics a ranking table shows.
    static let tableMetrics: [PathMetric] = [.equityNPV, .equityIRR, .projectNPV, .levelizedCost, .minDSCR]

    /// - Parameter metric: the metric of pairwise probabilities, regret and the best zone.
    public func json(metric: PathMetric = .equityNPV, name: String = "") -> JSONValue {
        func num(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null }
        let regret = self.regret(metric)
        let order = ranking(metric)
        let zonesJSON: [JSONValue] = zones.indices.map { s in
            let metrics: [(String, JSONValue)] = PathMetric.allCases.map { m in
                guard let st = statistics(site: s, metric: m) else { return (m.name, .null) }
                return (m.name, .object([("mean", num(st.mean)), ("standardError", num(st.standardError)),
                                         ("p10", num(st.p10)), ("p50", num(st.p50)), ("p90", num(st.p90)),
                                         ("undefined", .number(Double(st.undefined)))]))
            }
            return .object([
                ("zone", .string(zones[s])),
                ("rank", .number(Double(order.firstIndex(of: s)! + 1))),
                ("metrics", .object(metrics)),
                ("hurdleRate", .number(hurdleRate(site: s))),
                ("probabilityMeetingHurdle", .number(probabilityMeetingHurdle(site: s))),
                ("expectedRegret", num(regret[s].expected)),
                ("regretStandardError", num(regret[s].standardError)),
                ("probabilityBest", .number(regret[s].probabilityBest)),
                ("probabilityLoss", num(probabilityNegative(site: s, metric: .equityNPV))),
                ("quantileCurve", .object([
                    ("metric", .string(metric.name)),
                    ("levels", .array(Self.curveLevels.map(JSONValue.number))),
                    ("values", .array(quantileCurve(site: s, metric: metric).map(num))),
                ])),
                ("seed", .string(String(comparison.sites[s].seed))),
            ])
        }
        let reference = order[0]
        let drivers: [JSONValue] = zones.indices.filter { $0 != reference }.map { s in
            .object([("zone", .string(zones[s])), ("reference", .string(zones[reference])),
                     ("lines", .array(self.drivers(site: s, reference: reference).map { row in
                         .object([("line", .string(row.line)), ("presentValue", .number(row.presentValue)),
                                  ("referencePresentValue", .number(row.referencePresentValue)),
                                  ("difference", .number(row.presentValue - row.referencePresentValue))])
                     }))])
        }
        let c = comparison.configuration
        return .object([
            ("study", .string(name)),
            ("scenario", .string(comparison.sites[0].model.name)),
            ("paths", .number(Double(paths))),
            ("seed", .string(String(c.seed))),
            ("sampler", .string(c.sampler.rawValue)),
            ("draws", .string(comparison.draws.rawValue)),
            ("quantiles", .string(exactQuantiles ? "exact" : "sketch")),
            ("generator", .string(MonteCarloStudy.generatorDescription(c))),
            ("comparisonMetric", .string(metric.name)),
            ("zones", .array(zonesJSON)),
            ("ranking", .object(Self.tableMetrics.map { m in (m.name, .array(ranking(m).map { .string(zones[$0]) })) })),
            ("pairwise", .array(pairs(metric).map { p in
                .object([("zone", .string(zones[p.zone])), ("other", .string(zones[p.other])),
                         ("probabilityBeats", .number(p.probabilityBeats)), ("meanDifference", .number(p.meanDifference)),
                         ("standardError", .number(p.standardError)),
                         ("independentStandardError", .number(p.independentStandardError)),
                         ("paths", .number(Double(p.paths)))])
            })),
            ("drivers", .array(drivers)),
            ("conventions", .object(Conventions.lines(for: comparison.sites[0].model).map { ($0.0, .string($0.1)) })),
        ])
    }

    /// Ranking tables, pairwise probabilities, regret and drivers (money in million CNY).
    public func text(metric: PathMetric = .equityNPV, name: String = "") -> String {
        func cell(_ x: Double?, _ m: PathMetric) -> String {
            guard let x else { return String(repeating: " ", count: 9) + "-" }
            switch m {
            case .equityNPV, .projectNPV: return String(format: "%10.1f", x / 1e6)
            case .equityIRR, .projectIRR: return String(format: "%9.2f%%", x * 100)
            default: return String(format: "%10.3f", x)
            }
        }
        let width = max(12, zones.map(\.count).max() ?? 0) + 2
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        var out = "Siting comparison\(name.isEmpty ? "" : ": \(name)") (\(paths) paths, \(comparison.draws.rawValue) random numbers, seed \(comparison.configuration.seed))\n"
        if !exactQuantiles { out += "P10/P50/P90 are DDSketch estimates (relative error <= 0.1%)\n" }
        for m in Self.tableMetrics {
            let unit = m == .equityNPV || m == .projectNPV ? " (million CNY)" : ""
            out += "\n\(m.name)\(unit), best first\n" + pad("zone") + "      mean       P10       P50       P90\n"
            for s in ranking(m) {
                let st = statistics(site: s, metric: m)
                out += pad(zones[s]) + [st?.mean, st?.p10, st?.p50, st?.p90].map { cell($0, m) }.joined()
                if let u = st?.undefined, u > 0 { out += "  (undefined on \(u) paths)" }
                out += "\n"
            }
        }
        let regret = self.regret(metric)
        out += "\nP(equity IRR >= hurdle), regret and P(best) on \(metric.name)\n"
        for s in ranking(metric) {
            out += pad(zones[s]) + String(format: "  P(hurdle %.1f%%) %5.1f%%", hurdleRate(site: s) * 100, probabilityMeetingHurdle(site: s) * 100)
            out += "  regret " + cell(regret[s].expected, metric) + String(format: "  P(best) %5.1f%%\n", regret[s].probabilityBest * 100)
        }
        out += "\nPairwise on \(metric.name): P(zone beats other), mean difference ± standard error (independent draws would give ±)\n"
        for p in pairs(metric) where p.zone < p.other {
            out += "  \(zones[p.zone]) vs \(zones[p.other]): " + String(format: "%5.1f%%", p.probabilityBeats * 100)
            out += ", " + cell(p.meanDifference, metric).trimmingCharacters(in: .whitespaces)
            out += " ± " + cell(p.standardError, metric).trimmingCharacters(in: .whitespaces)
            out += " (± " + cell(p.independentStandardError, metric).trimmingCharacters(in: .whitespaces) + ")\n"
        }
        let reference = ranking(metric)[0]
        out += "\nDrivers: base-case present values (project rate, million CNY) that differ from \(zones[reference])\n"
        for s in zones.indices where s != reference {
            let rows = drivers(site: s, reference: reference)
            out += "  \(zones[s])\(rows.isEmpty ? ": no line differs" : "")\n"
            for row in rows.prefix(8) {
                out += "    " + row.line.padding(toLength: 36, withPad: " ", startingAt: 0)
                out += String(format: "%10.2f\n", (row.presentValue - row.referencePresentValue) / 1e6)
            }
        }
        return out
    }
}
