extension ProFormaEngine {
    /// Corporate income tax on `income` (taxable income before loss offset), year by year.
    ///
    /// Order within a year: losses of the last `lossCarryForwardYears` years offset the
    /// income (oldest first, at most `lossOffsetLimit` of it); the rate is then applied.
    /// Losses keep carrying forward through holiday years, and income in an exempt
    /// year still consumes them, as under 企业所得税法 Art. 18 (assumption: not in the seeds).
    ///
    /// The rate is the statutory rate, lowered by any active `taxRate` incentive (the
    /// lowest applies: choose-one, extract-002-C E-6), then combined with an active
    /// holiday by the scenario's `holidayStacking` rule. A scaled incentive keeps that
    /// fraction of its rate reduction.
    static func corporateIncomeTax(
        _ m: CompiledModel, income: [Double], firstRevenue: Int,
        tax: inout [Double], lossBalance: inout [Double], rate: inout [Double], vintage: inout [Double]
    ) {
        let n = m.yearCount
        let statutory = m.citRate
        var holidayStart = -1  // per holiday incentive; at most a few, resolved lazily below
        for t in 0..<n { vintage[t] = 0 }

        for t in 0..<n {
            // Loss offset.
            var taxable = income[t]
            if m.lossTreatment == .carryForward {
                if taxable < 0 {
                    vintage[t] = -taxable
                    taxable = 0
                } else if taxable > 0 {
                    var allowance = taxable * m.lossOffsetLimit
                    var v = max(0, t - m.lossCarryForwardYears)
                    while v < t && allowance > 0 {
                        let used = min(vintage[v], allowance)
                        vintage[v] -= used; allowance -= used; taxable -= used
                        v += 1
                    }
                }
                var balance = 0.0
                for v in max(0, t - m.lossCarryForwardYears + 1)...t { balance += vintage[v] }
                lossBalance[t] = balance
            } else {
                lossBalance[t] = 0
            }

            // Rate: statutory, reduced, then holiday.
            var reduced = statutory
            var holidayFactor = 1.0
            for (i, inc) in m.incentives.enumerated() where m.incentiveApplies(i, in: t) {
                let scale = m.incentiveScale[i]
                guard scale != 0 else { continue }
                switch inc.kind {
                case .taxRate(let r):
                    reduced = min(reduced, statutory - scale * (statutory - r))
                case .taxHoliday(let exempt, let reducedYears, let factor, let countFrom):
                    let start: Int
                    switch countFrom {
                    case .firstRevenueYear: start = firstRevenue
                    case .firstProfitYear:
                        if holidayStart < 0 && taxable > 0 { holidayStart = t }
                        start = holidayStart
                    }
                    guard start >= 0, t >= start else { continue }
                    let k = t - start
                    let phase: Double = k < exempt ? 0 : (k < exempt + reducedYears ? factor : 1)
                    holidayFactor = min(holidayFactor, 1 - scale * (1 - phase))
                default:
                    continue
                }
            }
            let r: Double
            switch m.holidayStacking {
            case .lowerOf: r = holidayFactor < 1 ? min(reduced, statutory * holidayFactor) : reduced
            case .halveReducedRate: r = reduced * holidayFactor
            }
            rate[t] = r
            tax[t] = r * taxable
        }
    }
}
