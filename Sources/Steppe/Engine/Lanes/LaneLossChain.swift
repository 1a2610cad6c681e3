/// One corporate-income-tax computation in lanes, year after year: the loss vintages and the
/// profit-year holiday start of `ProFormaEngine.corporateIncomeTax`, with the same operations.
///
/// The levered and the unlevered tax each run one chain (their losses and holiday starts differ).
struct LaneLossChain {
    let losses: UnsafeMutableBufferPointer<Lanes>
    /// Sum of the usable vintages.
    var available = Lanes.zero
    /// The oldest vintage still usable.
    var oldest = 0
    /// The first vintage that is not zero in every lane: older ones change nothing when offset.
    var firstLive = 0
    /// Year index of the first profit year once the holiday applies (-1: not yet), for holidays counted from it.
    var holidayStart = Lanes(repeating: -1)

    init(losses: UnsafeMutableBufferPointer<Lanes>) { self.losses = losses }

    /// Income after the loss offset of year `t`; records a loss as that year's vintage.
    ///
    /// As the scalar engine: a loss of year v is usable in years v+1 ... v+`years`, oldest first,
    /// at most `limit` of the year's income.
    @inline(__always)
    mutating func offset(_ income: Lanes, year t: Int, years: Int, limit: Double) -> Lanes {
        while oldest < t - years {
            available -= losses[oldest]
            oldest += 1
        }
        var taxable = income
        let loss = taxable .< 0
        losses[t] = Lanes.zero.replacing(with: -taxable, where: loss)
        taxable = taxable.replacing(with: 0, where: loss)
        var active = (taxable .> 0) .& (available .> 0)
        if laneAny(active) {
            var allowance = taxable * limit
            while firstLive < t && losses[firstLive] == .zero { firstLive += 1 }
            var v = max(oldest, firstLive)
            while v < t {
                active = active .& (allowance .> 0)
                if !laneAny(active) { break }
                let vintage = losses[v]
                let used = laneMin(vintage, allowance)
                losses[v] = vintage.replacing(with: vintage - used, where: active)
                allowance = allowance.replacing(with: allowance - used, where: active)
                taxable = taxable.replacing(with: taxable - used, where: active)
                available = available.replacing(with: available - used, where: active)
                v += 1
            }
        }
        available = laneMax(.zero, available + losses[t])
        return taxable
    }
}
