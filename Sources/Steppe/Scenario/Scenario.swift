/// One project described by a scenario file: what is built, what it sells, what it
/// costs, how it is financed and taxed, and which incentives it receives.
///
/// Units: money in yuan (CNY) exclusive of VAT; quantities in the unit named by
/// each product or cost line; rates as fractions (0.25 = 25%); years are calendar
/// years. Operating values (quantities, prices, costs) are those of the **first
/// operating year** and escalate once a year after it.
public struct Scenario: Sendable {
    public var name: String
    /// Zone identifier (for example `ejin-horo-mengsu`): selects the catalogue's zone profile that
    /// `{zone: key}` values and the applicability of `policies` refer to.
    public var zone: String?
    /// ISO currency code; only `CNY` is supported.
    public var currency: String
    /// The unit of money in rendered reports (`reportUnit:`); results stay in yuan.
    public var reportUnit: ReportUnit = .millionYuan
    /// First calendar year of the model (the valuation date is its 31 December).
    public var startYear: Int
    /// First year with production; defaults to the year after the last construction capex.
    public var operationStartYear: Int?
    /// Number of operating years, counted from the first operating year.
    public var operatingYears: Int
    public var assetClasses: [AssetClass]
    public var capex: [CapexItem]
    public var products: [Product]
    public var operatingCosts: [OperatingCost]
    public var labour: [StaffGroup]
    public var land: Land?
    public var financing: Financing
    public var tax: TaxRules
    public var discounting: Discounting
    public var incentives: [Incentive]
    /// Recover the remaining book value of all assets as cash in the last operating year.
    public var recoverResidualValue: Bool
    /// Steppe's or the feasibility-study method's conventions (`conventions:`), switch by switch.
    public var conventions: ProjectConventions = .steppe
    /// Domain modules (hydrogen, dairy, talent) whose lines are added before compilation.
    public var modules: [any ScenarioModule]
    /// Values taken from the policy catalogue or zone profile, and the scenario's overrides of them.
    public var traces: [TracedValue] = []
    /// Numbers of the file given as distributions, per-year multipliers or processes.
    public var uncertainty: [UncertainInput] = []
    /// Policy events that may befall incentives on Monte Carlo paths.
    public var policyRisks: [PolicyRisk] = []
    /// `policies:` items disabled because they do not apply in the zone (read with `dropInapplicablePolicies`).
    public var droppedPolicies: [String] = []
    /// Every incentive (or a named set) withdrawn from a year on, e.g. by `--withdraw-all-from`.
    public var incentiveWithdrawal: IncentiveWithdrawal?
    /// Target rank correlations between uncertain inputs.
    public var correlations: [RankCorrelationPair] = []
    /// The name of the file the scenario was read from, for errors found after reading.
    public var sourceFile: String?

    public init(
        name: String, zone: String? = nil, currency: String = "CNY", startYear: Int,
        operationStartYear: Int? = nil, operatingYears: Int, assetClasses: [AssetClass],
        capex: [CapexItem], products: [Product], operatingCosts: [OperatingCost] = [],
        labour: [StaffGroup] = [], land: Land? = nil, financing: Financing = Financing(),
        tax: TaxRules = TaxRules(), discounting: Discounting, incentives: [Incentive] = [],
        recoverResidualValue: Bool = false, modules: [any ScenarioModule] = []
    ) {
        self.name = name; self.zone = zone; self.currency = currency; self.startYear = startYear
        self.operationStartYear = operationStartYear; self.operatingYears = operatingYears
        self.assetClasses = assetClasses; self.capex = capex; self.products = products
        self.operatingCosts = operatingCosts; self.labour = labour; self.land = land
        self.financing = financing; self.tax = tax; self.discounting = discounting
        self.incentives = incentives; self.recoverResidualValue = recoverResidualValue
        self.modules = modules
    }
}

/// A value that is either constant or given per operating year. The last listed
/// value repeats for the remaining years.
public struct YearlyValue: Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public var values: [Double]
    public init(_ values: [Double]) { precondition(!values.isEmpty); self.values = values }
    public init(floatLiteral value: Double) { values = [value] }
    public init(integerLiteral value: Int) { values = [Double(value)] }

    /// The value in operating year `k` (0 = first operating year).
    @inlinable
    public subscript(operatingYear k: Int) -> Double { values[Swift.min(Swift.max(k, 0), values.count - 1)] }
}

/// Where a citation comes from: a seed document and its lines, or an assumption with its source.
public enum Provenance: Sendable, Equatable {
    /// A statement in a policy document, for example `002_4322e846ed20b2fa.txt`, lines `4172-4173`.
    case seed(document: String, lines: String)
    /// A value the seeds do not state; `source` says where it comes from.
    case assumption(source: String)
}

/// A class of fixed or intangible assets with one depreciation rule.
public struct AssetClass: Sendable, Equatable {
    public var id: String
    public var depreciation: DepreciationMethod
    /// Depreciation or amortisation period in years.
    public var lifeYears: Int
    /// Residual (salvage) value as a share of the depreciable basis; not depreciated.
    public var residualRate: Double
    /// Deductible input VAT rate on purchases of this class (0 for land-use rights).
    public var vatRate: Double

