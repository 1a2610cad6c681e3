extension DairySubsidy {
    /// The subsidies a dairy section uses unless it says otherwise: every catalogue entry with a
    /// `herdRule`, in the order of `HerdRule.Kind` (then catalogue order), with the entry's
    /// amounts, title and citation. The dairy measures are 002 L977-1223; the amounts live only in
    /// `Catalogue/policies/dairy.yaml`, so a user's `--catalogue` overrides them.
    ///
    /// An entry whose rule lacks its parameters is left out here; `PolicyCatalogue.validate()` reports it.
    public static func subsidies(in catalogue: PolicyCatalogue) -> [DairySubsidy] {
        let order = HerdRule.Kind.allCases
        let ruled = catalogue.policies.compactMap { entry in entry.herdRule.map { (entry, $0) } }
        return ruled.enumerated()
            .sorted { (order.firstIndex(of: $0.element.1.kind)!, $0.offset) < (order.firstIndex(of: $1.element.1.kind)!, $1.offset) }
            .compactMap { DairySubsidy(entry: $0.element.0, rule: $0.element.1, in: catalogue) }
    }

    /// The subsidy of `entry` under `herdRule`, or nil when a parameter the rule reads is missing.
    init?(entry: PolicyEntry, rule herdRule: HerdRule, in catalogue: PolicyCatalogue) {
        guard let perHead = entry.parameters.first?.value else { return nil }
        let rule: Rule
        switch herdRule.kind {
        case .herdReaches:
            guard let head = entry.parameter("head")?.value, let step = herdRule.steps.flatMap(catalogue.policy),
                  let stepAmount = step.parameters.first?.value, let stepHead = step.parameter("head")?.value else { return nil }
            rule = .herdReaches(head: head, amount: perHead, stepHead: stepHead, stepAmount: stepAmount)
        case .perHeadInBand:
            guard let lo = entry.parameter("minHead")?.value, let hi = entry.parameter("maxHead")?.value else { return nil }
            rule = .perHeadInBand(minHead: lo, maxHead: hi, amountPerHead: perHead, payment: herdRule.paid)
        case .perImportedHead:
            rule = .perPurchasedHead(amount: perHead)
        case .perSexedInsemination:
            rule = .perSexedInsemination(amount: perHead)
        case .silagePerCow:
            guard let tonnes = entry.parameter("tonnesPerCow")?.value, let price = entry.parameter("yuanPerTonne")?.value else { return nil }
            rule = .silagePerCow(tonnesPerCow: tonnes, perTonne: price)
        case .perCowTested:
            rule = .perCowTested(amount: perHead)
        }
        self.init(id: entry.id, title: entry.incentiveTitle, rule: rule, provenance: entry.source.provenance,
                  enabled: herdRule.enabled, taxable: entry.taxable)
    }
}
