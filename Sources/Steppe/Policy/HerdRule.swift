/// How the dairy module pays a catalogue entry from the simulated herd: the entry's `herdRule:`.
///
/// Part of the catalogue's vocabulary (the catalogue reads and checks it); the dairy module computes
/// the amounts (`DairySubsidy.amounts`).
///
/// The amounts and head counts are the entry's parameters, so the catalogue (and a user's
/// `--catalogue`) is the one place they are written and the citation checks see them; the rule
/// only says which herd quantity they multiply or which condition they test. The per-head amount
/// is the entry's first parameter, the one a scenario's `times:` multiplies when it uses the entry
/// through `policies:` instead.
public struct HerdRule: Sendable, Equatable {
    /// How often a band subsidy is paid; the seeds do not say (002 L1056-1059).
    public enum Payment: String, Sendable, Equatable, CaseIterable {
        /// In the first year the herd is in the band.
        case once
        /// In every year the herd is in the band.
        case yearly
    }

    /// The herd quantity or condition; the order is the order the module lists its subsidies in.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The first parameter once, in the first year the cows on 1 January reach `head`; then the
        /// `steps` entry's first parameter for each further full `head` of that entry.
        case herdReaches
        /// The first parameter per cow in years the herd is within `minHead...maxHead`.
        case perHeadInBand
        /// The first parameter per in-calf heifer bought, when the purchases are imported.
        case perImportedHead
        /// The first parameter per insemination with sexed semen.
        case perSexedInsemination
        /// `yuanPerTonne` on silage maize stored locally, up to `tonnesPerCow` per average cow.
        case silagePerCow
        /// The first parameter per cow tested (all cows on 1 January, once a year).
        case perCowTested

        /// Parameters the kind reads besides the first (the per-head amount).
        var requiredParameters: [String] {
            switch self {
            case .herdReaches: return ["head"]
            case .perHeadInBand: return ["minHead", "maxHead"]
            case .silagePerCow: return ["tonnesPerCow", "yuanPerTonne"]
            case .perImportedHead, .perSexedInsemination, .perCowTested: return []
            }
        }
    }

    public var kind: Kind
    /// For `herdReaches`: the entry of the further steps (its first parameter per its `head` more cows).
    public var steps: String?
    /// For `perHeadInBand`: how often it is paid, as the module's default (a scenario may change it).
    public var paid: Payment
    /// Whether a dairy section applies it unless it says otherwise; false where eligibility is a
    /// condition the scenario must assert (a signed investment agreement, an operator type).
    public var enabled: Bool

    public init(kind: Kind, steps: String? = nil, paid: Payment = .once, enabled: Bool = true) {
        self.kind = kind; self.steps = steps; self.paid = paid; self.enabled = enabled
    }

    /// Reads `herdRule: {kind, steps, paid, enabled}`.
    static func read(_ f: SourceField) -> HerdRule? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let kind = o.required("kind")?.choice(Kind.self)
        let steps = o.optional("steps")?.string()
        let paid = o.optional("paid")?.choice(Payment.self) ?? .once
        let enabled = o.optional("enabled")?.bool() ?? true
        guard let kind else { return nil }
        if kind == .herdReaches, steps == nil, !o.has("steps") {
            f.reader.fail(o.node, o.childPath("steps"), "a herdReaches rule needs 'steps' (the entry of the further steps)")
            return nil
        }
        return HerdRule(kind: kind, steps: steps, paid: paid, enabled: enabled)
    }

    /// The rule's problems in `catalogue` for `entry`, each as (key path, message).
    func problems(of entry: PolicyEntry, in catalogue: PolicyCatalogue) -> [(String, String)] {
        var out: [(String, String)] = []
        if entry.parameters.isEmpty { out.append(("\(entry.id).parameters", "a herdRule entry needs its per-head amount as first parameter")) }
        for name in kind.requiredParameters where entry.parameter(name) == nil {
            out.append(("\(entry.id).parameters", "a \(kind.rawValue) herdRule needs parameter \(name)"))
        }
        if let steps {
            if let step = catalogue.policy(steps) {
                if step.parameters.isEmpty || step.parameter("head") == nil {
                    out.append(("\(entry.id).herdRule.steps", "'\(steps)' needs its amount as first parameter and a parameter head"))
                }
            } else {
                out.append(("\(entry.id).herdRule.steps", "unknown policy '\(steps)'"))
            }
        }
        return out
    }
}
