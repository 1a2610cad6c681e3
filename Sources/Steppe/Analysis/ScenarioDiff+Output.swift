import Foundation

/// The scenario comparison as JSON (keys in docs/analyses.md) and text.
extension ScenarioDiff {
    /// The metrics shown with their attribution in text and reports.
    public static let headlineMetrics = ["equityNPV", "projectNPV", "equityIRR", "projectIRR", "minDSCR", "levelizedCost"]

    public var json: JSONValue {
        func number(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null }
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        var members: [(String, JSONValue)] = [
            ("diff", .object([("a", .string(nameA)), ("b", .string(nameB))])),
            ("changes", .array(changes.map { c in
                .object([("keyPath", .string(c.keyPath)), ("before", text(c.before)), ("after", text(c.after)),
                         ("beforeSource", text(c.beforeSource)), ("afterSource", text(c.afterSource))])
            })),
            ("moves", .array(moves.map { m in
                var fields: [(String, JSONValue)] = [("metric", .string(m.metric)), ("before", number(m.before)),
                                                     ("after", number(m.after)), ("total", number(m.total))]
                if let parts = m.parts {
                    fields.append(("parts", .array(parts.indices.map { i in
                        var part: [(String, JSONValue)] = [("keyPath", .string(changes[i].keyPath)), ("value", number(parts[i]))]
                        if let se = m.standardErrors { part.append(("standardError", number(se[i]))) }
                        return .object(part)
                    })))
                } else {
                    fields.append(("parts", .null))
                }
                return .object(fields)
            })),
        ]
        members.append(("attribution", .string(attributionNote.map { "not attributed: \($0)" }
            ?? (changes.count <= Self.exactLimit ? "Shapley values, exact over all \(1 << changes.count) combinations of the changes"
                                                 : "Shapley values, 200 sampled orders of the changes (standard errors given)"))))
        return .object(members)
    }

    /// Changed inputs, then each headline metric's move and its parts (money in `unit`).
    public func text(unit: ReportUnit) -> String {
        func value(_ x: Double?, _ metric: String) -> String {
            guard let x else { return "undefined" }
            if metric.hasSuffix("NPV") { return ReportFormat.money(x, unit) }
            if metric.hasSuffix("IRR") { return String(format: "%.2f%%", x * 100) }
            return ReportFormat.decimal(x)
        }
        func move(_ x: Double?, _ metric: String) -> String {
            guard let x else { return "undefined" }
            if metric.hasSuffix("IRR") { return String(format: "%+.2f pp", x * 100) }
            let shown = value(x, metric)
            return x >= 0 ? "+" + shown : shown
        }
        var out = "Scenario diff: \(nameA) -> \(nameB)\n\n"
        if changes.isEmpty && attributionNote == nil { return out + "No input differs.\n" }
        if !changes.isEmpty { out += "Changed inputs (\(changes.count)):\n" }
        for c in changes {
            out += "  \(c.keyPath): \(c.before ?? "(absent)") -> \(c.after ?? "(absent)")\n"
            if let s = c.beforeSource, let t = c.afterSource, s != t { out += "      from: \(s)\n      to:   \(t)\n" }
            else if let s = c.afterSource ?? c.beforeSource, s != "typed in the scenario" { out += "      \(s)\n" }
        }
        for m in moves where Self.headlineMetrics.contains(m.metric) {
            out += "\n\(m.metric): \(value(m.before, m.metric)) -> \(value(m.after, m.metric)) (\(move(m.total, m.metric)))\n"
            guard let parts = m.parts else { continue }
            for i in parts.indices.sorted(by: { abs(parts[$0]) > abs(parts[$1]) }) {
                out += "  \(move(parts[i], m.metric))  \(changes[i].keyPath)"
                if let se = m.standardErrors?[i] { out += " (± \(value(se, m.metric)))" }
                out += "\n"
            }
        }
        if let note = attributionNote { out += "\nThe moves are not attributed: \(note).\n" }
        else {
            out += "\nEach part is the change's Shapley value: its average effect over every order of making the changes; "
                + "the parts add up to the move.\n"
        }
        return out
    }
}
