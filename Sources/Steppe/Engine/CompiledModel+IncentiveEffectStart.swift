extension CompiledModel {
    /// The year index in which each incentive first changes the project's cash flow in the base
    /// case: the first year it pays, or the first year its tax preference lowers the tax
    /// (`yearCount` when it never does, e.g. a "highest only" group member that loses its group).
    ///
    /// Why not the eligibility window's first year: a window often opens before the project
    /// starts (a policy valid from 2023 for a project starting in 2026), and a holiday or a
    /// production subsidy takes effect only once there is revenue. A delay counted from the
    /// window's start then moves nothing, and "delayed one year" would read as "no effect".
    /// A delay of d years (policy-risk `delayYears` and the analysis's one-year delay) starts
    /// the incentive d years after this year instead.
    ///
    /// Found by comparing the equity cash flow with every incentive as configured against the
    /// same run without incentive `i`, year by year (one run plus one per incentive).
    public func incentiveEffectStart() -> [Int] {
        let n = yearCount
        var workspace = Workspace(for: self)
        ProFormaEngine.run(self, &workspace)
        let withAll = workspace.equityCashFlow
        return incentives.indices.map { i in
            guard incentiveScale[i] != 0 else { return n }
            var without = self
            without.incentiveScale[i] = 0
            ProFormaEngine.run(without, &workspace)
            return (0..<n).first { workspace.equityCashFlow[$0] != withAll[$0] } ?? n
        }
    }
}
