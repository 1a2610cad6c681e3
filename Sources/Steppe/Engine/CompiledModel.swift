/// A scenario flattened into per-year arrays with every reference resolved to an index.
///
/// Compiling once and evaluating many times is what lets a Monte Carlo path
/// re-run the pro forma without allocating: a path overwrites entries of these
/// arrays (prices, quantities, costs) in a copy it owns and calls the engine.
/// Year index 0 is `startYear`; the valuation date is the end of that year.
public struct CompiledModel: Sendable {
    public let name: String
    public let zone: String?
    public let currency: String
    /// The unit of money in rendered reports (from the scenario's `reportUnit:`).
    public var reportUnit: ReportUnit = .millionYuan
    public let startYear: Int
    public let yearCount: Int
    /// Year index of the first operating year.
    public let operationStart: Int
    public let timing: DiscountTiming
    public let projectRate: Double
    public let equityRate: Double

    public let productIDs: [String]
    public let productUnits: [String]
    /// Units sold, products x years.
    public var quantity: YearMatrix
    /// Price in yuan/unit, products x years.
    public var price: YearMatrix
    public let productVATRate: [Double]
    /// Lowest price received per product (yuan/unit; `-infinity` without a floor), applied to
    /// whatever price a path sets, so a sampled price below a contract floor earns the floor.
    public var productPriceFloor: [Double] = []

    /// Operating-cost lines, including one per staff group (`labour:ROLE`) and a land lease (`land-lease`).
    public let costLineIDs: [String]
    /// Quantities of lines with an annual driver (zero rows for per-unit lines).
    public var costQuantity: YearMatrix
    /// For a per-unit line, the product whose output drives it (-1 for annual lines); the
    /// engine multiplies that output by `costQuantityPerUnit` each year, so a path that
    /// changes the output changes the line with it.
    public let costDriverProduct: [Int]
    public var costQuantityPerUnit: [Double]
    public var costPrice: YearMatrix
    public let costVATRate: [Double]

    public let assetClasses: [CompiledAssetClass]
    /// Capex in yuan, asset classes x years.
    public var capex: YearMatrix

    public let staffRoles: [String]
    /// Persons, staff groups x years.
    public var headcount: YearMatrix

    public let equityShare: Double
    public var loans: [CompiledLoan]

    public var citRate: Double
    public let lossTreatment: TaxRules.LossTreatment
    public let lossCarryForwardYears: Int
    public let lossOffsetLimit: Double
    public let holidayStacking: TaxRules.HolidayStacking
    public let vatSurtaxRate: Double
    /// Whether a holiday's exempt-year income uses up losses carried forward (nil: by the holiday's kind,
    /// `TaxRules.usesLossesInExemptYears(countFrom:)`).
    public var exemptIncomeUsesLosses: Bool? = nil

    public let incentives: [CompiledIncentive]
    /// Indices of the incentives that change the CIT rate (the tax computation loops over these only).
    public internal(set) var taxPreferenceIndices: [Int] = []
    /// Discount factor of each year at the equity and the project rate, with the model's timing
    /// (rates are not path inputs, so these are computed once).
    public internal(set) var equityDiscountFactors: [Double] = []
    public internal(set) var projectDiscountFactors: [Double] = []
    /// Indices of the taxable interest subsidies (the unlevered tax leaves them out).
    public internal(set) var taxableInterestSubsidyIndices: [Int] = []
    /// Whether any incentive is in a "highest only" stacking group.
    public internal(set) var hasHighestOnlyGroups = false
    /// What each number of the scenario file that may be uncertain became, keyed by its key path
    /// (`labour[0].annualWage`): recorded by `Scenario.compile`, read by Monte Carlo to bind its draws.
    public internal(set) var inputBindings: [String: CompiledInputBinding] = [:]
    /// Scale of each incentive (1 = as configured, 0 = withdrawn, 0.5 = cut by half).
    public var incentiveScale: [Double]
    /// First and last year index in which each incentive applies. They start as the
    /// incentive's eligibility window; a path's policy events (delay, withdrawal) move them.
    public var incentiveFirstYear: [Int]
    public var incentiveLastYear: [Int]
    /// Year index in which amounts already received are repaid (-1: never).
    public var incentiveClawbackYear: [Int]

    public let recoverResidualValue: Bool
    /// Construction interest, valuation date, payback and working capital (`ProjectConventions`).
    public var conventions: ProjectConventions = .steppe
    /// Values taken from the policy catalogue or zone profile, and the scenario's overrides of them.
    public var traces: [TracedValue] = []
    /// Why the project qualifies for each incentive, by id, where its scenario says so
    /// (`Incentive.eligibilityBasis`); others rest on their own provenance. For reports only.
    public var incentiveEligibility: [String: Provenance] = [:]

    /// Calendar year of a year index.
    @inlinable public func calendarYear(_ t: Int) -> Int { startYear + t }

    /// Whether incentive `i` applies in year index `t` on this path.
    @inlinable public func incentiveApplies(_ i: Int, in t: Int) -> Bool {
        t >= incentiveFirstYear[i] && t <= incentiveLastYear[i]
    }
}

/// An asset class with its depreciation rule.
public struct CompiledAssetClass: Sendable, Equatable {
    public let id: String
    public let method: DepreciationMethod
    public let lifeYears: Int
    public let residualRate: Double
    public let vatRate: Double
    /// Receives capitalised construction interest (all classes except land-use rights).
    public let takesCapitalisedInterest: Bool
}

/// A loan with its share of construction capex resolved.
public struct CompiledLoan: Sendable, Equatable {
    public let id: String
    /// Fraction of each construction year's capex drawn on this loan (fixed-share loans).
    public let drawShare: Double
    public var rate: Double
    public let tenorYears: Int
    public let graceYears: Int
    public let repayment: Loan.Repayment
    public let targetDSCR: Double
    public let maxGearing: Double
}

/// An incentive with its years resolved to indices and its targets to row numbers.
public struct CompiledIncentive: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Cash: `amount` applied to what `source` follows (the source names the amount's unit).
        case cash(CashIncentiveSource, amount: Double)
        case taxRate(rate: Double)
        case taxHoliday(exemptYears: Int, reducedYears: Int, reducedFactor: Double, countFrom: Incentive.HolidayStart)
    }
    public let id: String
    public let title: String
    public let kind: Kind
    /// First and last year index of the configured eligibility window (empty range if never);
    /// the engine reads the per-path window in `CompiledModel.incentiveFirstYear` instead.
    public let firstYear: Int
    public let lastYear: Int
    public let capPerYear: Double
    public let capTotal: Double
    public let taxable: Bool
    public let reducesDepreciableBasis: Bool
    /// Index of the stacking group with rule `highest`, or -1 when additive.
    public let highestOnlyGroup: Int
    public let provenance: Provenance
    /// Yuan per year index that employees receive from an allowance paid to them, before caps
    /// (empty when the incentive is paid to the firm). The firm's cash flow sees only the
    /// pass-through share of it, in the engine's amounts.
    public var paidToStaffByYear: [Double] = []
    /// The asset classes a capital grant funds, or the loans an interest subsidy applies to, one
    /// flag per class or loan in model order (empty for other kinds).
    public var membership: [Bool] = []
    /// Yuan per year index of a scheduled award, already times the firm's share (empty for other kinds).
    public var amountByYear: [Double] = []

    public var isCapitalGrant: Bool {
        if case .cash(let source, _) = kind { return source.isCapitalGrant }
        return false
    }
    public var isInterestSubsidy: Bool {
        if case .cash(let source, _) = kind { return source.isInterestSubsidy }
        return false
    }
}
