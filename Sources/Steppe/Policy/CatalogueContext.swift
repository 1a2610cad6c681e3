/// The catalogue and the zone a scenario is read against, and what it has traced so far.
final class CatalogueContext: CatalogueReferenceResolver {
    let catalogue: PolicyCatalogue
    var zone: String?
    var traces: [TracedValue] = []
    /// How many incentives the scenario writes out before its `policies:` items.
    var writtenIncentives = 0
    /// How many incentives the `policies:` items gave.
    var policyIncentives = 0
    /// Whether `policies:` items that do not apply in the zone are disabled and listed in
    /// `droppedPolicies` instead of being errors (a comparison's option).
    var dropsInapplicablePolicies = false
    var droppedPolicies: [String] = []
    init(_ catalogue: PolicyCatalogue) { self.catalogue = catalogue }

    /// Whether `policy` applies in the scenario's zone (true without a known zone).
    func appliesInZone(_ policy: PolicyEntry) -> Bool {
        guard let zone, catalogue.zone(zone) != nil else { return true }
        return catalogue.applies(policy, in: zone)
    }

    /// Reports `policy` when it does not apply in the scenario's zone; true when it applies.
    func checkApplies(_ policy: PolicyEntry, _ field: SourceField) -> Bool {
        guard !appliesInZone(policy) else { return true }
        field.reader.fail(field.node, field.path,
                          "policy '\(policy.id)' does not apply in zone '\(zone ?? "")' (it applies in: \(policy.scopes.joined(separator: ", ")))")
        return false
    }

    func unknownPolicy(_ id: String, _ field: SourceField) {
        let hint = closestMatch(to: id, in: catalogue.policies.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
        field.reader.fail(field.node, field.path, "unknown policy '\(id)'\(hint)")
    }
}

extension CatalogueContext {
    func number(at field: SourceField) -> Double? { field.catalogueNumber(in: self) }
}

extension SourceReader {
    /// The catalogue context the reader resolves references against, if it has one.
    var catalogueContext: CatalogueContext? { catalogue as? CatalogueContext }
}
