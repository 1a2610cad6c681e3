extension PolicyEntry {
    /// The entry as JSON, every field named as in the catalogue files.
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [
            ("id", .string(id)), ("domain", .string(domain)),
            ("title", .object([("zh", .string(titleZH)), ("en", .string(titleEN))])),
            ("level", .string(level.rawValue)), ("kind", .string(kind.rawValue)), ("appliesIn", .array(scopes.map(JSONValue.string))),
            ("parameters", .object(parameters.map { p in
                var o: [(String, JSONValue)] = [("value", .number(p.value)), ("unit", .string(p.unit))]
                if let a = p.assumption { o.append(("assumption", .string(a))) }
                return (p.name, .object(o))
            })),
        ]
        func add(_ key: String, _ value: JSONValue?) { if let value { m.append((key, value)) } }
        add("eligibility", eligibility.map(JSONValue.string))
        add("validFrom", validFrom.map { .number(Double($0)) })
        add("validTo", validTo.map { .number(Double($0)) })
        var caps: [(String, JSONValue)] = []
        if let capPerYear { caps.append(("perYear", .number(capPerYear))) }
        if let capTotal { caps.append(("total", .number(capTotal))) }
        if let capNote { caps.append(("note", .string(capNote))) }
        if !caps.isEmpty { m.append(("caps", .object(caps))) }
        add("durationYears", durationYears.map { .number(Double($0)) })
        if stackingGroup != nil || stackingNote != nil {
            var s: [(String, JSONValue)] = []
            if let stackingGroup { s.append(("group", .string(stackingGroup))) }
            s.append(("rule", .string(stackingRule.rawValue)))
            if let stackingNote { s.append(("note", .string(stackingNote))) }
            m.append(("stacking", .object(s)))
        }
        m.append(("payee", .string(payee.rawValue)))
        add("herdRule", herdRule?.json)
        add("cohortRule", cohortRule?.json)
        m += source.jsonMembers
        add("note", note.map(JSONValue.string))
        return .object(m)
    }
}

extension HerdRule {
    /// The rule as JSON, keys as in the catalogue files.
    var json: JSONValue {
        var m: [(String, JSONValue)] = [("kind", .string(kind.rawValue))]
        if let steps { m.append(("steps", .string(steps))) }
        if kind == .perHeadInBand { m.append(("paid", .string(paid.rawValue))) }
        m.append(("enabled", .bool(enabled)))
        return .object(m)
    }
}

extension CohortRule {
    /// The rule as JSON, keys as in the catalogue files; conditions left out are omitted.
    var json: JSONValue {
        var m: [(String, JSONValue)] = [("payment", .string(payment.rawValue))]
        func add(_ key: String, _ values: [String]?) { if let values { m.append((key, .array(values.map(JSONValue.string)))) } }
        if let mode { m.append(("mode", .string(mode.rawValue))) }
        add("ordosTiers", ordosTiers?.map(\.rawValue))
        add("bannerTiers", bannerTiers?.map(\.rawValue))
        add("categories", categories?.map(\.rawValue))
        add("origins", origins?.map(\.rawValue))
        if keyFirm { m.append(("keyFirm", .bool(true))) }
        if centralUrbanArea { m.append(("centralUrbanArea", .bool(true))) }
        if scenarioPicksAmount { m.append(("scenarioPicksAmount", .bool(true))) }
        return .object(m)
    }
}

extension PolicyCatalogue {
    /// A zone's profile as JSON: names, type, parent, tags, status, every value visible in
    /// the zone (its own and inherited, with where each is defined and its source) and facts.
    public func json(zone id: String) -> JSONValue? {
        guard let z = zone(id) else { return nil }
        let values: [(String, JSONValue)] = valueKeys(in: id).compactMap { key in
            guard let found = value(key, in: id), let r = resolve(found.value) else { return nil }
            var o: [(String, JSONValue)] = [("value", .number(r.value)), ("unit", .string(r.unit)),
                                            ("definedBy", .string(found.definedBy.id))]
            if let p = r.policy { o.append(("policy", .string(p))) }
            o += r.source.jsonMembers
            return (key, .object(o))
        }
        return .object([
            ("id", .string(z.id)), ("name", .object([("zh", .string(z.nameZH)), ("en", .string(z.nameEN))])),
            ("type", .string(z.type)), ("within", z.within.map(JSONValue.string) ?? .null),
            ("tags", .array(z.tags.map(JSONValue.string))), ("status", .string(z.status)),
            ("values", .object(values)),
            ("facts", .array(z.facts.map { f in .object([("topic", .string(f.topic)), ("text", .string(f.text))] + f.source.jsonMembers) })),
            ("policies", .number(Double(policies(in: id).count))),
        ] + z.source.jsonMembers)
    }
}
