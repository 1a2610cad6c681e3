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

    /// `workingCapital: {share: 0.15, of: revenue, ownFundedShare: 0.3, loanRate: 0.0345}`; the loan
    /// rate is required unless all of it is own-funded.
    static func decodeWorkingCapital(_ f: SourceField) -> WorkingCapital? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let share = o.required("share")?.double(min: 0, max: 10)
        let basis = o.required("of")?.choice(WorkingCapital.Basis.self)
        let ownFieldGiven = o.has("ownFundedShare")
        let own = o.optional("ownFundedShare")?.double(min: 0, max: 1)
        let rateField = o.optional("loanRate")
        let rate = rateField?.rate()
        guard let share, let basis, own != nil || !ownFieldGiven, rate != nil || rateField == nil else { return nil }
        let ownShare = own ?? 0.3
        if rateField == nil && ownShare < 1 {
            f.reader.fail(f.node, o.childPath("loanRate"),
                          "missing required key: \(Int((1 - ownShare) * 100 + 0.5))% of the working capital is borrowed (ownFundedShare \(ownShare.formattedPlain)), so its loan needs a rate")
            return nil
        }
        return WorkingCapital(share: share, of: basis, ownFundedShare: ownShare, loanRate: rate ?? 0)
    }
}
