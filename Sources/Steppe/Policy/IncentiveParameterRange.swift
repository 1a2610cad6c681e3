/// The values each incentive parameter may take, wherever it is written: in a scenario's
/// `incentives:`, in an incentive entry's `parameters:` of the catalogue (shipped or a
/// `--catalogue` folder), or in a scenario's `policies[].set` override. One table for all
/// three, so that no route into a scenario skips the checks a written incentive gets.
struct IncentiveParameterRange {
    let min: Double?
    let max: Double?
    /// Years and counts of years.
    let whole: Bool

    private static func number(_ min: Double?, _ max: Double? = nil) -> Self { Self(min: min, max: max, whole: false) }
    private static func whole(_ min: Int, _ max: Int) -> Self { Self(min: Double(min), max: Double(max), whole: true) }

    /// By parameter name; names not listed are any number the reader accepts.
    static let byName: [String: IncentiveParameterRange] = [
        "share": .number(0, 1), "amount": .number(0), "amountPerUnit": .number(0), "amountPerYear": .number(0),
        "rateReduction": .number(0, 1), "discountPerUnit": .number(0), "overridePrice": .number(0), "rate": .number(0, 1),
        "exemptYears": .whole(0, 50), "reducedYears": .whole(0, 50), "reducedFactor": .number(0, 1),
        "amountPerPersonYear": .number(0), "passThroughShare": .number(0, 1), "capPerYear": .number(0),
        "capTotal": .number(0), "durationYears": .whole(1, 200), "eligibleAfterYears": .whole(0, 100),
        "validFrom": .whole(1900, 2300), "validTo": .whole(1900, 2300),
        "benchmarkShare": .number(0, 1), "benchmarkRate": .number(0, 1), "rateCeiling": .number(0, 1),
    ]

    /// What is wrong with `value` for this parameter, in the words of the scenario reader; nil if nothing.
    func problem(_ value: Double, shown text: String) -> String? {
        if whole, value != value.rounded() { return "expected a whole number, got \(text)" }
        if let min, value < min { return "must be >= \(min.formattedPlain) (got \(text))" }
        if let max, value > max { return "must be <= \(max.formattedPlain) (got \(text))" }
        return nil
    }
}

extension SourceField {
    /// The incentive parameter `name` read as a number within its range.
    func incentiveParameter(_ name: String) -> Double? {
        guard let range = IncentiveParameterRange.byName[name] else { return double() }
        if range.whole { return int(min: range.min.map { Int($0) }, max: range.max.map { Int($0) }).map(Double.init) }
        return double(min: range.min, max: range.max)
    }

    /// The incentive parameter `name` that counts years (or is one) as a whole number within its range.
    func wholeIncentiveParameter(_ name: String) -> Int? { incentiveParameter(name).map { Int($0) } }
}
