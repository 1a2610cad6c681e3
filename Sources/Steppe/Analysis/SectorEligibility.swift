/// Warnings for catalogue policies whose eligibility cannot hold for the scenario's sector: a
/// dairy subsidy on a PV-hydrogen project, a hydrogen rule on a dairy farm.
///
/// Why: the validator once accepted `dairy.imported-cow` on a PV-hydrogen project and added its
/// 0.5 million yuan without a word (issue 25). A warning, not an error, because a scenario may
/// model a sector without its module section (a hydrogen plant written out as products).
public enum SectorEligibility {
    /// Catalogue domains that belong to one sector, with the scenario section that models the
    /// sector and the words a product id of that sector contains.
    static let sectors: [(domain: String, section: String, productWords: [String])] = [
        ("dairy", "dairy", ["milk", "dairy", "cow", "calf", "heifer"]),
        ("hydrogen", "hydrogen", ["hydrogen", "h2"]),
    ]

    /// One line per catalogue policy the scenario uses (`policies:` or a value taken from a policy)
    /// whose domain is a sector the scenario does not model, each starting "warning: ".
    public static func warnings(for scenario: Scenario, catalogue: PolicyCatalogue) -> [String] {
        let sections = Set(scenario.modules.map { type(of: $0).sectionKey })
        let productIDs = scenario.products.map { $0.id.lowercased() }
        var seen: Set<String> = []
        var out: [String] = []
        for trace in scenario.traces {
            guard let id = trace.policy, seen.insert(id).inserted, let entry = catalogue.policy(id),
                  let sector = sectors.first(where: { $0.domain == entry.domain }) else { continue }
            let modelled = sections.contains(sector.section)
                || productIDs.contains { product in sector.productWords.contains { product.contains($0) } }
            if modelled { continue }
            let at = trace.line.map { " (line \($0))" } ?? ""
            out.append("warning: \(scenario.sourceFile ?? "scenario")\(at): policy '\(id)' is a \(sector.domain) policy, but the scenario models no \(sector.domain) (no `\(sector.section):` section and no \(sector.domain) product); its eligibility cannot hold here, so its value is likely wrong")
        }
        return out
    }
}
