import Foundation
import Steppe

/// The model of `Benchmarks/reference-model.yaml` (the NumPy reference,
/// `shared/benchmarks/numpy_reference.py`) written out by hand: one loop over its 25 operating years
/// for eight paths at once, from the engine's uniforms, in the reference's own algebra (a single loss
/// pool, the price and output compounded year by year, the subsidy and depreciation inline, a
/// whole-year payback).
///
/// It knows this one model and is not a way to run scenarios, so it lives with the benchmarks, not in
/// the library. It serves two purposes:
/// - the `MonteCarlo` benchmark runs it in the same run as the engine, as the speed a kernel written
///   for one model reaches on the machine (the engine's ratio to it is the cost of generality);
/// - `ReferenceModelKernelTests` checks the engine's paths of the reference scenario against it, an
///   implementation of the model that shares nothing with the engine but the uniforms and the normal
///   quantile (its own triangular quantile, the C library's `exp` and `log1p`).
public struct ReferenceModelKernel: Sendable {
    public typealias Lanes = SIMD8<Double>
    /// The uniforms it reads, in the scenario's dimension order: capex, output, first-year price,
    /// price escalation, output growth, opex, then the subsidy's withdrawal (the engine's layout for
    /// `reference-model.yaml`, whose risk adds three more dimensions that this model leaves unused).
    public static let dimensionsRead = 7

    /// Eight paths' outputs, lane j for path `first + j`.
    public struct Outputs: Sendable {
        /// Equity NPV at 8% (yuan), end-of-year, valued at the end of the capex year.
        public var equityNPV: Lanes
        /// Lowest CFADS / debt service over the 15 years of the loan.
        public var minDSCR: Lanes
        /// The first operating year whose cumulative equity flow is non-negative (NaN: never).
        public var equityPaybackYear: Lanes
    }

    private let outputLow: Double, outputHigh: Double
    /// log(1 - 0.05): the log of a year's survival under the subsidy's withdrawal hazard.
    private let logSurvival = log1p(-0.05)

    public init() {
        // Normal(306.6e6, 26.28e6) truncated to [175.2e6, 438e6]: u maps into [F(low), F(high)].
        let output = Distribution.normal(mean: 306.6e6, sd: 26.28e6)
        outputLow = output.cdf(175.2e6)
        outputHigh = output.cdf(438.0e6)
    }

    /// Triangular(min 80e6, mode 100e6, max 130e6) inverse CDF of each lane.
    private static func capexQuantile(_ u: Lanes) -> Lanes {
        let a = 80e6, c = 100e6, b = 130e6
        let below = u .< (c - a) / (b - a)
        let left = a + (u * (b - a) * (c - a)).squareRoot()
        let right = b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        return right.replacing(with: left, where: below)
    }

    /// Each lane's value of `f` applied to its own number.
    private static func laneByLane(_ x: Lanes, _ f: (Double) -> Double) -> Lanes {
        var out = Lanes.zero
        for j in 0..<Lanes.scalarCount { out[j] = f(x[j]) }
        return out
    }

    /// The outputs of the eight paths whose uniforms are `u[0 ..< dimensionsRead]`.
    public func evaluate(_ u: UnsafePointer<Lanes>) -> Outputs {
        typealias L = Lanes
        let capex = Self.capexQuantile(u[0])
        let e0 = 306.6e6 + 26.28e6 * StandardNormal.quantile(outputLow + u[1] * (outputHigh - outputLow))
        var price = Self.laneByLane(-3.2188758248682006 + 0.15 * StandardNormal.quantile(u[2])) { exp($0) }
        let escalation = 0.03 * u[3], growth = -0.007 + 0.004 * u[4]
        var opex = 2.0e6 + 0.2e6 * StandardNormal.quantile(u[5])
        // Subsidy years K = 1 + whole years before the withdrawal (K >= 1, geometric with p = 0.05), at most 10.
        let survived = Self.laneByLane(u[6]) { (log1p(-$0) / logSurvival).rounded(.down) }
        let subsidyYears = (survived + 1).replacing(with: 10, where: survived + 1 .> 10)
        let debt = 0.7 * capex, equity = capex - debt
        let payment = debt * (0.06 / (1 - pow(1.06, -15))), depreciation = capex / 20
        var output = e0, balance = debt, losses = L.zero, discount = 1.0
        var npv = L.zero - equity, cumulative = L.zero - equity
        var payback = L(repeating: .nan), minDSCR = L(repeating: .infinity)
        var open = SIMDMask<L.MaskStorage>(repeating: true)
        for t in 1...25 {
            let subsidy = L.zero.replacing(with: output * 0.01, where: L(repeating: Double(t)) .<= subsidyYears)
            let ebitda = output * price + subsidy - opex
            var interest = L.zero, service = L.zero
            if t <= 15 { interest = balance * 0.06; balance -= payment - interest; service = payment }
            let taxable = ebitda - (t <= 20 ? depreciation : .zero) - interest
            let positive = taxable.replacing(with: 0, where: taxable .< 0)
            let used = losses.replacing(with: positive, where: positive .< losses)
            losses += (L.zero - taxable).replacing(with: 0, where: taxable .> 0) - used
            let rate = t <= 3 ? 0 : (t <= 6 ? 0.125 : 0.25)
            let cfads = ebitda - (positive - used) * rate
            if t <= 15 {
                let dscr = cfads / service
                minDSCR.replace(with: dscr, where: dscr .< minDSCR)
            }
            let flow = cfads - service
            discount /= 1.08
            npv += flow * discount
            cumulative += flow
            if any(open) {
                let crosses = open .& (cumulative .>= 0)
                payback.replace(with: Double(t), where: crosses)
                open = open .& .!crosses
            }
            output *= 1 + growth; price *= 1 + escalation; opex *= 1.02
        }
        return Outputs(equityNPV: npv, minDSCR: minDSCR, equityPaybackYear: payback)
    }
}
