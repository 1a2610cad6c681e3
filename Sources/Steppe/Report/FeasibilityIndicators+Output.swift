extension FeasibilityIndicators {
    /// `feasibilityIndicators` of the evaluation JSON: each indicator a number or null, `undefined`
    /// (indicator -> reason), and the yearly ICR and DSCR by the method (null in years without
    /// interest or debt service).
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [], undefined: [(String, JSONValue)] = []
        for (name, value) in all {
            members.append((name, value.number.map(JSONValue.number) ?? .null))
            if let reason = value.reason { undefined.append((name, .string(reason))) }
        }
        members.append(("undefined", .object(undefined)))
        members.append(("interestCoverageByYear", .array(interestCoverage.map { $0.map(JSONValue.number) ?? .null })))
        members.append(("debtServiceCoverageByYear", .array(debtServiceCoverage.map { $0.map(JSONValue.number) ?? .null })))
        members.append(("assetLiabilityRatioByYear", .array(assetLiabilityRatio.map { $0.map(JSONValue.number) ?? .null })))
        return .object(members)
    }

    /// The indicators as text lines (ratios as percentages where the method states them so).
    public var text: String {
        var out = "\nFeasibility-study indicators (the method's definitions; docs/conventions.md)\n"
        let percentages: Set<String> = ["projectIRRBeforeTax", "projectIRRAfterTax", "capitalIRR", "returnOnTotalInvestment",
                                        "returnOnCapital", "breakEvenCapacityShare", "maxAssetLiabilityRatio"]
        for (name, value) in all {
            out += "  " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
            switch value {
            case .value(let x):
                if percentages.contains(name) { out += String(format: "%.2f%%", x * 100) }
                else if name.hasPrefix("projectNPV") { out += String(format: "%.3f million CNY", x / 1e6) }
                else if name.hasSuffix("Years") { out += String(format: "%.2f years", x) }
                else { out += String(format: "%.3f", x) }
                out += "\n"
            case .undefined(let reason): out += "undefined: \(reason)\n"
            }
        }
        return out
    }
}
