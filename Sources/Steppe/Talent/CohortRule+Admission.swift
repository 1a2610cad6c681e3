extension CohortRule {
    /// True when `cohort` in a firm described by `context` meets every condition; a parameter
    /// `minimumAnnualWage` of the entry is a condition on the cohort's pay.
    func admits(_ c: TalentCohort, _ context: TalentAllowance.Context, minimumAnnualWage: Double?) -> Bool {
        func within<T: Equatable>(_ allowed: [T]?, _ value: T?) -> Bool {
            guard let allowed else { return true }
            return value.map(allowed.contains) ?? false
        }
        return within(mode.map { [$0] }, c.mode) && within(ordosTiers, c.ordosTier) && within(bannerTiers, c.bannerTier)
            && within(categories, c.category) && within(origins, c.origin)
            && (!keyFirm || context.keyFirm) && (!centralUrbanArea || context.centralUrbanArea)
            && c.annualWage >= (minimumAnnualWage ?? 0)
    }
}
