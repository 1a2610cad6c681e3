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
    /// Pass 1 has stored each hour's surplus (`b.surplus`). One branch-free pass sums the
    /// exportable surplus (positive price), the rest and the exportable surplus's value. If the
    /// budget covers the exportable surplus (or the cap is not enforced), that is the year's
    /// export. Otherwise the marginal level is found from the top: the surplus of each level
    /// is gathered from its hours (`ExportPriceLevels.hours`), the levels above the marginal
    /// one are exported in full, the marginal one in hour order until the budget is spent
    /// (which is "equal prices: earlier hour first"), the levels below are curtailed; only
    /// the levels down to the marginal one are visited. The hours are filled only with the
    /// hourly trace.
    ///
    /// - Complexity: O(*n*) for *n* hours.
    @inline(__always)
    static func allocateExport<Trace: StaticFlag>(_ b: HourlyBuffers, levelPrice: [Double], capShare c: Double,
                                                  enforced: Bool, year: inout DispatchYear, _: Trace.Type) {
        let levels = levelPrice.count   // level `levels` holds the hours at or below zero price
        let budget = c >= 1 ? Double.infinity : c / (1 - c) * year.selfConsumption
        @inline(__always) func hours(_ h: Int, _ sum: inout ExportSums) {
            let surplus = HourLanes(b.surplus, hour: h)
            let exportable = surplus * HourLanes(b.exportable, hour: h)
            sum.exportable += exportable
            sum.other += surplus - exportable
            sum.value += surplus * HourLanes(b.positivePrice, hour: h)
        }
        var even = ExportSums(), odd = ExportSums()   // two sets of lanes: each addition waits for the one before last
        for h in stride(from: 0, to: ResourceProfile.hoursPerYear, by: 2 * HourLanes.scalarCount) {
            hours(h, &even)
            hours(h + HourLanes.scalarCount, &odd)
        }
        let exportable = (even.exportable + odd.exportable).total, neverExported = (even.other + odd.other).total
        // Levels below `marginal` are exported in full, `partial` MWh of the marginal one.
        var marginal = levels, partial = 0.0
        var exported = exportable, curtailed = neverExported, revenue = (even.value + odd.value).total * 1000
        if enforced, !(exportable <= budget) {
            var left = budget
            exported = 0; revenue = 0
            marginal = 0
            while marginal < levels {
                let surplus = levelSurplus(b, marginal)
                if !(surplus <= left) { break }
                left -= surplus
                exported += surplus
                revenue += surplus * 1000 * levelPrice[marginal]
                marginal += 1
            }
            if marginal < levels {
                partial = left
                exported += partial
                revenue += partial * 1000 * levelPrice[marginal]
            }
            curtailed += max(0, exportable - exported)
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

    /// The running sums of `allocateExport`'s pass over the hours, per lane: exportable surplus,
    /// the rest, and the exportable surplus times its price.
    struct ExportSums { var exportable = HourLanes(), other = HourLanes(), value = HourLanes() }

    /// The surplus of the hours of export price `level`, gathered in hour order (two partial sums).
    @inline(__always)
    static func levelSurplus(_ b: HourlyBuffers, _ level: Int) -> Double {
        var i = Int(b.levelStart[level]), even = 0.0, odd = 0.0
        let end = Int(b.levelStart[level + 1])
        while i + 1 < end {
            even += b.surplus[Int(b.levelHours[i])]
            odd += b.surplus[Int(b.levelHours[i + 1])]
            i += 2
        }
        if i < end { even += b.surplus[Int(b.levelHours[i])] }
        return even + odd
    }
}
