import Foundation
import Steppe

/// The NumPy reference model hand-written as one fused scalar year loop per path, with the
/// same kinds of draws (Philox uniforms through inverse CDFs): not Steppe's engine, but the floor a
/// model-specific kernel would reach on this machine, measured in the same run as the general
/// engine so that their ratio is meaningful. See Benchmarks/README.md.
enum FusedReferenceKernel {
    static let capexPerKW = Distribution.triangular(min: 800, mode: 1000, max: 1300)
    /// Normal(0.35, 0.03) truncated to [0.2, 0.5]: u maps into [F(0.2), F(0.5)], computed once.
    static let capacityFactorCDF = (low: Distribution.normal(mean: 0.35, sd: 0.03).cdf(0.2),
                                    high: Distribution.normal(mean: 0.35, sd: 0.03).cdf(0.5))
    static let price0 = Distribution.lognormal(mu: log(0.04), sigma: 0.15)
    static let escalation = Distribution.uniform(min: 0, max: 0.03)
    static let degradation = Distribution.uniform(min: 0.003, max: 0.007)
    static let opexPerKW = Distribution.normal(mean: 20, sd: 2)
    static let subsidyYears = Distribution.geometric(p: 0.05)

    /// Equity NPV, minimum DSCR and equity payback year of path `path`.
    @inline(never)
    static func path(_ path: Int, stream: RandomStream, uniforms u: UnsafeMutableBufferPointer<Double>) -> (Double, Double, Double) {
        stream.fill(path: UInt64(path), into: u)
        let (low, high) = capacityFactorCDF
        let cf = min(max(0.35 + 0.03 * StandardNormal.quantile(low + u[1] * (high - low)), 0.2), 0.5)
        let capex = 100_000 * capexPerKW.quantile(u[0])
        var price = price0.quantile(u[2])
        let esc = escalation.quantile(u[3]), deg = degradation.quantile(u[4])
        var opex = 100_000 * opexPerKW.quantile(u[5])
        let k = min(subsidyYears.quantile(u[6]), 10)
        let debt = 0.7 * capex, equity0 = capex - debt
        let pmt = debt * 0.06 / (1 - pow(1.06, -15)), dep = capex / 20, e0 = 100_000 * 8760 * cf
        var degf = 1.0, bal = debt, nol = 0.0, disc = 1.0
        var npv = -equity0, cum = -equity0, payback = Double.nan, minDSCR = Double.infinity
        for t in 1...25 {
            let energy = e0 * degf
            let ebitda = energy * price + (Double(t) <= k ? energy * 0.01 : 0) - opex
            var interest = 0.0, service = 0.0
            if t <= 15 { interest = bal * 0.06; bal -= pmt - interest; service = pmt }
            let taxable = ebitda - (t <= 20 ? dep : 0) - interest
            let positive = max(taxable, 0), used = min(nol, positive)
            nol += max(-taxable, 0) - used
            let rate = t <= 3 ? 0 : (t <= 6 ? 0.125 : 0.25)
            let cfads = ebitda - (positive - used) * rate
            if t <= 15 { minDSCR = min(minDSCR, cfads / service) }
            let equity = cfads - service
            disc /= 1.08
            npv += equity * disc; cum += equity
            if payback.isNaN && cum >= 0 { payback = Double(t) }
            degf *= 1 - deg; price *= 1 + esc; opex *= 1.02
        }
        return (npv, minDSCR, payback)
    }
}