    public init(id: String, depreciation: DepreciationMethod = .straightLine, lifeYears: Int, residualRate: Double = 0, vatRate: Double = 0) {
        self.id = id; self.depreciation = depreciation; self.lifeYears = lifeYears
        self.residualRate = residualRate; self.vatRate = vatRate
    }
}

/// A capital expenditure in one calendar year for one asset class (yuan, excl. VAT).
public struct CapexItem: Sendable, Equatable {
    public var year: Int
    public var assetClass: String
    public var amount: Double
    public init(year: Int, assetClass: String, amount: Double) {
        self.year = year; self.assetClass = assetClass; self.amount = amount
    }
}

/// A product sold by the project.
public struct Product: Sendable, Equatable {
    public var id: String
    /// Unit of `quantity`, for example `kg` or `kWh`.
    public var unit: String
    /// Units sold per year.
    public var quantity: YearlyValue
    /// Price in the first operating year (yuan/unit, excl. VAT).
    public var price: Double
    /// Annual price escalation after the first operating year.
    public var escalation: Double
    /// Annual growth of the quantity after the first operating year (negative for degradation).
    public var quantityGrowth: Double
    /// Output VAT rate.
    public var vatRate: Double
    /// Lowest price received (yuan/unit), e.g. a purchase contract's floor; it holds against any
    /// price a Monte Carlo path sets, and does not escalate. None if nil.
    public var priceFloor: Double?
    /// A factor per operating year on the escalated price (nil: 1 every year). Set by modules
    /// whose price moves year by year, e.g. the hydrogen plant's export at each year's capture price.
    public var priceShape: YearlyValue?

    public init(id: String, unit: String, quantity: YearlyValue, price: Double, escalation: Double = 0,
                quantityGrowth: Double = 0, vatRate: Double = 0, priceFloor: Double? = nil, priceShape: YearlyValue? = nil) {
        self.id = id; self.unit = unit; self.quantity = quantity; self.price = price
        self.escalation = escalation; self.quantityGrowth = quantityGrowth; self.vatRate = vatRate
        self.priceFloor = priceFloor; self.priceShape = priceShape
    }
}

/// An operating cost line: quantity x price, escalating yearly.
///
/// The quantity is either `annualQuantity` (for example kWh a year) or
/// `quantityPerUnit` of a product's output (for example 55 kWh per kg of hydrogen).
/// A fixed cost is `annualQuantity: 1` with `price` in yuan a year (the file
/// format's `annualAmount`).
public struct OperatingCost: Sendable, Equatable {
    public enum Driver: Sendable, Equatable {
        case annual(YearlyValue)
        case perUnit(product: String, quantityPerUnit: Double)
    }
    public var id: String
    public var unit: String
    public var driver: Driver
    /// Price per unit in the first operating year (yuan/unit, excl. VAT).
    public var price: Double
    public var escalation: Double
    /// Deductible input VAT rate.
    public var vatRate: Double

    public init(id: String, unit: String = "yuan", driver: Driver, price: Double, escalation: Double = 0, vatRate: Double = 0) {
        self.id = id; self.unit = unit; self.driver = driver; self.price = price
        self.escalation = escalation; self.vatRate = vatRate
    }
}

/// A group of employees with one wage.
public struct StaffGroup: Sendable, Equatable {
    public var role: String
    /// Persons employed in each operating year.
    public var headcount: YearlyValue
    /// Gross wage per person per year in the first operating year (yuan).
    public var annualWage: Double
    /// Employer on-costs (social insurance, housing fund) as a share of wages.
    public var onCostRate: Double
    public var escalation: Double

    public init(role: String, headcount: YearlyValue, annualWage: Double, onCostRate: Double = 0, escalation: Double = 0) {
        self.role = role; self.headcount = headcount; self.annualWage = annualWage
        self.onCostRate = onCostRate; self.escalation = escalation
    }
}

/// The project's land: a purchased land-use right (amortised over its term) or a lease.
public enum Land: Sendable, Equatable {
    /// Land-use right bought in `year` for `areaMu` x `pricePerMu` yuan, amortised over `termYears`.
    case purchase(areaMu: Double, pricePerMu: Double, termYears: Int, year: Int?)
    /// Land leased at `annualRentPerMu` yuan per mu per year from the first operating year.
    case lease(areaMu: Double, annualRentPerMu: Double, escalation: Double)
}

/// Discount rates and timing.
public struct Discounting: Sendable, Equatable {
    /// Rate for project (unlevered) cash flows.
    public var projectRate: Double
    /// Rate for equity (levered) cash flows.
    public var equityRate: Double
    public var timing: DiscountTiming

    public init(projectRate: Double, equityRate: Double, timing: DiscountTiming = .endOfYear) {
        self.projectRate = projectRate; self.equityRate = equityRate; self.timing = timing
    }
}
