extension ProFormaEngine {
    /// Cash amounts of every incentive in every year, after scale, yearly and total caps
    /// and "highest only" stacking groups, into `ws.incentiveByItem`; totals into
    /// `ws.incentives`, `ws.capitalGrants`, `ws.interestSubsidies` and `ws.taxableIncentives`.
    ///
    /// Needs revenue-side quantities, capex and the loans' opening balances.
    /// Tax preferences pay no cash here; they act through `corporateIncomeTax`.
    static func incentiveAmounts(_ m: CompiledModel, _ ws: inout Workspace) {
        let n = m.yearCount
        for i in 0..<m.incentives.count {
            // Raw amounts inside the path's window: one switch per incentive, then a tight year loop.
            for t in 0..<n { ws.incentiveByItem[i, t] = 0 }
            let first = max(m.incentiveFirstYear[i], 0), last = min(m.incentiveLastYear[i], n - 1)
            let scale = m.incentiveScale[i]
            if scale != 0 && first <= last {
                switch m.incentives[i].kind {
                case .capitalGrantShare(let share, let mask):
                    for t in first...last {
                        var amount = 0.0
                        for c in 0..<mask.count where mask[c] { amount += share * m.capex[c, t] }
                        ws.incentiveByItem[i, t] = amount
                    }
                case .capitalGrantAmount(let total, _):
                    ws.incentiveByItem[i, first] = total
                case .productionSubsidy(let p, let perUnit):
                    for t in first...last { ws.incentiveByItem[i, t] = perUnit * m.quantity[p, t] }
                case .annualAward(let perYear):
                    for t in first...last { ws.incentiveByItem[i, t] = perYear }
                case .interestSubsidy(let reduction, let mask):
                    for t in first...last {
                        var amount = 0.0
                        for l in 0..<mask.count where mask[l] { amount += reduction * ws.loanOpening[l, t] }
                        ws.incentiveByItem[i, t] = amount
                    }
                case .inputDiscount(let line, let discount):
                    for t in first...last { ws.incentiveByItem[i, t] = min(discount, m.costPrice[line, t]) * ws.costQuantity[line, t] }
                case .inputOverride(let line, let price):
                    for t in first...last { ws.incentiveByItem[i, t] = max(0, m.costPrice[line, t] - price) * ws.costQuantity[line, t] }
                case .perPersonAllowance(let s, let perPerson, let firmShare):
                    for t in first...last { ws.incentiveByItem[i, t] = perPerson * firmShare * m.headcount[s, t] }
                case .scheduledAward(let amounts):
                    for t in first...last { ws.incentiveByItem[i, t] = amounts[t] }
                case .taxRate, .taxHoliday:
                    break
                }
            }
            // Scale, yearly and total caps, and a clawback.
            let capPerYear = m.incentives[i].capPerYear, capTotal = m.incentives[i].capTotal
            let clawback = m.incentiveClawbackYear[i]
            var paid = 0.0
            for t in 0..<n {
                if t == clawback {
                    // Everything received so far is repaid, and nothing is paid from then on.
                    ws.incentiveByItem[i, t] = -paid
                    paid = 0
                    continue
                }
                if clawback >= 0 && t > clawback { ws.incentiveByItem[i, t] = 0; continue }
                let raw = ws.incentiveByItem[i, t]
                guard raw != 0 else { continue }
                let amount = min(raw * scale, capPerYear, max(0, capTotal - paid))
                paid += amount
                ws.incentiveByItem[i, t] = amount
            }
        }

        // "Highest only" groups (就高不重复): keep the item with the largest total, the first on ties.
        var group = 0
        if !m.hasHighestOnlyGroups { group = Int.max }
        while group != Int.max {
            var winner = -1, best = -Double.infinity, found = false
            for (i, inc) in m.incentives.enumerated() where inc.highestOnlyGroup == group {
                found = true
                var total = 0.0
                for t in 0..<n { total += ws.incentiveByItem[i, t] }
                if total > best { best = total; winner = i }
            }
            if !found { break }
            for (i, inc) in m.incentives.enumerated() where inc.highestOnlyGroup == group && i != winner {
                for t in 0..<n { ws.incentiveByItem[i, t] = 0 }
            }
            group += 1
        }

        for t in 0..<n { ws.incentives[t] = 0; ws.capitalGrants[t] = 0; ws.interestSubsidies[t] = 0; ws.taxableIncentives[t] = 0 }
        for i in 0..<m.incentives.count {
            let isGrant = m.incentives[i].isCapitalGrant, isInterest = m.incentives[i].isInterestSubsidy
            let taxable = m.incentives[i].taxable
            for t in 0..<n {
                let a = ws.incentiveByItem[i, t]
                guard a != 0 else { continue }
                ws.incentives[t] += a
                if isGrant { ws.capitalGrants[t] += a }
                if isInterest { ws.interestSubsidies[t] += a }
                if taxable { ws.taxableIncentives[t] += a }
            }
        }
    }
}
