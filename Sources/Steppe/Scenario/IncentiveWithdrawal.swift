/// A policy stress applied to a whole scenario: every incentive, or a named set, withdrawn from
/// a calendar year on (paid, or lowering the tax, only in the years before it).
///
/// Why a scenario-level switch: a finance team's first stress test is "what if every subsidy is
/// withdrawn from year Y", which otherwise takes a hand-edited copy of the scenario with
/// `validTo` on each policy, catalogue and module incentives included.
public struct IncentiveWithdrawal: Sendable, Equatable {
    /// The first calendar year in which the incentives no longer apply.
    public var fromYear: Int
    /// The ids of the incentives withdrawn; nil for every incentive.
    public var incentives: [String]?

    public init(fromYear: Int, incentives: [String]? = nil) {
        self.fromYear = fromYear; self.incentives = incentives
    }

    /// Whether the incentive with `id` is withdrawn.
    public func withdraws(_ id: String) -> Bool { incentives?.contains(id) ?? true }
}
