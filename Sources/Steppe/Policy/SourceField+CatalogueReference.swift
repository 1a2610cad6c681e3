extension SourceField {
    /// A number taken from the catalogue where the scenario expects one:
    ///
    /// - `{zone: power.industrial-110kv}`: the value of that key in the scenario zone's profile
    ///   (looked up through the zone's ancestors);
    /// - `{policy: electricity.industrial-110kv}`: a policy's parameter (`parameter:` names
    ///   it; the first parameter otherwise).
    ///
    /// `times: x` multiplies the catalogue value (e.g. a share by a total); `value: x`
    /// overrides it, with an optional `reason:`. Either way the value, its citation and any
    /// override are recorded for the report.
    func catalogueNumber(in context: CatalogueContext) -> Double? {
        guard let o = object() else { return nil }
        defer { o.finish() }
        let zoneKey = o.optional("zone")?.string()
        let policyID = o.optional("policy")?.string()
        let parameterName = o.optional("parameter")?.string()
        let times = o.optional("times")?.double()
        let override = o.optional("value")?.double()
        let reason = o.optional("reason")?.string()
        let catalogue = context.catalogue
        guard (zoneKey == nil) != (policyID == nil) else {
            if zoneKey == nil && policyID == nil && !o.has("zone") && !o.has("policy") {
                reader.fail(node, path, "expected a number or a reference {zone: key} or {policy: id}")
            } else if zoneKey != nil {
                reader.fail(node, path, "give either zone or policy, not both")
            }
            return nil
        }
        var resolved: (value: Double, unit: String, source: PolicySource, policy: String?)?
        var parameter = parameterName
        if let zoneKey {
            guard let zone = context.zone else {
                reader.fail(node, "\(path).zone", "a zone reference needs the scenario's top-level 'zone'")
                return nil
            }
            guard catalogue.zone(zone) != nil else { return nil }  // reported at 'zone'
            guard let found = catalogue.value(zoneKey, in: zone) else {
                let hint = closestMatch(to: zoneKey, in: catalogue.valueKeys(in: zone)).map { "; did you mean '\($0)'?" } ?? ""
                reader.fail(node, "\(path).zone", "zone '\(zone)' has no value '\(zoneKey)'\(hint)")
                return nil
            }
            if parameterName != nil { reader.fail(node, "\(path).parameter", "only for policy references"); return nil }
            resolved = catalogue.resolve(found.value)
            parameter = found.value.parameter
            if let id = found.value.policy, let entry = catalogue.policy(id), parameter == nil {
                parameter = entry.parameters.first?.name
            }
        } else if let policyID {
            guard let entry = catalogue.policy(policyID) else { context.unknownPolicy(policyID, self); return nil }
            guard context.checkApplies(entry, self) else { return nil }
            guard let param = parameterName.map({ entry.parameter($0) }) ?? entry.parameters.first else {
                reader.fail(node, "\(path).parameter",
                            "policy '\(policyID)' has no parameter '\(parameterName ?? "")' (it has \(entry.parameters.map(\.name).joined(separator: ", ")))")
                return nil
            }
            parameter = param.name
            resolved = (param.value, param.unit, param.assumption.map(PolicySource.assumption) ?? entry.source, policyID)
        }
        guard let resolved else { reader.fail(node, path, "the catalogue value cannot be resolved"); return nil }
        let base = resolved.value * (times ?? 1)
        let used = override ?? base
        context.traces.append(TracedValue(
            keyPath: path, line: node.line, value: used,
            unit: times.map { "\(resolved.unit) x \($0.formattedPlain)" } ?? resolved.unit, zone: zoneKey == nil ? nil : context.zone,
            zoneKey: zoneKey, policy: resolved.policy, parameter: parameter, times: times, source: resolved.source,
            override: override.map { _ in TracedValue.Override(catalogueValue: base, reason: reason) }))
        return used
    }
}
