extension Scenario {
    /// Keys of `policies[].set` besides the entry's own parameters.
    static let settablePolicyFields = ["capPerYear", "capTotal", "durationYears", "validFrom", "validTo",
                                       "eligibleAfterYears", "passThroughShare", "reducedYears", "reducedFactor"]

    /// One item of the scenario's `policies:` list, turned into an `Incentive`:
    ///
    /// - `tax.western-development-cit`: the catalogue entry as it is;
    /// - `{policy: id, id:, product:, role:, costLine:, assetClasses:, loans:, set: {name: value},
    ///   enabled:, eligibleFrom:, taxable:, stackingGroup:, reason:, eligibilityBasis:}`: with the bindings its kind
    ///   needs and overrides of its parameters, caps and window, each recorded as an override;
    ///   `times: n` multiplies the entry's first parameter (e.g. a per-head amount by the head count).
    ///
    /// The policy must apply in the scenario's zone. Its citation becomes the incentive's provenance.
    static func decodePolicyUse(_ f: SourceField) -> Incentive? {
        guard let context = f.reader.catalogueContext else {
            f.reader.fail(f.node, f.path, "policies need a catalogue"); return nil
        }
        var policyID: String?
        var object: SourceObject?
        if case .scalar = f.node.value { policyID = f.string() } else {
            object = f.object()
            policyID = object?.required("policy")?.string()
        }
        defer { object?.finish() }
        let o = object
        let customID = o?.optional("id")?.string()
        let product = o?.optional("product")?.string()
        let role = o?.optional("role")?.string()
        let costLine = o?.optional("costLine")?.string()
        let classes = o?.optional("assetClasses")?.list { $0.string() }
        let loans = o?.optional("loans")?.list { $0.string() }
        let enabled = o?.optional("enabled")?.bool() ?? true
        let eligibleFrom = o?.optional("eligibleFrom")?.choice(Incentive.EligibilityStart.self)
        let taxable = o?.optional("taxable")?.bool()
        let group = o?.optional("stackingGroup")?.string()
        let reason = o?.optional("reason")?.string()
        let eligibilityBasis = decodeEligibilityBasis(o, f)
        let timesField = o?.optional("times")
        let times = timesField?.double(min: 0)
        var set: [(key: String, value: Double, line: Int?)] = []
        let setObject = o?.optional("set")?.object()
        // On the early returns the `set` keys are left unchecked: the policy they belong to is the problem.
        guard let policyID else { return nil }
        guard let entry = context.catalogue.policy(policyID) else {
            context.unknownPolicy(policyID, o?.optional("policy") ?? f); return nil
        }
        // Read with `dropInapplicablePolicies`, a policy of another zone is kept but disabled (and
        // listed), so one project can be sited in zones whose policies differ; otherwise an error.
        let applies = context.dropsInapplicablePolicies ? context.appliesInZone(entry) : context.checkApplies(entry, f)
        guard applies || context.dropsInapplicablePolicies else { return nil }
        guard entry.kind.isIncentive else {
            f.reader.fail(f.node, f.path, "'\(policyID)' is a \(entry.kind.rawValue), not an incentive; use its value with {policy: \(policyID)} where a number is expected")
            return nil
        }
        let settable = entry.parameters.map(\.name) + settablePolicyFields
        if let setObject {
            for e in setObject.entries {
                guard settable.contains(e.key) else {
                    let hint = closestMatch(to: e.key, in: settable).map { "; did you mean '\($0)'?" } ?? ""
                    f.reader.fail(SourceNode(.null, line: e.keyLine, column: e.keyColumn), setObject.childPath(e.key),
                                  "'\(policyID)' has no settable value '\(e.key)'\(hint)")
                    _ = setObject.optional(e.key)
                    continue
                }
                if let v = setObject.optional(e.key)?.incentiveParameter(e.key) { set.append((e.key, v, e.value.line)) }
            }
            setObject.finish()
        }
        let mainName = entry.parameters.first?.name
        // `times` scales the entry's first parameter, which must still lie in its range (a share stays <= 1).
        if let times, let timesField, let mainName, !set.contains(where: { $0.key == mainName }),
           let base = entry.parameter(mainName)?.value, let range = IncentiveParameterRange.byName[mainName],
           let problem = range.problem(base * times, shown: (base * times).formattedPlain) {
            f.reader.fail(timesField.node, timesField.path, "\(mainName) × times \(problem)")
            return nil
        }
        func value(_ name: String) -> Double? {
            if let v = set.last(where: { $0.key == name })?.value { return v }
            guard let v = entry.parameter(name)?.value else { return nil }
            return name == mainName ? v * (times ?? 1) : v
        }
        func int(_ name: String, _ fallback: Int?) -> Int? { value(name).map { Int($0) } ?? fallback }

        let id = customID ?? policyID
        let kind: Incentive.Kind
        func need(_ binding: String?, _ key: String) -> String? {
            if binding == nil { f.reader.fail(f.node, "\(f.path).\(key)", "'\(policyID)' (\(entry.kind.rawValue)) needs '\(key)'") }
            return binding
        }
        switch entry.kind {
        case .capitalGrant:
            kind = .capitalGrant(share: value("share"), amount: value("amount"), assetClasses: classes ?? [])
        case .productionSubsidy:
            guard let product = need(product, "product"), let a = value("amountPerUnit") else { return nil }
            kind = .productionSubsidy(product: product, amountPerUnit: a)
        case .annualAward:
            guard let a = value("amountPerYear") else { return nil }
            kind = .annualAward(amountPerYear: a)
        case .interestSubsidy:
            guard let r = value("rateReduction") else { return nil }
            kind = .interestSubsidy(rateReduction: r, loans: loans ?? [])
        case .benchmarkInterestSubsidy:
            guard let share = value("benchmarkShare"), let benchmark = value("benchmarkRate") else { return nil }
            kind = .interestSubsidy(rateReduction: min(share * benchmark, value("rateCeiling") ?? 1), loans: loans ?? [])
        case .inputPrice:
            guard let line = need(costLine, "costLine") else { return nil }
            kind = .inputPrice(costLine: line, discountPerUnit: value("discountPerUnit"), overridePrice: value("overridePrice"))
        case .taxRate:
            guard let r = value("rate") else { return nil }
            kind = .taxRate(rate: r)
        case .taxHoliday:
            guard let exempt = value("exemptYears") else { return nil }
            kind = .taxHoliday(exemptYears: Int(exempt), reducedYears: int("reducedYears", 0) ?? 0,
                               reducedFactor: value("reducedFactor") ?? 0.5, countFrom: entry.countFrom)
        case .perPersonAllowance:
            guard let role = need(role, "role"), let a = value("amountPerPersonYear") else { return nil }
            kind = .perPersonAllowance(role: role, amountPerPersonYear: a)
        case .tariff, .cap, .rule:
            return nil
        }
        let payee: Incentive.Payee
        switch entry.payee {
        case .firm: payee = .firm
        case .employee: payee = .employee(passThroughShare: value("passThroughShare") ?? entry.passThroughShare)
        case .household, .thirdParty:
            f.reader.fail(f.node, f.path, "'\(policyID)' is paid to a \(entry.payee.rawValue), not to the project or its staff")
            return nil
        }
        let incentive = Incentive(
            id: id, title: entry.incentiveTitle, kind: kind,
            validFrom: int("validFrom", entry.validFrom), validTo: int("validTo", entry.validTo),
            eligibleFrom: eligibleFrom ?? entry.eligibleFrom, eligibleAfterYears: int("eligibleAfterYears", entry.eligibleAfterYears) ?? 0,
            durationYears: int("durationYears", entry.durationYears), capPerYear: value("capPerYear") ?? entry.capPerYear,
            capTotal: value("capTotal") ?? entry.capTotal, taxable: taxable ?? entry.taxable,
            reducesDepreciableBasis: entry.reducesDepreciableBasis, payee: payee,
            stackingGroup: group ?? entry.stackingGroup, stackingRule: entry.stackingRule,
            provenance: entry.source.provenance, enabled: enabled && applies, eligibilityBasis: eligibilityBasis)
        if !applies { context.droppedPolicies.append(id) }

        let main = entry.parameters.first
        context.traces.append(TracedValue(
            keyPath: f.path, line: f.node.line, value: main.flatMap { value($0.name) }, unit: main?.unit ?? "",
            policy: policyID, parameter: main?.name, times: times,
            source: main?.assumption.map(PolicySource.assumption) ?? entry.source, incentive: id))
        // The benchmark rate (an assumed LPR) decides the subsidy as much as the share does: trace it too.
        if entry.kind == .benchmarkInterestSubsidy, let rate = entry.parameter("benchmarkRate"),
           !set.contains(where: { $0.key == rate.name }) {
            context.traces.append(TracedValue(
                keyPath: "\(f.path).benchmarkRate", line: f.node.line, value: rate.value, unit: rate.unit, policy: policyID,
                parameter: rate.name, source: rate.assumption.map(PolicySource.assumption) ?? entry.source, incentive: id))
        }
        for s in set {
            let catalogueValue: Double?
            switch s.key {
            case "capPerYear": catalogueValue = entry.capPerYear
            case "capTotal": catalogueValue = entry.capTotal
            case "durationYears": catalogueValue = entry.durationYears.map(Double.init)
            case "validFrom": catalogueValue = entry.validFrom.map(Double.init)
            case "validTo": catalogueValue = entry.validTo.map(Double.init)
            case "eligibleAfterYears": catalogueValue = Double(entry.eligibleAfterYears)
            case "passThroughShare": catalogueValue = entry.passThroughShare
            default: catalogueValue = entry.parameter(s.key)?.value
            }
            context.traces.append(TracedValue(
                keyPath: "\(f.path).set.\(s.key)", line: s.line, value: s.value,
                unit: entry.parameter(s.key)?.unit ?? (s.key.hasPrefix("cap") ? "yuan" : ""), policy: policyID,
                parameter: s.key, source: entry.source,
                override: .init(catalogueValue: catalogueValue, reason: reason), incentive: id))
        }
        return incentive
    }
}

