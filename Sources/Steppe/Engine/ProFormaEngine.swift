/// The annual pro forma of one compiled model, for reports, analyses and the command line.
///
/// There is one implementation of the pro forma: the lane engine (`LaneModel`, Engine/Lanes), which
/// Monte Carlo runs eight paths at a time. A deterministic evaluation runs it with the base case in
/// every lane and records every yearly line of lane 0 into a `Workspace`; its conventions are stated
/// on `LaneModel.yearLoop` and in every report.
public enum ProFormaEngine {
    /// Evaluates `model` into `ws` (every yearly line and the cash flows).
    ///
    /// - Parameter priceScale: multiplies the first product's price path (break-even search).
    public static func run(_ m: CompiledModel, _ ws: inout Workspace, priceScale: Double = 1) {
        var evaluator = DeterministicEvaluator(m)
        evaluator.run(priceScale: priceScale, only: [])
        ws = evaluator.yearly
    }

    /// First and last year index of principal repayment, clipped to the project's years.
    @inlinable
    static func repaymentYears(_ loan: CompiledLoan, _ m: CompiledModel) -> (Int, Int) {
        let last = min(m.operationStart + loan.tenorYears - 1, m.yearCount - 1)
        return (min(m.operationStart + loan.graceYears, last), last)
    }
}
