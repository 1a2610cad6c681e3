extension PolicySource {
    /// `{"citation": {document, lines, phrase}}` or `{"assumption": text}` members.
    var jsonMembers: [(String, JSONValue)] {
        switch self {
        case .citation(let document, let lines, let phrase, _):
            return [("citation", .object([("document", .string(document)), ("lines", .string(lines)),
                                          ("phrase", .string(phrase))]))]
        case .assumption(let source):
            return [("assumption", .string(source))]
        }
    }
}

extension TracedValue {
    /// One `provenance` item of the evaluation JSON: key path, value and unit, the zone and
    /// policy it came through, its citation or assumption, and the override if any.
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [("keyPath", .string(keyPath))]
        if let line { m.append(("line", .number(Double(line)))) }
        m.append(("value", value.map(JSONValue.number) ?? .null))
        m.append(("unit", .string(unit)))
        if let incentive { m.append(("incentive", .string(incentive))) }
        if let zone { m.append(("zone", .string(zone))) }
        if let zoneKey { m.append(("zoneKey", .string(zoneKey))) }
        if let policy { m.append(("policy", .string(policy))) }
        if let parameter { m.append(("parameter", .string(parameter))) }
        if let times { m.append(("times", .number(times))) }
        m += source.jsonMembers
        if let override {
            var o: [(String, JSONValue)] = [("catalogueValue", override.catalogueValue.map(JSONValue.number) ?? .null)]
            if let reason = override.reason { o.append(("reason", .string(reason))) }
            m.append(("override", .object(o)))
        } else {
            m.append(("override", .null))
        }
        return .object(m)
    }
}
