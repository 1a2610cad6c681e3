/// One corporate-income-tax computation in lanes, year after year: loss vintages, the holiday counted
/// from the first profit year, the rate.
///
/// Order within a year: losses of the last `lossCarryForwardYears` years offset the income (oldest
/// first, at most `lossOffsetLimit` of it); the rate is then applied. Losses keep carrying forward
/// through holiday years, and income in an exempt year still consumes them, as under 企业所得税法
/// Art. 18 (assumption: not in the seeds). The rate is the statutory rate, lowered by any active
/// `taxRate` incentive (the lowest applies: choose-one, extract-002-C E-6), then combined with an
/// active holiday by the scenario's `holidayStacking` rule; a scaled incentive keeps that fraction of
/// its rate reduction.
///
/// The levered and the unlevered tax each run one chain (their losses and holiday starts differ).
struct LaneTaxChain {
    let losses: UnsafeMutableBufferPointer<Lanes>
    /// Sum of the usable vintages.
    var available = Lanes.zero
    /// The oldest vintage still usable.
    var oldest = 0
    /// The first vintage that is not zero in every lane: older ones change nothing when offset.
    var firstLive = 0
    /// Year index of the first profit year once the holiday applies (-1: not yet), for holidays counted from it.
    var holidayStart = Lanes(repeating: -1)
    /// The rate of the last year taxed.
    var rate = Lanes.zero

    init(losses: UnsafeMutableBufferPointer<Lanes>) { self.losses = losses }

    /// Income after the loss offset of year `t`; records a loss as that year's vintage.
    ///
    /// A loss of year v is usable in years v+1 ... v+`years`, oldest first, at most `limit` of the
    /// year's income.
    // `@_transparent`: the year loop is too large for the optimiser to honour `@inline(__always)`, and
    // a call passes every lane vector through memory (measured: 1.9 -> 2.5 million paths/s on one thread).
    @_transparent
    /// Lanes in `keeping` (a holiday's exempt years whose income leaves losses alone) offset nothing.
    mutating func offset(_ income: Lanes, year t: Int, years: Int, limit: Double,
                         keeping: SIMDMask<Lanes.MaskStorage> = SIMDMask(repeating: false)) -> Lanes {
        while oldest < t - years {
            available -= losses[oldest]
            oldest += 1
        }
        var taxable = income
        let loss = taxable .< 0
        losses[t] = Lanes.zero.replacing(with: -taxable, where: loss)
        taxable = taxable.replacing(with: 0, where: loss)
        var active = (taxable .> 0) .& (available .> 0) .& .!keeping
        if laneAny(active) {
            var allowance = taxable * limit
            while firstLive < t && losses[firstLive] == .zero { firstLive += 1 }
            var v = oldest > firstLive ? oldest : firstLive   // not `max`: called out of line here
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

    /// The tax of year `t` on `income` (before loss offset): loss offset (when `carriesLosses`), then
    /// the reduced rate combined with the holiday by `stacking`. The rate is kept in `rate`.
    @_transparent
    mutating func tax(_ income: Lanes, year t: Int, rule: LaneModel.TaxYear, carriesLosses: Bool, years: Int, limit: Double) -> Lanes {
        let taxable = carriesLosses ? offset(income, year: t, years: years, limit: limit, keeping: rule.keepsLosses) : income
        if let rate = rule.rate {
            self.rate = rate
            return rate * taxable
        }
        // A holiday counted from the first profit year: this chain's own start.
        let year = Lanes(repeating: Double(t))
        holidayStart.replace(with: year, where: rule.holidayApplies .& (holidayStart .< 0) .& (taxable .> 0))
        rate = rule.rate(holidayFrom: holidayStart, year: t)
        return rate * taxable
    }

    /// Losses still usable after year `t` (after `tax` of that year, with losses carried forward):
    /// the usable vintages less the one that expires at the end of the year.
    func lossBalance(year t: Int, years: Int) -> Lanes {
        let expiring = t - years >= oldest ? losses[t - years] : .zero
        return laneMax(.zero, available - expiring)
    }
}

extension LaneModel.TaxYear {
    /// The year's rate: the reduced rate combined with the holiday counted from `start` by the stacking rule.
    @_transparent
    func rate(holidayFrom start: Lanes, year t: Int) -> Lanes {
        guard let holiday else { return reduced }
        let year = Lanes(repeating: Double(t))
        let k = year - start
        let counts = holidayApplies .& (start .>= 0) .& (year .>= start)
        // Past its exempt and reduced years a holiday's factor is 1 - scale * 0 = 1: the rate stays the reduced one.
        guard laneAny(counts .& (k .< holiday.endOfReduced)) else { return reduced }
        let phase = Lanes(repeating: 1).replacing(with: holiday.reducedFactor, where: k .< holiday.endOfReduced)
            .replacing(with: 0, where: k .< holiday.exemptYears)
        let factor = Lanes(repeating: 1).replacing(with: 1 - holidayScale * (1 - phase), where: counts)
        switch stacking {
        case .lowerOf: return reduced.replacing(with: laneMin(reduced, statutory * factor), where: factor .< 1)
        case .halveReducedRate: return reduced * factor
        }
    }
}
