/// Degree or role categories, on which the degree-based allowances depend (硕士、副高级职称人员、
/// 高级技师 are paid alike, 002 L8735-8741).
public enum TalentCategory: String, Sendable, Equatable, CaseIterable {
    /// Doctorate or full-senior title (博士或正高级职称人员).
    case phd
    /// Master's degree or associate-senior title (硕士或副高级职称人员).
    case master
    /// Senior technician (高级技师), paid like a master's graduate.
    case seniorTechnician
    /// Bachelor from a key or first-class university (重点高校 / 一流大学建设高校本科生).
    case bachelorKeyUniversity
    /// Regular bachelor (普通高校本科毕业生) or intermediate title.
    case bachelor
    /// Technician (技师), paid like a bachelor for the retention allowance.
    case technician
    /// Senior manager, R&D leader or safety technical director (高级经营管理人员、技术研发带头人、安全生产技术总监).
    case executive
    /// Other staff: no degree-based allowance.
    case worker
}

/// A talent tier, A (顶尖) to F. The Ordos and Ejin Horo Banner catalogues define their tiers
/// differently (002 L9191-9583 and L10400-10640), so a cohort carries each separately.
public enum TalentTier: String, Sendable, Equatable, CaseIterable, Comparable {
    case A, B, C, D, E, F
    public static func < (a: TalentTier, b: TalentTier) -> Bool { a.rawValue < b.rawValue }
}

/// Where a hire comes from: retention allowances need a hire from outside the city (市外,
/// 002 L8735) or the banner (旗外, L9773).
public enum TalentOrigin: String, Sendable, Equatable, CaseIterable {
    case outsideCity
    case outsideBanner
    case local
}

/// Full-time (全职/刚性) or flexible (柔性) hire.
public enum HireMode: String, Sendable, Equatable, CaseIterable {
    case fullTime
    case flexible
}

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
