/// The per-path outputs the Monte Carlo runner tracks, and how each is computed.
///
/// Each is the deterministic metric of the same name (see `Metrics`) evaluated on one
/// path's pro forma. The break-even price is not tracked: it needs a root search per path.
public enum PathMetric: Int, CaseIterable, Sendable {
    case equityNPV, projectNPV, equityIRR, projectIRR, minDSCR, paybackYears, equityPaybackYears, levelizedCost

    public var name: String {
        switch self {
        case .equityNPV: "equityNPV"
        case .projectNPV: "projectNPV"
        case .equityIRR: "equityIRR"
        case .projectIRR: "projectIRR"
        case .minDSCR: "minDSCR"
        case .paybackYears: "paybackYears"
        case .equityPaybackYears: "equityPaybackYears"
        case .levelizedCost: "levelizedCost"
        }
    }

    /// Why the metric can be undefined on a path, for reports beside the count of such paths.
    public var undefinedReason: String {
        let extreme = "or the pro forma is not finite or beyond 1e30 yuan (inputs too extreme)"
        switch self {
        case .equityNPV, .projectNPV: return "the pro forma is not finite or beyond 1e30 yuan (inputs too extreme)"
        case .equityIRR, .projectIRR: return "the cash flow never changes sign or has several rates giving NPV 0, \(extreme)"
        case .minDSCR: return "no year has scheduled debt service, \(extreme)"
        case .paybackYears, .equityPaybackYears: return "the cumulative cash flow never turns non-negative, \(extreme)"
        case .levelizedCost: return "the present value of output is zero, \(extreme)"
        }
    }

    /// The largest magnitude of a metric value the Monte Carlo accumulators count as defined.
    ///
    /// Why: sums of squared deviations are exact sums with 320 integer bits (about 2e96), so a value
    /// of 1e50 (say from a discount rate near -100 % or an escalation of 1e6) would overflow them; no
    /// project has an NPV or cost beyond 1e30 yuan. A value beyond it counts as undefined, like NaN.
    public static let largestMagnitude = 1e30

    /// Whether `x` is a value the accumulators take: finite and at most `largestMagnitude` in magnitude.
    @inline(__always)
    public static func isAccountable(_ x: Double) -> Bool { abs(x) <= largestMagnitude }

    /// Every metric of the model's base case (its deterministic pro forma), indexed by `rawValue`;
    /// NaN where a metric is undefined or beyond `largestMagnitude`.
    public static func baseCase(_ m: CompiledModel) -> [Double] {
        var evaluator = DeterministicEvaluator(m)
        evaluator.run()
        return allCases.map { metric in
            let value = evaluator.metric(metric)
            return isAccountable(value) ? value : .nan
        }
    }

    /// Whether the metric reads the project cash flow (so the engine must compute the unlevered tax).
    public var needsProjectCashFlow: Bool {
        switch self {
        case .projectNPV, .projectIRR, .paybackYears: true
        case .equityNPV, .equityIRR, .minDSCR, .equityPaybackYears, .levelizedCost: false
        }
    }
}
