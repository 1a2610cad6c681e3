// What talent policies condition on: a hire's category, tiers, origin and mode. The catalogue's
// `cohortRule:` names them (`CohortRule`), and the talent module's cohorts carry them.

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
