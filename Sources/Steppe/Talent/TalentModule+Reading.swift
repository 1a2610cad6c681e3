extension TalentModule {
    /// Reads the `talent:` section (docs/scenario-format.md lists its keys).
    static func read(_ f: SourceField) -> (any ScenarioModule)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let jurisdiction = o.optional("jurisdiction")?.choice(TalentAllowance.Jurisdiction.self) ?? .ejinHoro
        let keyFirm = o.optional("keyFirm")?.bool() ?? false
        let central = o.optional("centralUrbanArea")?.bool() ?? false
        var allowances = TalentAllowance.allowances(in: f.reader.catalogueContext?.catalogue ?? .empty)
        // The range the scenario picks within is the catalogue's (5-40万 for the banner's degree grant).
        let ranged = allowances.first { $0.rule.scenarioPicksAmount }
        let degreeGrant = o.optional("bannerDegreeSettlingIn")?.double(min: ranged?.amount ?? 0,
                                                                          max: ranged?.maximumAmount ?? ranged?.amount ?? 0)
        let share = o.optional("passThroughShare")?.double(min: 0, max: 1) ?? 0
        if let field = o.optional("disabled"), let ids = field.list({ $0.string() }) {
            let known = allowances.map(\.id)
            for (i, id) in ids.enumerated() where !known.contains(id) {
                f.reader.fail(field.node, "\(field.path)[\(i)]", "unknown allowance '\(id)'\(suggestion(id, known))")
            }
            allowances.removeAll { ids.contains($0.id) }
        }
        let hires = o.required("hires")?.list(decodeCohort)
        guard let hires else { return nil }
        return TalentModule(jurisdiction: jurisdiction,
                            context: .init(keyFirm: keyFirm, centralUrbanArea: central, bannerDegreeSettlingIn: degreeGrant),
                            passThroughShare: share, cohorts: hires, allowances: allowances)
    }

    static func decodeCohort(_ f: SourceField) -> TalentCohort? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let category = o.required("category")?.choice(TalentCategory.self)
        let ordosTier = o.optional("ordosTier")?.choice(TalentTier.self)
        let bannerTier = o.optional("bannerTier")?.choice(TalentTier.self)
        let origin = o.optional("origin")?.choice(TalentOrigin.self) ?? .outsideCity
        let mode = o.optional("mode")?.choice(HireMode.self) ?? .fullTime
        let count = o.required("count")?.double(min: 0)
        let year = o.required("year")?.year()
        let wage = o.required("annualWage")?.double(min: 0)
        let onCost = o.optional("onCostRate")?.double(min: 0, max: 2) ?? 0
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let attrition = o.optional("attrition")?.double(min: 0, max: 1) ?? 0
        let tenure = o.optional("tenureYears")?.int(min: 0, max: 200)
        guard let id, let category, let count, let year, let wage else { return nil }
        return TalentCohort(id: id, category: category, ordosTier: ordosTier, bannerTier: bannerTier, origin: origin, mode: mode,
                            count: count, year: year, annualWage: wage, onCostRate: onCost, escalation: escalation,
                            attrition: attrition, tenureYears: tenure)
    }
}
