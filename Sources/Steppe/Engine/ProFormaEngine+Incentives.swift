extension ProFormaEngine {
    /// Cash amounts of every incentive in every year, after scale, yearly and total caps
    /// and "highest only" stacking groups, into `ws.incentiveByItem`; totals into
    /// `ws.incentives`, `ws.capitalGrants`, `ws.interestSubsidies` and `ws.taxableIncentives`.
    ///
    /// Needs revenue-side quantities, capex and the loans' opening balances.
    /// Tax preferences pay no cash here; they act through `corporateIncomeTax`.
    static func incentiveAmounts(_ m: CompiledModel, _ ws: inout Workspace) {
        let n = m.yearCount
        for (i, inc) in m.incentives.enumerated() {
            let scale = m.incentiveScale[i]
            var paid = 0.0
            var fixedPaid = false
            let clawback = m.incentiveClawbackYear[i]
            for t in 0..<n {
                var amount = 0.0
                if t == clawback {
                    // Everything received so far is repaid, and nothing is paid from then on.
                    ws.incentiveByItem[i, t] = -paid
                    paid = 0
                    continue
                }
                if clawback >= 0 && t > clawback { ws.incentiveByItem[i, t] = 0; continue }
                if m.incentiveApplies(i, in: t) && scale != 0 {
                    switch inc.kind {
                    case .capitalGrantShare(let share, let mask):
                        for c in 0..<mask.count where mask[c] { amount += share * m.capex[c, t] }
                    case .capitalGrantAmount(let total, _):
                        if !fixedPaid { amount = total; fixedPaid = true }
                    case .productionSubsidy(let p, let perUnit):
                        amount = perUnit * m.quantity[p, t]
                    case .annualAward(let perYear):
                        amount = perYear
                    case .interestSubsidy(let reduction, let mask):
                        for l in 0..<mask.count where mask[l] { amount += reduction * ws.loanOpening[l, t] }
                    case .inputDiscount(let line, let discount):
                        amount = min(discount, m.costPrice[line, t]) * ws.costQuantity[line, t]
                    case .inputOverride(let line, let price):
                        amount = max(0, m.costPrice[line, t] - price) * ws.costQuantity[line, t]
                    case .perPersonAllowance(let s, let perPerson, let firmShare):
                        amount = perPerson * firmShare * m.headcount[s, t]
                    case .scheduledAward(let amounts):
                        amount = amounts[t]
                    case .taxRate, .taxHoliday:
                        amount = 0
                    }
                    amount = min(amount * scale, inc.capPerYear, max(0, inc.capTotal - paid))
                }
                paid += amount
                ws.incentiveByItem[i, t] = amount
            }
        }

        // "Highest only" groups (就高不重复): keep the item with the largest total, the first on ties.
        var group = 0
        while true {
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

        for t in 0..<n {
            var all = 0.0, grants = 0.0, interest = 0.0, taxable = 0.0
            for (i, inc) in m.incentives.enumerated() {
                let a = ws.incentiveByItem[i, t]
                all += a
                if inc.isCapitalGrant { grants += a }
                if inc.isInterestSubsidy { interest += a }
                if inc.taxable { taxable += a }
            }
            ws.incentives[t] = all; ws.capitalGrants[t] = grants
            ws.interestSubsidies[t] = interest; ws.taxableIncentives[t] = taxable
        }
    }
}
