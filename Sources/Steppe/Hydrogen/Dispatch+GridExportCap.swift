// allocateExport(_:levelPrice:capShare:enforced:year:_:)
//
// The annual grid-export cap of grid-connected integrated wind/solar-to-hydrogen projects:
// 年上网电量不超过项目年总发电量的 20%, checked each January for the year before
// (002_4322e846ed20b2fa.txt L4172-4173). The seeds state no penalty for a breach, so the
// dispatch treats the cap as a hard constraint.

extension Dispatch {
    /// Splits each hour's surplus into export and curtailment so that the year's export is
    /// at most `capShare` of the year's generation, exporting the most valuable hours.
    ///
    /// The denominator is generation *after* curtailment (curtailed energy is not generated,
    /// 发电量), so with self-consumption S and export X the cap X ≤ c (S + X) is exactly
    /// X ≤ B = c / (1 − c) × S: 0.25 × S for c = 20%. S does not depend on the export
    /// (pass 1 dispatches the electrolyser and battery first), so B is exact, not iterated.
    ///
    /// Hours with an export price at or below zero are curtailed. If the other hours' surplus
    /// fits the budget, all of it is exported; otherwise hours are taken from the highest
    /// price down (equal prices: earlier hour first) and the last one exported in part.
    /// With zero generation, nothing is exported. With `enforced` false, every
    /// positive-price surplus is exported and the compliance flag reports the breach.
    ///
    /// Pass 1 has summed the surplus per price level (`b.levelSurplus`, levels highest
    /// first), so the marginal level is found from the top of those sums: levels above it
    /// are exported in full, the marginal one in hour order until the budget is spent (which
    /// is "equal prices: earlier hour first"), the levels below are curtailed. The year's
    /// totals come from the level sums; the hours are filled only with the hourly trace.
    ///
    /// - Complexity: O(*L*) for *L* distinct positive prices, plus O(*n*) with the trace.
    @inline(__always)
    static func allocateExport<Trace: StaticFlag>(_ b: HourlyBuffers, levelPrice: [Double], capShare c: Double,
                                                  enforced: Bool, year: inout DispatchYear, _: Trace.Type) {
        let levels = levelPrice.count   // level `levels` holds the hours at or below zero price
        let budget = c >= 1 ? Double.infinity : c / (1 - c) * year.selfConsumption
        var exportable = 0.0
        for k in 0..<levels { exportable += b.levelSurplus[k] }
        // Levels below `marginal` are exported in full, `partial` MWh of the marginal one.
        var marginal = levels, partial = 0.0
        if enforced, !(exportable <= budget) {
            var left = budget
            marginal = 0
            while marginal < levels, b.levelSurplus[marginal] <= left {
                left -= b.levelSurplus[marginal]
                marginal += 1
            }
            partial = marginal < levels ? left : 0
        }
        var exported = 0.0, curtailed = 0.0, revenue = 0.0
        for k in 0..<marginal {
            exported += b.levelSurplus[k]
            revenue += b.levelSurplus[k] * 1000 * levelPrice[k]
        }
        if marginal < levels {
            exported += partial
            revenue += partial * 1000 * levelPrice[marginal]
            curtailed += b.levelSurplus[marginal] - partial
        }
        for k in min(marginal + 1, levels)...levels { curtailed += b.levelSurplus[k] }
        if Trace.isOn {
            var left = partial
            for h in 0..<ResourceProfile.hoursPerYear {
                let s = b.surplus[h], level = Int(b.level[h])
                var x = 0.0
                if level < marginal {
                    x = s > 0 ? s : 0
                } else if level == marginal, s > 0 {
                    x = min(s, left)
                    left -= x
                }
                b.export[h] = x; b.curtailment[h] = s - x
            }
        }
        year.export = exported
        year.curtailment = curtailed
        year.exportRevenue = revenue
        year.generation = year.selfConsumption + exported
        year.exportBudget = c * year.generation
        year.exportShare = year.generation > 0 ? exported / year.generation : 0
        year.compliant = exported <= c * year.generation + 1e-9 * max(1, year.generation)
    }
}
