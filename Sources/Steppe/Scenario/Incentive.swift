/// A subsidy, award, price support or tax preference the project may receive.
///
/// Every incentive names its source (`provenance`), the calendar years it is
/// valid, when the project becomes eligible, its caps and how it stacks with
/// others, so analyses can switch it off, cut it or delay it one at a time.
public struct Incentive: Sendable, Equatable {
    /// What the incentive pays or changes.
    public enum Kind: Sendable, Equatable {
        /// `share` of the eligible capex (classes `assetClasses`, all if empty) of each year, or a
        /// fixed `amount` paid in the first eligible year.
        case capitalGrant(share: Double?, amount: Double?, assetClasses: [String])
        /// `amountPerUnit` yuan per unit of `product` sold.
        case productionSubsidy(product: String, amountPerUnit: Double)
        /// `amountPerYear` yuan in each eligible year.
        case annualAward(amountPerYear: Double)
        /// `rateReduction` (0.01 = one percentage point) of interest on the opening balance of `loans` (all if empty).
        case interestSubsidy(rateReduction: Double, loans: [String])
        /// A lower price for an operating-cost line: a discount per unit or an override price.
        case inputPrice(costLine: String, discountPerUnit: Double?, overridePrice: Double?)
        /// A reduced CIT rate.
        case taxRate(rate: Double)
        /// A CIT holiday: `exemptYears` at 0, then `reducedYears` at `reducedFactor` x the rate,
        /// counted from `countFrom`.
        case taxHoliday(exemptYears: Int, reducedYears: Int, reducedFactor: Double, countFrom: HolidayStart)
        /// `amountPerPersonYear` yuan per person in staff group `role`.
        case perPersonAllowance(role: String, amountPerPersonYear: Double)
        /// Yuan in each listed calendar year (nothing in others): an award whose amount a domain
        /// module derives from a yearly condition, such as a herd in a size band or staff who
        /// have stayed long enough. Paid to employees, only `passThroughShare` reaches the firm.
        case scheduledAward(amountByYear: [Int: Double])
    }

    /// A name an incentive gives to something of the scenario, under key `key` of the incentive
    /// (`product`, `assetClasses[0]`, …), which must be found in `list`.
    public struct Reference: Sendable, Equatable {
        public enum List: String, Sendable, Equatable {
            case product, assetClass = "asset class", loan, operatingCost = "operating cost", staffRole = "staff role"
        }
        public var key: String
        public var name: String
        public var list: List
    }

    /// When a CIT holiday's clock starts.
    public enum HolidayStart: String, Sendable, Equatable, CaseIterable {
        /// The tax year of the first operating revenue (public-infrastructure rule).
        case firstRevenueYear
        /// The first year with positive taxable income after loss offset.
        case firstProfitYear
    }

    /// The event from which eligibility is counted.
    public enum EligibilityStart: String, Sendable, Equatable, CaseIterable {
        case startYear
        case firstRevenueYear
    }

    /// Who receives the money.
    public enum Payee: Sendable, Equatable {
        case firm
        /// Paid to employees; `passThroughShare` of it lowers the firm's wage cost.
        case employee(passThroughShare: Double)
    }

    /// How incentives of one stacking group combine.
    public enum StackingRule: String, Sendable, Equatable, CaseIterable {
        /// Only the item with the largest total amount is received (就高不重复).
        case highest
        /// All items are received.
        case additive
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var validFrom: Int?
    public var validTo: Int?
    public var eligibleFrom: EligibilityStart
    /// Years after `eligibleFrom` before the incentive starts.
    public var eligibleAfterYears: Int
    /// Number of years it is paid, counted from its start (unlimited if nil).
    public var durationYears: Int?
    /// Maximum amount per calendar year (yuan).
    public var capPerYear: Double?
    /// Maximum cumulative amount (yuan).
    public var capTotal: Double?
    /// Counted as taxable income (cost savings and pass-through allowances always are).
    public var taxable: Bool
    /// A capital grant that lowers the depreciable basis of the assets it funds.
    public var reducesDepreciableBasis: Bool
    public var payee: Payee
    public var stackingGroup: String?
    public var stackingRule: StackingRule
    public var provenance: Provenance
    /// `false` excludes the incentive (for with/without comparisons).
    public var enabled: Bool
    /// Why this project qualifies, where its provenance does not say so: a seed line naming
    /// projects like this one, or an assumption (green hydrogen read as an energy-saving project
    /// for the 3+3 holiday, say). Nil: the incentive's own citation states who qualifies.
    public var eligibilityBasis: Provenance?

    public init(id: String, title: String = "", kind: Kind, validFrom: Int? = nil, validTo: Int? = nil,
                eligibleFrom: EligibilityStart = .startYear, eligibleAfterYears: Int = 0, durationYears: Int? = nil,
                capPerYear: Double? = nil, capTotal: Double? = nil, taxable: Bool = false,
                reducesDepreciableBasis: Bool = false, payee: Payee = .firm, stackingGroup: String? = nil,
                stackingRule: StackingRule = .additive, provenance: Provenance, enabled: Bool = true,
                eligibilityBasis: Provenance? = nil) {
        self.id = id; self.title = title; self.kind = kind; self.validFrom = validFrom; self.validTo = validTo
        self.eligibleFrom = eligibleFrom; self.eligibleAfterYears = eligibleAfterYears; self.durationYears = durationYears
        self.capPerYear = capPerYear; self.capTotal = capTotal; self.taxable = taxable
        self.reducesDepreciableBasis = reducesDepreciableBasis; self.payee = payee; self.stackingGroup = stackingGroup
        self.stackingRule = stackingRule; self.provenance = provenance; self.enabled = enabled
        self.eligibilityBasis = eligibilityBasis
    }

    /// Every name the incentive's kind gives to something of the scenario, so validation checks
    /// each the same way whatever the kind (the kind's own rules stay in `Scenario.validate`).
    public var references: [Reference] {
        switch kind {
        case .capitalGrant(_, _, let classes):
            return classes.enumerated().map { Reference(key: "assetClasses[\($0.offset)]", name: $0.element, list: .assetClass) }
        case .productionSubsidy(let product, _):
            return [Reference(key: "product", name: product, list: .product)]
        case .interestSubsidy(_, let loans):
            return loans.enumerated().map { Reference(key: "loans[\($0.offset)]", name: $0.element, list: .loan) }
        case .inputPrice(let line, _, _):
            return [Reference(key: "costLine", name: line, list: .operatingCost)]
        case .perPersonAllowance(let role, _):
            return [Reference(key: "role", name: role, list: .staffRole)]
        case .annualAward, .taxRate, .taxHoliday, .scheduledAward:
            return []
        }
    }

    /// True for incentives that change the CIT rate rather than pay cash.
    public var isTaxPreference: Bool {
        switch kind {
        case .taxRate, .taxHoliday: return true
        default: return false
        }
    }
}
