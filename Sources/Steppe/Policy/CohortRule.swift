/// Which hire cohorts the talent module pays a catalogue entry to, and on what schedule: the
/// entry's `cohortRule:`. Part of the catalogue's vocabulary (the catalogue reads and checks it); the
/// talent module admits cohorts by it (`CohortRule.admits`).
///
/// The amounts are the entry's parameters and the timing its `eligibleAfterYears` and
/// `durationYears`, so the catalogue (and a user's `--catalogue`) is the one place they are
/// written and the citation checks see them; the rule holds the conditions on the cohort and the
/// firm. A condition left out admits every cohort.
public struct CohortRule: Sendable, Equatable {
    /// What the entry's first parameter is paid per.
    public enum Payment: String, Sendable, Equatable, CaseIterable {
        /// Once per person, `eligibleAfterYears` years after hiring.
        case oneOff
        /// Per person-month for `durationYears` x 12 months from `eligibleAfterYears` after hiring; the
        /// first parameter is the yearly amount (the catalogue states monthly allowances x 12).
        case monthly
        /// Per person-year for `durationYears` years from hiring.
        case yearly
        /// Parameter `shareOfPay` of each year's pay, at most the first parameter a person-year, for
        /// `durationYears` years from hiring.
        case shareOfPay
    }

    public var payment: Payment
    public var mode: HireMode?
    /// Tiers on the Ordos city scale (002 L8645-8666) that qualify; nil: any or none.
    public var ordosTiers: [TalentTier]?
    /// Tiers on the Ejin Horo Banner's own scale (002 L10280-10294) that qualify; nil: any or none.
    public var bannerTiers: [TalentTier]?
    public var categories: [TalentCategory]?
    public var origins: [TalentOrigin]?
    /// Only for a firm on the key-firm list (重点企业, 002 L8724-8729, L9771-9773).
    public var keyFirm: Bool
    /// Only for a workplace in the central urban area (002 L9007-9009).
    public var centralUrbanArea: Bool
    /// The amount is a range from the first parameter to parameter `maximum`, within which the
    /// scenario picks (`bannerDegreeSettlingIn`; the seeds give no rule within it).
    public var scenarioPicksAmount: Bool

    public init(payment: Payment, mode: HireMode? = nil, ordosTiers: [TalentTier]? = nil, bannerTiers: [TalentTier]? = nil,
                categories: [TalentCategory]? = nil, origins: [TalentOrigin]? = nil, keyFirm: Bool = false,
                centralUrbanArea: Bool = false, scenarioPicksAmount: Bool = false) {
        self.payment = payment; self.mode = mode; self.ordosTiers = ordosTiers; self.bannerTiers = bannerTiers
        self.categories = categories; self.origins = origins; self.keyFirm = keyFirm
        self.centralUrbanArea = centralUrbanArea; self.scenarioPicksAmount = scenarioPicksAmount
    }

    /// Reads `cohortRule: {payment, mode, ordosTiers, bannerTiers, categories, origins, keyFirm, centralUrbanArea, scenarioPicksAmount}`.
    static func read(_ f: SourceField) -> CohortRule? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let payment = o.required("payment")?.choice(Payment.self)
        let mode = o.optional("mode")?.choice(HireMode.self)
        let ordosTiers = o.optional("ordosTiers")?.list { $0.choice(TalentTier.self) }
        let bannerTiers = o.optional("bannerTiers")?.list { $0.choice(TalentTier.self) }
        let categories = o.optional("categories")?.list { $0.choice(TalentCategory.self) }
        let origins = o.optional("origins")?.list { $0.choice(TalentOrigin.self) }
        let keyFirm = o.optional("keyFirm")?.bool() ?? false
        let central = o.optional("centralUrbanArea")?.bool() ?? false
        let picks = o.optional("scenarioPicksAmount")?.bool() ?? false
        let listsFailed = [("ordosTiers", ordosTiers == nil), ("bannerTiers", bannerTiers == nil), ("categories", categories == nil),
                           ("origins", origins == nil)].contains { o.has($0.0) && $0.1 }
        guard let payment, !listsFailed else { return nil }
        return CohortRule(payment: payment, mode: mode, ordosTiers: ordosTiers, bannerTiers: bannerTiers, categories: categories,
                          origins: origins, keyFirm: keyFirm, centralUrbanArea: central, scenarioPicksAmount: picks)
    }

    /// The rule's problems for `entry`, each as (key path, message).
    func problems(of entry: PolicyEntry) -> [(String, String)] {
        var out: [(String, String)] = []
        if entry.parameters.isEmpty { out.append(("\(entry.id).parameters", "a cohortRule entry needs its amount as first parameter")) }
        if entry.level != .ordos && entry.level != .ejinHoro {
            out.append(("\(entry.id).level", "a cohortRule entry must be of level ordos or ejinHoro (got \(entry.level.rawValue))"))
        }
        if payment == .shareOfPay, entry.parameter("shareOfPay") == nil {
            out.append(("\(entry.id).parameters", "a shareOfPay cohortRule needs parameter shareOfPay"))
        }
        if payment != .oneOff, entry.durationYears == nil {
            out.append(("\(entry.id).durationYears", "a \(payment.rawValue) cohortRule needs durationYears"))
        }
        if scenarioPicksAmount, entry.parameter("maximum") == nil {
            out.append(("\(entry.id).parameters", "a cohortRule with scenarioPicksAmount needs parameter maximum"))
        }
        return out
    }
}
