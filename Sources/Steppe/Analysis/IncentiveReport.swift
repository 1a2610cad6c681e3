import Foundation

/// The incentive-dependence analysis of a scenario, as JSON and text for reports.
///
/// JSON keys (stable): `scenario`, `reportUnit` (money unit of rendered reports), `metric` ("equityNPV", yuan), `all`, `none`,
/// `incentiveShare` ((all - none) / |all|), `equityIRR` {`all`, `none`}, and `incentives`: one
/// object per incentive with `id`, `title`, `citation` or `assumption`, `without`, `only`,
/// `shapley`, `shapleyStdError` (sampled attribution only), `shapleyIRR` (percentage points as
/// a fraction), `breakEvenFraction` (null with `breakEvenNote`), `delayedOneYear` and
/// `withdrawalCurve` [{`year`, `value`}]. Undefined numbers are null, with reasons under `undefined`.
public struct IncentiveReport: Sendable {
    public let analysis: IncentiveDependence

    public init(model: CompiledModel) { analysis = IncentiveDependence(model: model) }

    public var json: JSONValue {
        let m = analysis.model
        let n = m.incentives.count
        let npv = IncentiveDependence.equityNPV, irr = IncentiveDependence.equityIRR
        var undefined: [(String, JSONValue)] = []
        func number(_ x: Double?, _ key: String, _ reason: String) -> JSONValue {
            if let x, x.isFinite { return .number(x) }
            undefined.append((key, .string(reason)))
            return .null
        }
        let all = analysis.value(scales: Array(repeating: 1, count: n), npv)
        let none = analysis.value(scales: Array(repeating: 0, count: n), npv)
        let share = all.flatMap { a in none.map { (a - $0) / abs(a) } }
        let shapley = analysis.shapley(npv)
        let shapleyIRR = analysis.shapley(irr)
        var items: [JSONValue] = []
        for (i, inc) in m.incentives.enumerated() {
            var without = [Double](repeating: 1, count: n); without[i] = 0
            var only = [Double](repeating: 0, count: n); only[i] = 1
            var members: [(String, JSONValue)] = [("id", .string(inc.id)), ("title", .string(inc.title))]
            switch inc.provenance {
            case .seed(let document, let lines):
                members.append(("citation", .object([("document", .string(document)), ("lines", .string(lines))])))
            case .assumption(let source): members.append(("assumption", .string(source)))
            }
            members.append(("without", number(analysis.value(scales: without, npv), "\(inc.id).without", "equity NPV undefined")))
            members.append(("only", number(analysis.value(scales: only, npv), "\(inc.id).only", "equity NPV undefined")))
            members.append(("shapley", number(shapley?.values[i], "\(inc.id).shapley", "the value is undefined for some set of incentives")))
            if let se = shapley?.standardErrors { members.append(("shapleyStdError", .number(se[i]))) }
            members.append(("shapleyIRR", number(shapleyIRR?.values[i], "\(inc.id).shapleyIRR",
                                                 "the equity IRR is undefined for some set of incentives")))
            let fraction = analysis.breakEvenFraction(of: i, npv)
            members.append(("breakEvenFraction", fraction.map(JSONValue.number) ?? .null))
            if fraction == nil {
                members.append(("breakEvenNote", .string("even the full incentive does not bring the equity NPV to zero")))
            }
            members.append(("delayedOneYear", number(analysis.delayed(i, by: 1, npv), "\(inc.id).delayedOneYear", "equity NPV undefined")))
            members.append(("withdrawalCurve", .array(analysis.withdrawalCurve(of: i, npv).map { point in
                .object([("year", .number(Double(point.year))), ("value", point.value.map(JSONValue.number) ?? .null)])
            })))
            items.append(.object(members))
        }
        let irrAll = analysis.value(scales: Array(repeating: 1, count: n), irr)
        let irrNone = analysis.value(scales: Array(repeating: 0, count: n), irr)
        return .object([
            ("scenario", .string(m.name)),
            ("reportUnit", .string(m.reportUnit.rawValue)),
            ("metric", .string("equityNPV")),
            ("all", number(all, "all", "equity NPV undefined")),
            ("none", number(none, "none", "equity NPV undefined")),
            ("incentiveShare", number(share, "incentiveShare", "no equity NPV with all incentives")),
            ("equityIRR", .object([("all", number(irrAll, "equityIRR.all", "no sign change or several roots")),
                                   ("none", number(irrNone, "equityIRR.none", "no sign change or several roots"))])),
            ("shapleyMethod", .string(n <= 12 ? "exact enumeration of all \(1 << n) subsets" : "2000 random orders (seed 1)")),
            ("incentives", .array(items)),
            ("undefined", .object(undefined)),
            ("conventions", .object(Conventions.lines(for: m).map { ($0.0, .string($0.1)) })),
        ])
    }

    /// A table of the same numbers (million CNY).
    public var text: String {
        guard case .object(let root) = json else { return "" }
        func field(_ members: [(String, JSONValue)], _ key: String) -> Double? {
            if case .number(let x)? = members.first(where: { $0.0 == key })?.1 { return x }
            return nil
        }
        func money(_ x: Double?) -> String { x.map { String(format: "%10.2f", $0 / 1e6) } ?? "         -" }
        var out = "Incentive dependence of equity NPV (million CNY): \(analysis.model.name)\n"
        out += "with all incentives \(money(field(root, "all")).trimmingCharacters(in: .whitespaces)), "
        out += "with none \(money(field(root, "none")).trimmingCharacters(in: .whitespaces))"
        if let share = field(root, "incentiveShare") { out += String(format: ", share resting on incentives %.1f%%", share * 100) }
        out += "\n\nincentive                          without       only    Shapley  IRR pts  break-even  source\n"
        if case .array(let items)? = root.first(where: { $0.0 == "incentives" })?.1 {
            for case .object(let item) in items {
                guard case .string(let id)? = item.first(where: { $0.0 == "id" })?.1 else { continue }
                var line = id.padding(toLength: 32, withPad: " ", startingAt: 0)
                line += money(field(item, "without")) + " " + money(field(item, "only")) + " " + money(field(item, "shapley"))
                line += field(item, "shapleyIRR").map { String(format: " %8.2f", $0 * 100) } ?? "        -"
                line += field(item, "breakEvenFraction").map { String(format: " %10.1f%%", $0 * 100) } ?? "     not enough"
                switch item.first(where: { $0.0 == "citation" })?.1 {
                case .object(let c)?:
                    if case .string(let d)? = c.first?.1, case .string(let l)? = c.last?.1 { line += "  \(d) L\(l)" }
                default:
                    if case .string(let a)? = item.first(where: { $0.0 == "assumption" })?.1 { line += "  assumption: \(a)" }
                }
                out += line + "\n"
            }
        }
        out += "\nShapley: average marginal value over all orders of granting the incentives; they add up to all - none.\n"
        out += "Break-even: smallest fraction of the incentive (others as configured) at which the equity NPV reaches 0.\n"
        return out
    }
}
