/// One policy of the catalogue: a tariff, a cap, a rule or an incentive, with the
/// parameters a model needs, who it is for, when it is valid, how it stacks, and the
/// seed line it comes from (or the assumption that stands in for a missing value).
///
/// Entries are data (`Catalogue/policies/*.yaml`); a scenario uses an incentive entry
/// through `policies:` and a tariff or cap through a `{policy: id}` value reference.
public struct PolicyEntry: Sendable, Equatable {
    /// The government level that issues (and usually pays for) the policy.
    public enum Level: String, Sendable, Equatable, CaseIterable {
        case national, innerMongolia, ordos, ejinHoro, zone

        /// The scope a policy of this level applies in when it names none.
        var defaultScope: String? {
            switch self {
            case .national: return PolicyCatalogue.nationalScope
            case .innerMongolia: return "inner-mongolia"
            case .ordos: return "ordos"
            case .ejinHoro: return "ejin-horo"
            case .zone: return nil
            }
        }
    }

    /// What the entry is: one of the incentive kinds of `Incentive.Kind`, or a price, a limit or a rule.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case capitalGrant, productionSubsidy, annualAward, interestSubsidy, inputPrice, taxRate, taxHoliday,
             perPersonAllowance
        /// An interest subsidy stated as a share of a benchmark rate with a ceiling ("70% of the 1-year LPR and at
        /// most 2%", 002 L1422-1423): parameters `benchmarkShare`, `benchmarkRate` (the LPR, or the loan's own
        /// rate) and optional `rateCeiling`. A scenario receives it as an `interestSubsidy` of
        /// min(benchmarkShare x benchmarkRate, rateCeiling); set `benchmarkRate` to the year's LPR.
        case benchmarkInterestSubsidy
        /// A price the project pays (yuan per unit), e.g. a power tariff or a land price.
        case tariff
        /// A limit on a quantity or share, e.g. the 20% grid-export cap.
        case cap
        /// A condition, exemption or mechanism without a payment of its own.
        case rule

        /// True for the kinds a scenario can receive as an `Incentive`.
        public var isIncentive: Bool { ![.tariff, .cap, .rule].contains(self) }
    }

    /// Who receives the money (or bears the price).
    public enum Payee: String, Sendable, Equatable, CaseIterable {
        case firm, employee, household, thirdParty
    }

    /// One named number with its unit, e.g. `price = 0.401 yuan/kWh`.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: Double
        public var unit: String
        /// Set when this value is not in the cited line (derived or assumed); names its source.
        public var assumption: String?
        public init(name: String, value: Double, unit: String, assumption: String? = nil) {
            self.name = name; self.value = value; self.unit = unit; self.assumption = assumption
        }
    }

    public var id: String
    /// The catalogue file's domain: electricity, hydrogen, dairy, talent, tax, factor-costs, industry.
    public var domain: String
    public var titleZH: String
    public var titleEN: String
    public var level: Level
    public var kind: Kind
    public var parameters: [Parameter]
    /// Who qualifies, in words.
    public var eligibility: String?
    public var validFrom: Int?
    public var validTo: Int?
    public var capPerYear: Double?
    public var capTotal: Double?
    /// Caps in words where they are not yuan amounts (e.g. "<= 30% of pay, <= 2 million yuan per firm").
    public var capNote: String?
    public var durationYears: Int?
    public var eligibleFrom: Incentive.EligibilityStart
    public var eligibleAfterYears: Int
    /// For `taxHoliday`: when its clock starts.
    public var countFrom: Incentive.HolidayStart
    public var stackingGroup: String?
    public var stackingRule: Incentive.StackingRule
    /// The stacking clause in the seed's words, e.g. 就高不重复.
    public var stackingNote: String?
    public var payee: Payee
    /// For `payee: employee`: the share of the allowance that lowers the firm's wage cost.
    public var passThroughShare: Double
    public var taxable: Bool
    public var reducesDepreciableBasis: Bool
    /// Scopes (zone ids, ancestors or tags) the policy applies in; defaults to its level's scope.
    public var appliesIn: [String]
    /// How the dairy module pays the entry from its simulated herd (`DairySubsidy.subsidies(in:)`).
    public var herdRule: HerdRule?
    /// Which hire cohorts the talent module pays the entry to, and when (`TalentAllowance.allowances(in:)`).
    public var cohortRule: CohortRule?
    public var source: PolicySource
    public var note: String?
    /// Where the entry is defined, for messages.
    public var file: String?
    public var line: Int?

    public init(id: String, domain: String, titleZH: String, titleEN: String, level: Level, kind: Kind,
                parameters: [Parameter] = [], eligibility: String? = nil, validFrom: Int? = nil, validTo: Int? = nil,
                capPerYear: Double? = nil, capTotal: Double? = nil, capNote: String? = nil, durationYears: Int? = nil,
                eligibleFrom: Incentive.EligibilityStart = .startYear, eligibleAfterYears: Int = 0,
                countFrom: Incentive.HolidayStart = .firstRevenueYear, stackingGroup: String? = nil,
                stackingRule: Incentive.StackingRule = .additive, stackingNote: String? = nil, payee: Payee = .firm,
                passThroughShare: Double = 0, taxable: Bool = false, reducesDepreciableBasis: Bool = false,
                appliesIn: [String] = [], herdRule: HerdRule? = nil, cohortRule: CohortRule? = nil, source: PolicySource,
                note: String? = nil, file: String? = nil, line: Int? = nil) {
        self.id = id; self.domain = domain; self.titleZH = titleZH; self.titleEN = titleEN; self.level = level
        self.kind = kind; self.parameters = parameters; self.eligibility = eligibility; self.validFrom = validFrom
        self.validTo = validTo; self.capPerYear = capPerYear; self.capTotal = capTotal; self.capNote = capNote
        self.durationYears = durationYears; self.eligibleFrom = eligibleFrom; self.eligibleAfterYears = eligibleAfterYears
        self.countFrom = countFrom; self.stackingGroup = stackingGroup; self.stackingRule = stackingRule
        self.stackingNote = stackingNote; self.payee = payee; self.passThroughShare = passThroughShare
        self.taxable = taxable; self.reducesDepreciableBasis = reducesDepreciableBasis; self.appliesIn = appliesIn
        self.herdRule = herdRule; self.cohortRule = cohortRule; self.source = source; self.note = note; self.file = file; self.line = line
    }

    /// The title an incentive made from the entry carries: English, then Chinese in brackets.
    public var incentiveTitle: String { "\(titleEN) (\(titleZH))" }

    /// The parameter named `name`.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// The scopes the entry applies in: `appliesIn`, or its level's scope.
    public var scopes: [String] {
        if !appliesIn.isEmpty { return appliesIn }
        return level.defaultScope.map { [$0] } ?? []
    }

    /// True when the entry's source or any of its parameters is an assumption.
    public var hasAssumption: Bool {
        if case .assumption = source { return true }
        return parameters.contains { $0.assumption != nil }
    }
}
