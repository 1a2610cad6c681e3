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
        let years = m.lossCarryForwardYears
        // Losses as vintages, consumed oldest first; `available` is the sum of the usable ones,
        // kept as a running total so each year costs O(1) amortised.
        var oldest = 0
        var available = 0.0
        for t in 0..<n { vintage[t] = 0; rate[t] = statutory }

        // Reduced rates (choose-one: the lowest applies) into `rate`, one switch per incentive;
        // the holiday's parameters (at most one holiday is enabled, see validation).
        var holiday = -1
        var holidayExempt = 0, holidayReduced = 0, holidayFactorOfReduced = 1.0
        var holidayCountFrom = Incentive.HolidayStart.firstRevenueYear
        for i in m.taxPreferenceIndices {
            let scale = m.incentiveScale[i]
            switch m.incentives[i].kind {
            case .taxRate(let r):
                guard scale != 0 else { continue }
                let first = max(m.incentiveFirstYear[i], 0), last = min(m.incentiveLastYear[i], n - 1)
                if first <= last {
                    for t in first...last { rate[t] = min(rate[t], statutory - scale * (statutory - r)) }
                }
            case .taxHoliday(let exempt, let reduced, let factor, let countFrom):
                holiday = i; holidayExempt = exempt; holidayReduced = reduced
                holidayFactorOfReduced = factor; holidayCountFrom = countFrom
            default:
                continue
            }
        }

        for t in 0..<n {
            // Loss offset.
            var taxable = income[t]
            if m.lossTreatment == .carryForward {
                // A loss of year v is usable in years v+1 ... v+years.
                while oldest < t - years {
                    available -= vintage[oldest]
                    oldest += 1
                }
                if taxable < 0 {
                    vintage[t] = -taxable
                    taxable = 0
                } else if taxable > 0 && available > 0 {
                    var allowance = taxable * m.lossOffsetLimit
                    var v = oldest
                    while v < t && allowance > 0 {
                        let used = min(vintage[v], allowance)
                        vintage[v] -= used; allowance -= used; taxable -= used; available -= used
                        v += 1
                    }
                }
                available = max(0, available + vintage[t])
                let expiring = t - years >= oldest ? vintage[t - years] : 0
                lossBalance[t] = max(0, available - expiring)
            } else {
                lossBalance[t] = 0
            }

            // Rate: statutory, reduced (precomputed in `rate`), then the holiday.
            let reduced = rate[t]
            var holidayFactor = 1.0
            if holiday >= 0 && m.incentiveApplies(holiday, in: t) && m.incentiveScale[holiday] != 0 {
                let start: Int
                switch holidayCountFrom {
                case .firstRevenueYear: start = firstRevenue
                case .firstProfitYear:
                    if holidayStart < 0 && taxable > 0 { holidayStart = t }
                    start = holidayStart
                }
                if start >= 0 && t >= start {
                    let k = t - start
                    let phase: Double = k < holidayExempt ? 0 : (k < holidayExempt + holidayReduced ? holidayFactorOfReduced : 1)
                    holidayFactor = 1 - m.incentiveScale[holiday] * (1 - phase)
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
