/// An uncertain input of a scenario: a number of the file given as a distribution, a
/// per-year multiplier or a price process instead of a value.
///
/// The deterministic evaluation uses `base`; Monte Carlo paths draw from `law`.
public struct UncertainInput: Sendable {
    public enum Law: Sendable {
        /// One draw per path replaces the value.
        case distribution(Distribution)
        /// One draw per operating year and path multiplies that year's value.
        case perYearMultiplier(Distribution)
        /// A yearly multiplier with mean 1 following a stochastic process.
        case process(PriceProcess)
    }
    /// Key path of the number in the file, e.g. `products[0].price`.
    public var keyPath: String
    /// The deterministic value.
    public var base: Double
    public var law: Law

    public init(keyPath: String, base: Double, law: Law) {
        self.keyPath = keyPath; self.base = base; self.law = law
    }

    /// The fields of an incentive that may be uncertain; each scales the incentive's amounts.
    static let incentiveFields = ["share", "amount", "amountPerUnit", "amountPerYear", "rateReduction", "amountPerPersonYear", "discountPerUnit"]

    /// Key-path patterns of the core scenario keys that may be uncertain.
    static let corePatterns: [String] = [
        "products[].price", "products[].quantity", "products[].escalation", "products[].quantityGrowth",
        "operatingCosts[].price", "operatingCosts[].annualAmount", "operatingCosts[].annualQuantity",
        "operatingCosts[].quantityPerUnit", "operatingCosts[].escalation",
        "labour[].annualWage", "labour[].headcount", "labour[].escalation",
        "capex[].amount", "land.pricePerMu", "land.annualRentPerMu",
        "financing.loans[].rate", "tax.citRate",
    ] + incentiveFields.map { "incentives[].\($0)" }

    /// `products[2].price` -> `products[].price`.
    static func pattern(of keyPath: String) -> String {
        var out = ""
        var skipping = false
        for ch in keyPath {
            if ch == "[" { skipping = true; out.append("[]"); continue }
            if ch == "]" { skipping = false; continue }
            if !skipping { out.append(ch) }
        }
        return out
    }
}

/// Policy events that may befall one incentive on a Monte Carlo path.
public struct PolicyRisk: Sendable {
    /// Id of the incentive.
    public var incentive: String
    /// Yearly probability, from the first eligible year (plus `withdrawalAfterYears`), that
    /// the incentive is withdrawn for good before that year's payment.
    public var withdrawalHazard: Double?
    /// Years the incentive is safe from withdrawal (1: the first eligible year is always paid).
    public var withdrawalAfterYears: Int = 0
    /// Years by which the incentive's start is delayed (rounded down to whole years).
    public var delayYears: Distribution?
    /// With this probability the incentive is cut to `cutToFraction` of its amounts.
    public var cutProbability: Double?
    public var cutToFraction: Double?
    /// Yearly probability, within `clawbackWithinYears` of the first eligible year, that
    /// everything received so far must be repaid (and nothing more is paid).
    public var clawbackHazard: Double?
    public var clawbackWithinYears: Int?

    public init(incentive: String, withdrawalHazard: Double? = nil, delayYears: Distribution? = nil,
                cutProbability: Double? = nil, cutToFraction: Double? = nil,
                clawbackHazard: Double? = nil, clawbackWithinYears: Int? = nil) {
        self.incentive = incentive; self.withdrawalHazard = withdrawalHazard; self.delayYears = delayYears
        self.cutProbability = cutProbability; self.cutToFraction = cutToFraction
        self.clawbackHazard = clawbackHazard; self.clawbackWithinYears = clawbackWithinYears
    }
}

/// A target rank correlation between two uncertain inputs (by key path).
public struct RankCorrelationPair: Sendable, Equatable {
    public var first: String
    public var second: String
    public var rank: Double
}
