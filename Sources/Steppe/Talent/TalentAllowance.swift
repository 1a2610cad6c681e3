/// A talent allowance from the Ordos city or Ejin Horo Banner catalogue: who qualifies, how
/// much, when it is paid, to whom, and its caps.
///
/// Payment follows the cohort's head count (`TalentCohort.present`): an allowance due in the
/// k-th year after hiring is paid only to those still employed then, which is how retention
/// conditions work ("稳定工作满3年且继续留用", and "离职下月起停止发放", 002 L8735-8743).
public struct TalentAllowance: Sendable {
    /// Which catalogue it belongs to: Ordos rules apply anywhere in the city; the banner's only
    /// in Ejin Horo.
    public enum Jurisdiction: String, Sendable, Equatable, CaseIterable {
        case ordos
        case ejinHoro
    }

    /// Who receives it.
    public enum Payee: String, Sendable, Equatable {
        case firm
        case person
    }

    /// When it is paid, counted in years after hiring; `base` is the cohort's amount from `eligibility`.
    public enum Schedule: Sendable, Equatable {
        /// `base` yuan per person once, `afterYears` years after hiring.
        case oneOff(afterYears: Int)
        /// `base` yuan per person-month for `months` months, starting `afterYears` years after hiring.
        case monthly(months: Int, afterYears: Int)
        /// `base` yuan per person-year, for at most `years` years from hiring.
        case yearly(years: Int)
        /// `base` (a share) of each year's pay, at most `capPerPersonYear` a person, for at most `years` years.
        case shareOfPay(capPerPersonYear: Double, years: Int)
    }

    /// What the eligibility test sees besides the cohort.
    public struct Context: Sendable, Equatable {
        /// The firm is on the city's or banner's key-firm list (重点企业, 002 L8724-8729, L9771-9773).
        public var keyFirm: Bool
        /// The workplace is in the central urban area: Dongsheng, Kangbashi, Ejin Horo (002 L9007-9009).
        public var centralUrbanArea: Bool
        /// The amount of an allowance stated as a range (the banner's degree-based settling-in grant,
        /// 5-40万, 002 L10290-10294); nil: the range's lower end.
        public var bannerDegreeSettlingIn: Double?
        public init(keyFirm: Bool = false, centralUrbanArea: Bool = false, bannerDegreeSettlingIn: Double? = nil) {
            self.keyFirm = keyFirm; self.centralUrbanArea = centralUrbanArea; self.bannerDegreeSettlingIn = bannerDegreeSettlingIn
        }
    }

    /// Catalogue id (as in the policy catalogue, e.g. `talent.ordos-retention-phd`), also the incentive id.
    public var id: String
    public var title: String
    public var jurisdiction: Jurisdiction
    /// Benefit family: within a family one person receives only the highest item (就高、不重复,
    /// 002 L9175-9177; 从优，就高、不叠加, L10387-10391); different families add up.
    public var family: String
    public var payee: Payee
    public var schedule: Schedule
    /// Caps per firm: per calendar year, and over all years (yuan).
    public var firmCapPerYear: Double?
    public var firmCapTotal: Double?
    public var provenance: Provenance
    /// Who qualifies: conditions on the cohort and the firm.
    public var rule: CohortRule
    /// The cohort's base amount (yuan per person, per person-month or per person-year by `schedule`,
    /// or a share of pay), and for an amount stated as a range its upper end.
    public var amount: Double
    public var maximumAmount: Double?
    /// A cohort's pay must reach this (yuan a year) to qualify.
    public var minimumAnnualWage: Double?

    public init(id: String, title: String, jurisdiction: Jurisdiction, family: String, payee: Payee, schedule: Schedule,
                firmCapPerYear: Double? = nil, firmCapTotal: Double? = nil, provenance: Provenance, rule: CohortRule,
                amount: Double, maximumAmount: Double? = nil, minimumAnnualWage: Double? = nil) {
        self.id = id; self.title = title; self.jurisdiction = jurisdiction; self.family = family; self.payee = payee
        self.schedule = schedule; self.firmCapPerYear = firmCapPerYear; self.firmCapTotal = firmCapTotal
        self.provenance = provenance; self.rule = rule; self.amount = amount; self.maximumAmount = maximumAmount
        self.minimumAnnualWage = minimumAnnualWage
    }

    /// The cohort's base amount, or nil if it does not qualify.
    public func eligibility(_ cohort: TalentCohort, _ context: Context) -> Double? {
        guard rule.admits(cohort, context, minimumAnnualWage: minimumAnnualWage) else { return nil }
        guard rule.scenarioPicksAmount, let picked = context.bannerDegreeSettlingIn else { return amount }
        return min(max(picked, amount), maximumAmount ?? amount)
    }

    /// Gross yuan for `cohort` in each calendar year `firstYear ..< firstYear + count`, before
    /// firm caps and stacking; all zero if the cohort does not qualify.
    ///
    /// - Parameter wage: the pre-tax pay per person in a calendar year.
    public func amounts(for cohort: TalentCohort, context: Context, firstYear: Int, count: Int,
                        wage: (Int) -> Double) -> [Double] {
        var out = Array(repeating: 0.0, count: count)
        guard let base = eligibility(cohort, context), base > 0 else { return out }
        for i in 0..<count {
            let year = firstYear + i, k = year - cohort.year
            let people = cohort.present(k)
            guard k >= 0, people > 0 else { continue }
            switch schedule {
            case .oneOff(let after):
                if k == after { out[i] = base * people }
            case .monthly(let months, let after):
                let monthsThisYear = min(12, months - 12 * (k - after))
                if k >= after, monthsThisYear > 0 { out[i] = base * Double(monthsThisYear) * people }
            case .yearly(let years):
                if k < years { out[i] = base * people }
            case .shareOfPay(let cap, let years):
                if k < years { out[i] = min(base * wage(year), cap) * people }
            }
        }
        return out
    }
}
