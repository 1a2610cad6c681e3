// allocateExport(_:)
//
// The annual grid-export cap of grid-connected integrated wind/solar-to-hydrogen projects:
// 年上网电量不超过项目年总发电量的 20%, checked each January for the year before
// (002_4322e846ed20b2fa.txt L4172-4173). The seeds state no penalty for a breach, so the
// dispatch treats the cap as a hard constraint.

extension Dispatch {
    /// Splits each hour's surplus into export and curtailment so that the year's export is
    /// at most `exportCapShare` of the year's generation, exporting the most valuable hours.
    ///
    /// The denominator is generation *after* curtailment (curtailed energy is not generated,
    /// 发电量), so with self-consumption S and export X the cap X ≤ c (S + X) is exactly
    /// X ≤ B = c / (1 − c) × S: 0.25 × S for c = 20%. S does not depend on the export
    /// (pass 1 dispatches the electrolyser and battery first), so B is exact, not iterated.
    ///
    /// Hours with an export price at or below zero are curtailed. If the other hours' surplus
    /// fits the budget, all of it is exported; otherwise hours are taken from the highest
    /// price down (equal prices: earlier hour first) and the last one exported in part.
    /// With zero generation, nothing is exported. With `enforceExportCap` false, every
    /// positive-price surplus is exported and the compliance flag reports the breach.
    ///
    /// - Complexity: O(*n*): hours are visited in the order of their export price, highest first
    ///   (ties: earlier hour), which `Dispatch.init` sorts once because prices do not change
    ///   between years.
    mutating func allocateExport(_ year: inout DispatchYear) {
        let n = ResourceProfile.hoursPerYear
        let c = plant.exportCapShare
        let budget = c >= 1 ? Double.infinity : c / (1 - c) * year.selfConsumption
        var exportable = 0.0
        for h in 0..<n {
            export[h] = 0
            curtailment[h] = surplus[h]
            if surplus[h] > 0, exportPrice[h] > 0 { exportable += surplus[h] }
        }
        let everything = !plant.enforceExportCap || exportable <= budget
        var left = budget
        for k in 0..<n {
            let h = Int(_priceOrder[k])
            let s = surplus[h]
            guard s > 0, exportPrice[h] > 0 else { continue }
            if everything {
                export[h] = s; curtailment[h] = 0
            } else {
                let x = min(s, left)
                export[h] = x; curtailment[h] = s - x
                left -= x
                if left <= 0 { break }
            }
        }
        var exported = 0.0, curtailed = 0.0, revenue = 0.0
        for h in 0..<n {
            exported += export[h]; curtailed += curtailment[h]
            revenue += export[h] * 1000 * exportPrice[h]
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
