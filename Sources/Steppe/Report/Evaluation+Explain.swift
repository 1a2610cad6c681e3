import Foundation

extension Evaluation {
    /// Where the numbers come from: every value taken from a zone profile or the policy
    /// catalogue, with its citation, marked OVERRIDE where the scenario replaced it; then
    /// every incentive with its total, its policy, its citation or assumption and its overrides.
    ///
    /// This is the text of `steppe evaluate --explain`, appended to the report.
    public var explanation: String {
        let m = model
        var out = "Where the numbers come from\n"
        if let zone = m.zone { out += "  zone: \(zone)\n" }
        let values = m.traces.filter { $0.incentive == nil }
        out += "\nPrices and values from the catalogue\n"
        if values.isEmpty { out += "  (none: this scenario states its values itself)\n" }
        for t in values { out += Evaluation.explain(t) }

        out += "\nIncentives\n"
        if m.incentives.isEmpty { out += "  (none)\n" }
        let totals = Dictionary(incentivesByItem.map { ($0.id, $0.amounts.reduce(0, +)) }, uniquingKeysWith: { a, _ in a })
        for inc in m.incentives {
            let total = totals[inc.id] ?? 0
            let amount = inc.isTaxPreference ? "acts on the CIT rate" : String(format: "%.2f million CNY over the project", total / 1e6)
            out += "  \(inc.id): \(inc.title.isEmpty ? "-" : inc.title)\n      \(amount)\n"
            let traces = m.traces.filter { $0.incentive == inc.id }
            if let use = traces.first(where: { $0.override == nil }) {
                out += "      from \(use.route)\n      \(use.source.shortDescription)\n"
            } else {
                switch inc.provenance {
                case .seed(let document, let lines): out += "      stated in the scenario; \(document) L\(lines)\n"
                case .assumption(let source): out += "      stated in the scenario; assumption: \(source)\n"
                }
            }
            out += "      \(Evaluation.eligibilityLine(basis: m.incentiveEligibility[inc.id], provenance: inc.provenance))\n"
            // Further parameters a use rests on (a benchmark interest subsidy's assumed LPR).
            for t in traces.filter({ $0.override == nil }).dropFirst() { out += Evaluation.explain(t, indent: "      ") }
            for t in traces where t.override != nil { out += Evaluation.explain(t, indent: "      ") }
        }
        let overrides = m.traces.filter { $0.override != nil }.count
        let assumed = m.traces.filter { if case .assumption = $0.source { return true } else { return false } }.count
        out += "\n\(m.traces.count) catalogue values and uses, \(overrides) overridden by the scenario, \(assumed) resting on assumptions.\n"
        return out
    }

    /// Whether this project's eligibility for an incentive is cited or assumed, and on what: the
    /// scenario's stated `basis`, else the incentive's own provenance.
    static func eligibilityLine(basis: Provenance?, provenance: Provenance) -> String {
        switch basis ?? provenance {
        case .seed(let document, let lines):
            return basis == nil ? "eligibility: cited (as above)" : "eligibility: cited, \(document) L\(lines)"
        case .assumption(let source): return "eligibility: ASSUMED: \(source)"
        }
    }

    static func explain(_ t: TracedValue, indent: String = "  ") -> String {
        let at = t.line.map { " (line \($0))" } ?? ""
        var out = "\(indent)\(t.keyPath) = \(explainedValue(t))\(at)\n"
        if let o = t.override {
            let was = o.catalogueValue.map { "catalogue value \($0.formattedPlain)" } ?? "no catalogue value"
            out += "\(indent)    OVERRIDE of \(was)\(o.reason.map { ": \($0)" } ?? "")\n"
        }
        if !t.route.isEmpty { out += "\(indent)    from \(t.route)\n" }
        out += "\(indent)    \(t.source.shortDescription)\n"
        return out
    }

    /// "0.42 fraction of consumption", or with `times:` the catalogue value and its unit (which names the
    /// multiplier) before the product: "0.42 fraction of consumption x 50000 = 21000" (it once read
    /// "21000 fraction of consumption x 50000", the product labelled with the catalogue's unit).
    static func explainedValue(_ t: TracedValue) -> String {
        guard let value = t.value else { return "- \(t.unit)" }
        guard let times = t.times, times != 0, t.override == nil else { return "\(value.formattedPlain) \(t.unit)" }
        let unit = t.unit.hasSuffix(" x \(times.formattedPlain)") ? t.unit : "\(t.unit) x \(times.formattedPlain)"
        return "\((value / times).formattedPlain) \(unit) = \(value.formattedPlain)"
    }
}
