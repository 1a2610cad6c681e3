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
        func curve(_ points: [(year: Int, value: Double?)]) -> JSONValue {
            .array(points.map { point in
                .object([("year", .number(Double(point.year))), ("value", point.value.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null)])
            })
        }
        let all = analysis.value(scales: Array(repeating: 1, count: n), npv)
        let none = analysis.value(scales: Array(repeating: 0, count: n), npv)
        let share = IncentiveShare(all: all, none: none, materiality: IncentiveShare.materiality(of: m))
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
            let breakEven = analysis.breakEven(of: i, npv)
            members.append(("breakEven", .string(breakEven.key)))
            if case .fraction(let f) = breakEven {
                members.append(("breakEvenFraction", .number(f)))
            } else {
                members.append(("breakEvenFraction", .null))
                members.append(("breakEvenNote", .string(breakEven.note)))
            }
            let delayed = analysis.delayed(i, by: 1, npv)
            members.append(("delayedOneYear", number(delayed, "\(inc.id).delayedOneYear", "equity NPV undefined")))
            if let note = delayNote(i, delayed: delayed, all: all) { members.append(("delayNote", .string(note))) }
            if !inc.paidToStaffByYear.isEmpty {
                let received = inc.paidToStaffByYear.reduce(0, +)
                let present = zip(inc.paidToStaffByYear, m.equityDiscountFactors).reduce(0) { $0 + $1.0 * $1.1 }
                members.append(("paidToStaff", .object([
                    ("total", .number(received)), ("presentValue", .number(present)),
                    ("note", .string("paid to employees (before caps); the firm's cash flow sees only the pass-through share, "
                        + "so a small effect on the firm's NPV does not mean the staff receive little")),
                ])))
            }
            members.append(("withdrawalCurve", curve(analysis.withdrawalCurve(of: i, npv))))
            items.append(.object(members))
        }
        let irrAll = analysis.value(scales: Array(repeating: 1, count: n), irr)
        let irrNone = analysis.value(scales: Array(repeating: 0, count: n), irr)
        let cliffNPV = analysis.withdrawalCurveOfAll(npv), cliffIRR = analysis.withdrawalCurveOfAll(irr)
        var shareValue: JSONValue = .null
        switch share {
        case .share(let x): shareValue = .number(x)
        case .notMeaningful(let reason): undefined.append(("incentiveShare", .string(reason)))
        }
        return .object([
            ("scenario", .string(m.name)),
            ("reportUnit", .string(m.reportUnit.rawValue)),
            ("metric", .string("equityNPV")),
            ("all", number(all, "all", "equity NPV undefined")),
            ("none", number(none, "none", "equity NPV undefined")),
            ("incentiveEffect", number(all.flatMap { a in none.map { a - $0 } }, "incentiveEffect", "equity NPV undefined")),
            ("incentiveShare", shareValue),
            ("equityIRR", .object([("all", number(irrAll, "equityIRR.all", "no sign change or several roots")),
                                   ("none", number(irrNone, "equityIRR.none", "no sign change or several roots"))])),
            ("shapleyMethod", .string(n <= 12 ? "exact enumeration of all \(1 << n) subsets" : "2000 random orders (seed 1)")),
            ("incentives", .array(items)),
            ("withdrawAll", .array(zip(cliffNPV, cliffIRR).map { npvPoint, irrPoint in
                .object([("year", .number(Double(npvPoint.year))),
                         ("equityNPV", npvPoint.value.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null),
                         ("equityIRR", irrPoint.value.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null)])
            })),
            ("undefined", .object(undefined)),
            ("conventions", .object(Conventions.lines(for: m).map { ($0.0, .string($0.1)) })),
        ])
    }

    /// Why a one-year delay raises the equity NPV, when it does (more than rounding): a delay
    /// that helps needs saying, or it reads as a bug.
    func delayNote(_ i: Int, delayed: Double?, all: Double?) -> String? {
        let m = analysis.model
        guard let delayed, let all, delayed > all + 1e-9 * max(1, abs(all)) else { return nil }
        let group = m.incentives[i].highestOnlyGroup
        if group >= 0 {
            let before = IncentiveDependence.paidTotals(m), after = IncentiveDependence.paidTotals(analysis.delayedModel(i, by: 1))
            if let gainer = m.incentives.indices.first(where: { j in
                j != i && m.incentives[j].highestOnlyGroup == group && before[j] == 0 && after[j] > 0
            }) {
                return "the delay lowers its total below that of '\(m.incentives[gainer].id)', which then wins their "
                    + "'highest only' group (就高不重复, chosen by nominal total) and is worth more in present value"
            }
        }
        return "the delay raises the equity NPV through its interaction with taxes or other incentives "
            + "(e.g. amounts moved out of years in which they are taxed at a higher rate)"
    }

    /// A table of the same numbers (million CNY).
    public var text: String { text(json) }

    /// The table of `root`, this analysis's `json` (computed once by callers that need both).
    public func text(_ root: JSONValue) -> String {
        func money(_ x: Double?) -> String { x.map { String(format: "%10.2f", $0 / 1e6) } ?? "         -" }
        func trimmed(_ x: Double?) -> String { money(x).trimmingCharacters(in: .whitespaces) }
        var out = "Incentive dependence of equity NPV (million CNY): \(analysis.model.name)\n"
        out += "with all incentives \(trimmed(root["all"]?.number)), with none \(trimmed(root["none"]?.number))"
        if let effect = root["incentiveEffect"]?.number { out += ", incentives add \(trimmed(effect))" }
        if let share = root["incentiveShare"]?.number {
            out += String(format: "; share resting on incentives %.1f%%", share * 100)
        } else if let reason = root["undefined"]?["incentiveShare"]?.string {
            out += "\nno share resting on incentives: \(reason)"
        }
        out += "\n\nincentive                          without       only    Shapley  IRR pts  break-even delayed 1y  source\n"
        let items = root["incentives"]?.array ?? []
        for item in items {
            guard let id = item["id"]?.string else { continue }
            var line = id.padding(toLength: 32, withPad: " ", startingAt: 0)
            line += money(item["without"]?.number) + " " + money(item["only"]?.number) + " " + money(item["shapley"]?.number)
            line += item["shapleyIRR"]?.number.map { String(format: " %8.2f", $0 * 100) } ?? "        -"
            let breakEven = item["breakEvenFraction"]?.number.map { String(format: "%.1f%%", $0 * 100) }
                ?? item["breakEven"]?.string.map(IncentiveDependence.BreakEven.label(ofKey:)) ?? "-"
            line += " " + String(repeating: " ", count: max(0, 11 - breakEven.count)) + breakEven
            line += " " + money(item["delayedOneYear"]?.number)
            if let document = item["citation"]?["document"]?.string, let lines = item["citation"]?["lines"]?.string {
                line += "  \(document) L\(lines)"
            } else if let assumption = item["assumption"]?.string {
                line += "  assumption: \(assumption)"
            }
            out += line + "\n"
        }
        out += "\nShapley: average marginal value over all orders of granting the incentives; they add up to all - none.\n"
        out += "Break-even: smallest fraction of the incentive (others as configured) at which the equity NPV reaches 0;\n"
        out += "  'not needed': the equity NPV stays at or above 0 without it; 'not enough': even all of it leaves it below 0.\n"
        out += "Delayed 1y: the incentive takes effect one year after the first year it would (its first payment or tax\n"
        out += "  saving); the end of its window stays, so that year is lost.\n"
        for item in items {
            guard let id = item["id"]?.string else { continue }
            if let note = item["delayNote"]?.string { out += "\(id): a one-year delay raises the NPV: \(note).\n" }
            if let staff = item["paidToStaff"] {
                out += "\(id): employees receive \(trimmed(staff["total"]?.number)) in all (present value "
                    + "\(trimmed(staff["presentValue"]?.number))); the firm sees only the pass-through share.\n"
            }
        }
        if let cliff = root["withdrawAll"]?.array, !cliff.isEmpty {
            out += "\nEvery incentive withdrawn from a year on (paid before it only):\n  year   equity NPV   equity IRR\n"
            for point in cliff {
                let year = point["year"]?.number.map { String(Int($0)) } ?? "-"
                let irr = point["equityIRR"]?.number.map { String(format: "%10.2f%%", $0 * 100) } ?? "  undefined"
                out += "  \(year) \(money(point["equityNPV"]?.number))  \(irr)\n"
            }
        }
        return out
    }
}
