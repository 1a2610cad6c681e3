import Foundation

extension PriceProcess {
    /// The `q`-quantile of the year-`k` multiplier M_k (k >= 1) on its own: since ln M_k is
    /// normal with variance v_k = `logVariance(year:)` and mean -v_k / 2, it is
    /// exp(Φ⁻¹(q) √v_k - v_k / 2). This is the "P10 level in every year" of a tornado, not a path:
    /// no single path sits at the same quantile in every year.
    ///
    /// - Parameter q: in (0, 1).
    public func multiplierQuantile(_ q: Double, year k: Int) -> Double {
        let v = logVariance(year: k)
        return exp(StandardNormal.quantile(q) * v.squareRoot() - v / 2)
    }
}
