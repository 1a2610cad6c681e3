extension LaneModel {
    /// The cash amount of every cash incentive in every year, into `ws.incentiveAmount` (row: the
    /// incentive's index): the raw amount inside the path's window, then scale, yearly and total caps
    /// and a clawback, then "highest only" groups. Tax preferences pay no cash (their rows stay 0);
    /// they act through the CIT rate in the year loop.
    ///
    /// Needs the path's rows, capex and loan balances only, so it runs after `scheduleLoans`, before
    /// depreciation (which capital grants may reduce) and before the year loop, which adds the rows up.
    func incentiveAmounts(_ ws: LaneWorkspace) {
        let n = yearCount
        let cash = ws.cashIncentives
        for k in cash.indices {
            let c = cash.baseAddress! + k
            let i = c.pointee.index, row = ws.incentiveAmount.baseAddress! + i * n
            let scale = ws.incentiveScale[i]
            let first = laneMax(ws.incentiveFirst[i], .zero), last = laneMin(ws.incentiveLast[i], Lanes(repeating: Double(n - 1)))
            let open = (scale .!= 0) .& (first .<= last)
            var paid = Lanes.zero
            for t in 0..<n {
                let year = Lanes(repeating: Double(t))
                let raw = rawAmount(c, year: t, first: first, ws)
                let pays = open .& (year .>= first) .& (year .<= last) .& (raw .!= 0)
                if let clawback = c.pointee.clawsBack ? ws.incentiveClawback[i] : nil {
                    // Everything received so far is repaid in the clawback year, and nothing is paid after it.
                    let repays = year .== clawback, after = (clawback .>= 0) .& (year .> clawback)
                    let received = pays .& .!repays .& .!after
                    let capped = Self.capped(raw * scale, c, paid: paid)
                    row[t] = Lanes.zero.replacing(with: capped, where: received).replacing(with: -paid, where: repays)
                    paid = paid.replacing(with: paid + row[t], where: received).replacing(with: Lanes.zero, where: repays)
                } else if c.pointee.isCapped {
                    let capped = Self.capped(raw * scale, c, paid: paid)
                    row[t] = Lanes.zero.replacing(with: capped, where: pays)
                    paid.replace(with: paid + row[t], where: pays)
                } else {
                    // min(x, +inf, max(0, +inf - paid)) is x itself: no caps, nothing to track.
                    row[t] = Lanes.zero.replacing(with: raw * scale, where: pays)
                }
            }
        }
        if !highestOnlyGroups.isEmpty { keepHighestOnly(ws) }
    }

    /// A year's scaled amount after the yearly cap and what is left of the total cap (`paid` so far).
    @inline(__always)
    static func capped(_ amount: Lanes, _ c: UnsafeMutablePointer<CashIncentive>, paid: Lanes) -> Lanes {
        laneMin(laneMin(amount, Lanes(repeating: c.pointee.capPerYear)), laneMax(.zero, c.pointee.capTotal - paid))
    }

    /// "Highest only" groups (就高不重复): in each lane, only the group's item with the largest total
    /// over the years is received, the first on ties. Items that pay no cash (tax preferences) total 0.
    private func keepHighestOnly(_ ws: LaneWorkspace) {
        let n = yearCount
        for members in highestOnlyGroups {
            var best = Lanes(repeating: -.infinity), winner = Lanes(repeating: -1)
            for i in members {
                var total = Lanes.zero
                if paysCash[i] { for t in 0..<n { total += ws.incentiveAmount[i * n + t] } }
                let better = total .> best
                best.replace(with: total, where: better)
                winner.replace(with: Double(i), where: better)
            }
            for i in members where paysCash[i] {
                let loses = winner .!= Double(i)
                for t in 0..<n { ws.incentiveAmount[i * n + t].replace(with: Lanes.zero, where: loses) }
            }
        }
    }

    /// A cost line's quantity in year `t`, its per-unit driver resolved.
    @inline(__always)
    func lineQuantity(_ l: Int, _ t: Int, _ ws: LaneWorkspace) -> Lanes {
        let n = yearCount, driver = ws.costDriverProduct[l]
        return driver >= 0 ? ws.costPerUnit[l] * ws.quantity[driver * n + t] : ws.costQuantity[l * n + t]
    }
}
