extension TalentAllowance {
    /// The allowances a talent section uses: every catalogue entry with a `cohortRule`, in catalogue
    /// order, with the entry's amount, timing, caps, title and citation. The Ordos city measures are
    /// 002 L8629-9189 and the Ejin Horo Banner's 002 L9731-10398; the amounts live only in
    /// `Catalogue/policies/talent.yaml`, so a user's `--catalogue` overrides them.
    ///
    /// The benefit family is the entry's stacking group: within it one person receives only the
    /// highest item (就高、不重复, 002 L9175-9177; 从优，就高、不叠加, L10387-10391).
    /// An entry whose rule lacks what it reads is left out here; `PolicyCatalogue.validate()` reports it.
    public static func allowances(in catalogue: PolicyCatalogue) -> [TalentAllowance] {
        catalogue.policies.compactMap { entry in entry.cohortRule.flatMap { TalentAllowance(entry: entry, rule: $0) } }
    }

    init?(entry: PolicyEntry, rule: CohortRule) {
        guard let first = entry.parameters.first?.value, let jurisdiction = Jurisdiction(entry.level) else { return nil }
        let after = entry.eligibleAfterYears
        let schedule: Schedule, amount: Double
        switch rule.payment {
        case .oneOff:
            schedule = .oneOff(afterYears: after); amount = first
        case .monthly:
            guard let years = entry.durationYears else { return nil }
            schedule = .monthly(months: 12 * years, afterYears: after); amount = first / 12
        case .yearly:
            guard let years = entry.durationYears else { return nil }
            schedule = .yearly(years: years); amount = first
        case .shareOfPay:
            guard let years = entry.durationYears, let share = entry.parameter("shareOfPay")?.value else { return nil }
            schedule = .shareOfPay(capPerPersonYear: first, years: years); amount = share
        }
        self.init(id: entry.id, title: entry.incentiveTitle, jurisdiction: jurisdiction, family: entry.stackingGroup ?? entry.id,
                  payee: entry.payee == .firm ? .firm : .person, schedule: schedule, firmCapPerYear: entry.capPerYear,
                  firmCapTotal: entry.capTotal, provenance: entry.source.provenance, rule: rule, amount: amount,
                  maximumAmount: rule.scenarioPicksAmount ? entry.parameter("maximum")?.value : nil,
                  minimumAnnualWage: entry.parameter("minimumAnnualWage")?.value)
    }
}

extension TalentAllowance.Jurisdiction {
    /// The jurisdiction of a catalogue level; nil for levels without a talent catalogue of their own.
    init?(_ level: PolicyEntry.Level) {
        switch level {
        case .ordos: self = .ordos
        case .ejinHoro: self = .ejinHoro
        case .national, .innerMongolia, .zone: return nil
        }
    }
}