extension CatalogueContext {
    /// Semantic checks name incentives by their index in `Scenario.incentives`, where the
    /// `policies:` items follow the written-out ones (and modules' incentives follow both); this
    /// gives such an issue the key path of its `policies[]` item, so that it is located on the right line.
    func remap(_ issue: ScenarioIssue) -> ScenarioIssue {
        guard issue.keyPath.hasPrefix("incentives["), let close = issue.keyPath.firstIndex(of: "]"),
              let index = Int(issue.keyPath[issue.keyPath.index(issue.keyPath.startIndex, offsetBy: 11)..<close]),
              index >= writtenIncentives, index < writtenIncentives + policyIncentives else { return issue }
        var remapped = issue
        remapped.keyPath = "policies[\(index - writtenIncentives)]" + issue.keyPath[issue.keyPath.index(after: close)...]
        return remapped
    }
}

extension Scenario {
    /// Makes `zone` the scenario's zone for catalogue references; reports a zone the
    /// catalogue does not know (unless the catalogue has no zones at all).
    static func selectZone(_ zone: String, _ field: SourceField) {
        guard let context = field.reader.catalogueContext else { return }
        let catalogue = context.catalogue
        if catalogue.zone(zone) == nil, !catalogue.zones.isEmpty {
            let hint = closestMatch(to: zone, in: catalogue.zones.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
            field.reader.fail(field.node, field.path, "unknown zone '\(zone)'\(hint) (steppe zones lists them)")
        }
        context.zone = zone
    }
}
