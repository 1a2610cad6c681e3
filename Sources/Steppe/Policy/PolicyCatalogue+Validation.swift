extension PolicyCatalogue {
    /// The parameters each incentive kind needs (one of each inner list).
    static let requiredParameters: [PolicyEntry.Kind: [[String]]] = [
        .capitalGrant: [["share", "amount"]], .productionSubsidy: [["amountPerUnit"]],
        .annualAward: [["amountPerYear"]], .interestSubsidy: [["rateReduction"]],
        .inputPrice: [["discountPerUnit", "overridePrice"]], .taxRate: [["rate"]],
        .taxHoliday: [["exemptYears"]], .perPersonAllowance: [["amountPerPersonYear"]],
        .benchmarkInterestSubsidy: [["benchmarkShare"], ["benchmarkRate"]],
    ]

    /// Checks that span entries: zone parents exist and form no cycle, zone values name
    /// existing policies and parameters, every scope a policy names is a zone or a tag,
    /// incentive entries carry the parameters their kind needs, herd and cohort rules the
    /// parameters and entries they read.
    ///
    /// - Returns: one issue per problem, located at the entry's file and line.
    public func validate() -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        func fail(_ file: String?, _ line: Int?, _ path: String, _ message: String) {
            issues.append(ScenarioIssue(file: file, line: line, keyPath: path, message: message))
        }
        let zoneIDs = Set(zones.map(\.id))
        let knownScopes = zoneIDs.union(zones.flatMap(\.tags)).union([PolicyCatalogue.nationalScope])
        for z in zones {
            if let parent = z.within, zone(parent) == nil {
                fail(z.file, z.line, "\(z.id).within", "unknown zone '\(parent)'\(hint(parent, zoneIDs))")
            }
            // The chain stops at the first repeated zone, so a last link that points to a known zone is a cycle.
            if let last = chain(of: z.id).last?.within, zone(last) != nil {
                fail(z.file, z.line, "\(z.id).within", "the zones' 'within' links form a cycle")
            }
            for v in z.values {
                guard let id = v.policy else { continue }
                guard let p = policy(id) else {
                    fail(z.file, z.line, "\(z.id).values.\(v.key).policy", "unknown policy '\(id)'\(hint(id, policies.map(\.id)))")
                    continue
                }
                if let name = v.parameter, p.parameter(name) == nil {
                    fail(z.file, z.line, "\(z.id).values.\(v.key).parameter",
                         "policy '\(id)' has no parameter '\(name)' (it has \(p.parameters.map(\.name).joined(separator: ", ")))")
                } else if v.parameter == nil, p.parameters.isEmpty {
                    fail(z.file, z.line, "\(z.id).values.\(v.key).policy", "policy '\(id)' has no parameters")
                }
            }
        }
        for p in policies {
            if p.scopes.isEmpty { fail(p.file, p.line, "\(p.id).appliesIn", "a zone-level policy must name the zones it applies in") }
            for s in p.scopes where !knownScopes.contains(s) {
                fail(p.file, p.line, "\(p.id).appliesIn", "unknown zone or tag '\(s)'\(hint(s, knownScopes))")
            }
            for alternatives in PolicyCatalogue.requiredParameters[p.kind] ?? []
            where !alternatives.contains(where: { p.parameter($0) != nil }) {
                fail(p.file, p.line, "\(p.id).parameters",
                     "a \(p.kind.rawValue) entry needs parameter \(alternatives.joined(separator: " or "))")
            }
            for (path, message) in p.herdRule?.problems(of: p, in: self) ?? [] { fail(p.file, p.line, path, message) }
            for (path, message) in p.cohortRule?.problems(of: p) ?? [] { fail(p.file, p.line, path, message) }
            if let from = p.validFrom, let to = p.validTo, from > to {
                fail(p.file, p.line, "\(p.id).validTo", "must not be before validFrom \(from) (got \(to))")
            }
        }
        return issues
    }

    private func hint<S: Sequence>(_ name: String, _ known: S) -> String where S.Element == String {
        closestMatch(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
    }
}
