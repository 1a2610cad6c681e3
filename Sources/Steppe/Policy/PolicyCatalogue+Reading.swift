extension PolicyCatalogue {
    /// Decodes catalogue documents: each is a mapping with `domain` and `policies`, and/or
    /// `zones`. Every problem is reported at once, one line each with file, line and key path.
    ///
    /// Cross-references (a zone's parent, a zone value's policy) are checked by `validate()`,
    /// so that a user's files may refer to entries of the shipped catalogue.
    ///
    /// - Parameter documents: `(file name for messages, parsed document)` pairs, applied in order.
    /// - Throws: `ScenarioErrors` with one issue per problem.
    public init(reading documents: [(file: String, node: SourceNode)]) throws(ScenarioErrors) {
        var catalogue = PolicyCatalogue()
        var issues: [ScenarioIssue] = []
        for (file, node) in documents {
            let reader = SourceReader(file: file)
            let root = SourceField(node: node, path: "", reader: reader)
            var seen = Set<String>()
            if let o = root.object() {
                let domain = o.has("policies") ? o.required("domain")?.string() : o.optional("domain")?.string()
                let policies = o.optional("policies")?.list { PolicyCatalogue.decodeEntry($0, domain: domain ?? "") } ?? []
                let zones = o.optional("zones")?.list(PolicyCatalogue.decodeZone) ?? []
                o.finish()
                for p in policies {
                    if !seen.insert(p.id).inserted {
                        reader.fail(SourceNode(.null, line: p.line), p.id, "duplicate policy id in this file")
                    }
                    catalogue.upsert(p)
                }
                for z in zones {
                    if !seen.insert(z.id).inserted {
                        reader.fail(SourceNode(.null, line: z.line), z.id, "duplicate zone id in this file")
                    }
                    catalogue.upsert(z)
                }
            }
            issues += reader.issues
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        self = catalogue
    }

    static func decodeEntry(_ f: SourceField, domain: String) -> PolicyEntry? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let title = o.required("title")?.object()
        let zh = title?.required("zh")?.string()
        let en = title?.required("en")?.string()
        title?.finish()
        let level = o.required("level")?.choice(PolicyEntry.Level.self)
        let kind = o.required("kind")?.choice(PolicyEntry.Kind.self)
        var parameters: [PolicyEntry.Parameter] = []
        var parametersFailed = false
        if let p = o.optional("parameters")?.object() {
            for entry in p.entries {
                guard let field = p.optional(entry.key), let po = field.object() else { parametersFailed = true; continue }
                // An incentive's parameters get the checks of the same values written in a scenario.
                let valueField = po.required("value")
                let value = kind?.isIncentive == true ? valueField?.incentiveParameter(entry.key) : valueField?.double()
                let unit = po.required("unit")?.string()
                let assumption = po.optional("assumption")?.string()
                po.finish()
                if let value, let unit {
                    parameters.append(.init(name: entry.key, value: value, unit: unit, assumption: assumption))
                } else { parametersFailed = true }
            }
            p.finish()
        }
        let eligibility = o.optional("eligibility")?.string()
        let validFrom = o.optional("validFrom")?.wholeIncentiveParameter("validFrom")
        let validTo = o.optional("validTo")?.wholeIncentiveParameter("validTo")
        var capPerYear: Double?, capTotal: Double?, capNote: String?
        if let caps = o.optional("caps")?.object() {
            capPerYear = caps.optional("perYear")?.incentiveParameter("capPerYear")
            capTotal = caps.optional("total")?.incentiveParameter("capTotal")
            capNote = caps.optional("note")?.string()
            caps.finish()
        }
        let duration = o.optional("durationYears")?.wholeIncentiveParameter("durationYears")
        let eligibleFrom = o.optional("eligibleFrom")?.choice(Incentive.EligibilityStart.self) ?? .startYear
        let after = o.optional("eligibleAfterYears")?.wholeIncentiveParameter("eligibleAfterYears") ?? 0
        let countFrom = o.optional("countFrom")?.choice(Incentive.HolidayStart.self) ?? .firstRevenueYear
        var group: String?, rule = Incentive.StackingRule.additive, stackingNote: String?
        if let s = o.optional("stacking")?.object() {
            group = s.optional("group")?.string()
            rule = s.optional("rule")?.choice(Incentive.StackingRule.self) ?? .additive
            stackingNote = s.optional("note")?.string()
            s.finish()
        }
        let payee = o.optional("payee")?.choice(PolicyEntry.Payee.self) ?? .firm
        let passThrough = o.optional("passThroughShare")?.incentiveParameter("passThroughShare") ?? 0
        let taxable = o.optional("taxable")?.bool() ?? false
        let reduces = o.optional("reducesDepreciableBasis")?.bool() ?? false
        let appliesIn = o.optional("appliesIn")?.list { $0.string() } ?? []
        let note = o.optional("note")?.string()
        let herdField = o.optional("herdRule"), cohortField = o.optional("cohortRule")
        let herdRule = herdField.flatMap(HerdRule.read), cohortRule = cohortField.flatMap(CohortRule.read)
        let source = decodeSource(o, f)
        guard let id, let zh, let en, let level, let kind, let source, !parametersFailed,
              herdField == nil || herdRule != nil, cohortField == nil || cohortRule != nil else { return nil }
        return PolicyEntry(id: id, domain: domain, titleZH: zh, titleEN: en, level: level, kind: kind,
                           parameters: parameters, eligibility: eligibility, validFrom: validFrom, validTo: validTo,
                           capPerYear: capPerYear, capTotal: capTotal, capNote: capNote, durationYears: duration,
                           eligibleFrom: eligibleFrom, eligibleAfterYears: after, countFrom: countFrom,
                           stackingGroup: group, stackingRule: rule, stackingNote: stackingNote, payee: payee,
                           passThroughShare: passThrough, taxable: taxable, reducesDepreciableBasis: reduces,
                           appliesIn: appliesIn, herdRule: herdRule, cohortRule: cohortRule, source: source, note: note,
                           file: f.reader.file, line: f.node.line)
    }

    static func decodeZone(_ f: SourceField) -> Zone? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let name = o.required("name")?.object()
        let zh = name?.required("zh")?.string()
        let en = name?.required("en")?.string()
        name?.finish()
        let type = o.required("type")?.string()
        let within = o.optional("within")?.string()
        let tags = o.optional("tags")?.list { $0.string() } ?? []
        let status = o.optional("status")?.string() ?? "operating"
        var values: [Zone.Value] = []
        var valuesFailed = false
        if let vo = o.optional("values")?.object() {
            for entry in vo.entries {
                guard let field = vo.optional(entry.key), let v = decodeZoneValue(field, key: entry.key) else {
                    valuesFailed = true; continue
                }
                values.append(v)
            }
            vo.finish()
        }
        let facts = o.optional("facts")?.list { (ff: SourceField) -> Zone.Fact? in
            guard let fo = ff.object() else { return nil }
            defer { fo.finish() }
            let topic = fo.required("topic")?.string()
            let text = fo.required("text")?.string()
            let source = decodeSource(fo, ff)
            guard let topic, let text, let source else { return nil }
            return Zone.Fact(topic: topic, text: text, source: source)
        }
        let source = decodeSource(o, f)
        guard let id, let zh, let en, let type, let source, !valuesFailed, let facts = facts ?? (o.has("facts") ? nil : [])
        else { return nil }
        return Zone(id: id, nameZH: zh, nameEN: en, type: type, within: within, tags: tags, status: status,
                    values: values, facts: facts, source: source, file: f.reader.file, line: f.node.line)
    }

    static func decodeZoneValue(_ f: SourceField, key: String) -> Zone.Value? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        if o.has("policy") {
            let policy = o.required("policy")?.string()
            let parameter = o.optional("parameter")?.string()
            guard let policy else { return nil }
            return Zone.Value(key: key, policy: policy, parameter: parameter)
        }
        let value = o.required("value")?.double()
        let unit = o.required("unit")?.string()
        let source = decodeSource(o, f)
        guard let value, let unit, let source else { return nil }
        return Zone.Value(key: key, value: value, unit: unit, source: source)
    }

    /// `citation: {document, lines, phrase}` or `assumption: "source"`: exactly one is required.
    static func decodeSource(_ o: SourceObject, _ f: SourceField) -> PolicySource? {
        let assumption = o.optional("assumption")?.string()
        if let c = o.optional("citation")?.object() {
            defer { c.finish() }
            let document = c.required("document")?.string()
            let lines = c.required("lines")?.string()
            let phrase = c.required("phrase")?.string()
            let note = c.optional("note")?.string()
            if assumption != nil {
                f.reader.fail(o.node, o.childPath("assumption"), "give either citation or assumption, not both")
                return nil
            }
            guard let document, let lines, let phrase else { return nil }
            if PolicyCatalogue.lineRange(lines) == nil {
                f.reader.fail(o.node, o.childPath("citation.lines"), "expected a line or a range like \"4172-4173\" (got \(lines))")
                return nil
            }
            return .citation(document: document, lines: lines, phrase: phrase, note: note)
        }
        if let assumption { return .assumption(assumption) }
        if !o.has("citation") && !o.has("assumption") {
            f.reader.fail(o.node, o.childPath("citation"),
                          "missing: every entry needs a citation {document, lines, phrase} or an assumption naming its source")
        }
        return nil
    }

    /// `"4172-4173"` or `"178"` as a closed range of 1-based line numbers.
    public static func lineRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { Int(String($0.filter { $0 != " " })) }
        switch parts.count {
        case 1: if let a = parts[0], a >= 1 { return a...a }
        case 2: if let a = parts[0], let b = parts[1], a >= 1, a <= b { return a...b }
        default: break
        }
        return nil
    }
}
