// allocateExport(_:levelPrice:capShare:enforced:year:surplus:neverExported:levelSurplus:_:)
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
    /// Pass 1 gives the year's `surplus`, the part of it in hours never exported
    /// (`neverExported`), and the surplus of each price level on demand (`levelSurplus`, levels
    /// highest price first), so the marginal level is found from the top: levels above it are
    /// exported in full, the marginal one in hour order until the budget is spent (which is
    /// "equal prices: earlier hour first"), the levels below are curtailed and need not be
    /// summed. With the cap binding, curtailment is the surplus less the export; otherwise it
    /// is the never-exported surplus. The hours are filled only with the hourly trace.
    ///
    /// - Complexity: O(*L*) calls of `levelSurplus` for *L* distinct positive prices, plus O(*n*) with the trace.
    @inline(__always)
    static func allocateExport<Trace: StaticFlag>(_ b: HourlyBuffers, levelPrice: [Double], capShare c: Double,
                                                  enforced: Bool, year: inout DispatchYear,
                                                  surplus: Double, neverExported: Double,
                                                  levelSurplus: (Int) -> Double, _: Trace.Type) {
        let levels = levelPrice.count   // level `levels` holds the hours at or below zero price
        let budget = c >= 1 ? Double.infinity : c / (1 - c) * year.selfConsumption
        let exportable = surplus - neverExported
        // Levels below `marginal` are exported in full, `partial` MWh of the marginal one.
        var marginal = levels, partial = 0.0
        var exported = 0.0, curtailed = 0.0, revenue = 0.0
        if enforced, !(exportable <= budget) {
            year.capBinds = true
            var left = budget
            marginal = 0
            while marginal < levels {
                // The last level's surplus is what the levels above left of the exportable:
                // with a flat price, the year's only level is never summed hour by hour.
                let s = marginal == levels - 1 ? max(0, exportable - exported) : levelSurplus(marginal)
                if s > left { break }
                left -= s
                exported += s
                revenue += s * 1000 * levelPrice[marginal]
                marginal += 1
            }
            if marginal < levels {
                partial = left
                exported += partial
                revenue += partial * 1000 * levelPrice[marginal]
            }
            // Rounding of the sums must not make a sliver of negative curtailment.
            curtailed = max(0, surplus - exported)
        } else {
            for k in 0..<levels {
                let s = levelSurplus(k)
                exported += s
                revenue += s * 1000 * levelPrice[k]
            }
            curtailed = neverExported
        }
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
