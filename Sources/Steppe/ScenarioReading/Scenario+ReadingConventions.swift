extension Scenario {
    /// `conventions:` as a preset's name (`cn-feasibility`) or a mapping of switches over a preset
    /// (`{preset: cn-feasibility, constructionInterest: yearEndDraws, workingCapital: {…}}`); see
    /// `ProjectConventions`. nil after reporting a problem.
    static func decodeConventions(_ f: SourceField) -> ProjectConventions? {
        if case .scalar = f.node.value {
            return f.choice(ProjectConventions.Preset.self).map(ProjectConventions.init)
        }
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let presetField = o.optional("preset")
        let preset = presetField.map { $0.choice(ProjectConventions.Preset.self) } ?? .steppe
        var failed = presetField != nil && preset == nil
        var c = ProjectConventions(preset ?? .steppe)
        /// Reads a switch `key`, keeping the preset's value when it is absent.
        func read<E: RawRepresentable & CaseIterable>(_ key: String, into value: inout E) where E.RawValue == String {
            guard let field = o.optional(key) else { return }
            if let v = field.choice(E.self) { value = v } else { failed = true }
        }
        read("constructionInterest", into: &c.constructionInterest)
        read("valuationDate", into: &c.valuationDate)
        read("payback", into: &c.payback)
        if let field = o.optional("workingCapital") {
            if let w = decodeWorkingCapital(field) { c.workingCapital = w } else { failed = true }
        }
        return failed ? nil : c
    }

    /// `workingCapital: {share: 0.15, of: revenue, ownFundedShare: 0.3, loanRate: 0.0345}`, or by days of
    /// turnover `{daysOfTurnover: {receivables: 30, inventories: 30, cash: 15, payables: 30}, ...}` in place
    /// of `share` and `of`; the loan rate is required unless all of it is own-funded.
    static func decodeWorkingCapital(_ f: SourceField) -> WorkingCapital? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let daysField = o.optional("daysOfTurnover")
        var days: TurnoverDays?
        var share: Double?, basis: WorkingCapital.Basis?
        if let daysField {
            days = decodeTurnoverDays(daysField)
            if o.has("share") || o.has("of") {
                _ = (o.optional("share"), o.optional("of"))
                f.reader.fail(f.node, o.childPath("daysOfTurnover"), "give either daysOfTurnover (the detailed method) or share and of (the ratio method), not both")
                days = nil
            }
        } else {
            share = o.required("share")?.double(min: 0, max: 10)
            basis = o.required("of")?.choice(WorkingCapital.Basis.self)
        }
        let ownFieldGiven = o.has("ownFundedShare")
        let own = o.optional("ownFundedShare")?.double(min: 0, max: 1)
        let rateField = o.optional("loanRate")
        let rate = rateField?.rate()
        guard (daysField != nil && days != nil) || (share != nil && basis != nil), own != nil || !ownFieldGiven, rate != nil || rateField == nil else { return nil }
        let ownShare = own ?? 0.3
        if rateField == nil && ownShare < 1 {
            f.reader.fail(f.node, o.childPath("loanRate"),
                          "missing required key: \(Int((1 - ownShare) * 100 + 0.5))% of the working capital is borrowed (ownFundedShare \(ownShare.formattedPlain)), so its loan needs a rate")
            return nil
        }
        if let days { return WorkingCapital(turnoverDays: days, ownFundedShare: ownShare, loanRate: rate ?? 0) }
        return WorkingCapital(share: share!, of: basis!, ownFundedShare: ownShare, loanRate: rate ?? 0)
    }

    /// `daysOfTurnover: {receivables, inventories, cash, payables}`, days from 0 to 360 each; payables may not
    /// exceed the current assets (the working capital would be negative).
    static func decodeTurnoverDays(_ f: SourceField) -> TurnoverDays? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let values = ["receivables", "inventories", "cash", "payables"].map { o.required($0)?.double(min: 0, max: TurnoverDays.daysInYear) }
        guard let r = values[0], let i = values[1], let c = values[2], let p = values[3] else { return nil }
        let days = TurnoverDays(receivables: r, inventories: i, cash: c, payables: p)
        if days.netDays < 0 {
            f.reader.fail(f.node, o.childPath("payables"), "payables (\(p.formattedPlain) days) exceed receivables, inventories and cash (\((r + i + c).formattedPlain) days): the working capital would be negative")
            return nil
        }
        return days
    }
}
