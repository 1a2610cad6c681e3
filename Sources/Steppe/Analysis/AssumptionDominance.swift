/// Warns when a value the seeds do not state (an incentive labelled `assumption`) carries
/// most of the result: finance teams should know when the answer rests on a guess.
public enum AssumptionDominance {
    /// Share of |equity NPV| above which an assumption "dominates".
    public static let threshold = 0.5

    /// One warning per assumption-labelled incentive whose removal changes the equity NPV by
    /// more than `threshold` of its magnitude.
    public static func warnings(for model: CompiledModel) -> [String] {
        let analysis = IncentiveDependence(model: model)
        let n = model.incentives.count
        guard n > 0, let all = analysis.value(scales: Array(repeating: 1, count: n), IncentiveDependence.equityNPV),
              abs(all) > 0 else { return [] }
        var warnings: [String] = []
        for (i, incentive) in model.incentives.enumerated() {
            guard case .assumption(let source) = incentive.provenance else { continue }
            var scales = [Double](repeating: 1, count: n)
            scales[i] = 0
            guard let without = analysis.value(scales: scales, IncentiveDependence.equityNPV) else { continue }
            let share = abs(all - without) / abs(all)
            if share > threshold {
                let percent = Int((share * 100).rounded())
                warnings.append("warning: incentive '\(incentive.id)' is an assumption (\(source)) and accounts for \(percent)% of the equity NPV")
            }
        }
        return warnings
    }
}
