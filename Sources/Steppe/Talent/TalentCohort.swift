/// People hired together: same category, tiers, origin, wage and hiring year.
///
/// Timing (annual step): a cohort is hired on 1 January of `year`; leavers go at the end of a
/// year, after its pay and allowances. So `present(k)`, the head count in the k-th year after
/// hiring (k = 0 in the hiring year), is count × (1 − attrition)^k, and 0 from `tenureYears`
/// on when it is given (everyone leaves then: a deterministic exit, or one drawn on a path).
public struct TalentCohort: Sendable, Equatable {
    public var id: String
    public var category: TalentCategory
    public var ordosTier: TalentTier?
    public var bannerTier: TalentTier?
    public var origin: TalentOrigin
    public var mode: HireMode
    public var count: Double
    public var year: Int
    /// Pre-tax pay per person in the first operating year (yuan); escalates like other wages.
    public var annualWage: Double
    public var onCostRate: Double
    public var escalation: Double
    /// Expected share leaving each year.
    public var attrition: Double
    /// Years everyone stays (nil: only attrition).
    public var tenureYears: Int?

    public init(id: String, category: TalentCategory, ordosTier: TalentTier? = nil, bannerTier: TalentTier? = nil,
                origin: TalentOrigin = .outsideCity, mode: HireMode = .fullTime, count: Double, year: Int, annualWage: Double,
                onCostRate: Double = 0, escalation: Double = 0, attrition: Double = 0, tenureYears: Int? = nil) {
        self.id = id; self.category = category; self.ordosTier = ordosTier; self.bannerTier = bannerTier
        self.origin = origin; self.mode = mode; self.count = count; self.year = year; self.annualWage = annualWage
        self.onCostRate = onCostRate; self.escalation = escalation; self.attrition = attrition; self.tenureYears = tenureYears
    }

    /// Head count in the k-th year after hiring (0 before hiring).
    public func present(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        if let tenureYears, k >= tenureYears { return 0 }
        return count * Double.pow1m(attrition, k)
    }
}
