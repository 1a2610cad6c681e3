import Foundation

extension LaneModel {
    /// Every loan's schedule, as `ProFormaEngine.scheduleDebt`: draws at the end of each construction
    /// year in proportion to its capex, interest capitalised before the first operating year and
    /// expensed after, principal by the loan's repayment rule, any balance left repaid in the last year.
    ///
    /// Writes each loan's opening balances (`ws.loanOpening`, read by interest subsidies) and the
    /// yearly totals over the loans, summed in loan order (`ws.debtDrawdown`, `ws.interestExpense`,
    /// `ws.interestCapitalised`, `ws.principal`). Depends on capex only, so it runs before the incentives.
    func scheduleLoans(_ ws: LaneWorkspace) {
        let n = yearCount, op = operationStart, classes = model.assetClasses.count
        for t in 0..<n {
            ws.debtDrawdown[t] = .zero; ws.interestExpense[t] = .zero; ws.interestCapitalised[t] = .zero; ws.principal[t] = .zero
        }
        let terms = ws.loans
        for l in terms.indices {
            let loan = terms.baseAddress! + l
            let rate = ws.loanRate[l], first = loan.pointee.firstRepayment, last = loan.pointee.lastRepayment
            let periods = Double(loan.pointee.periods)
            var balance = Lanes.zero, balanceAtRepayment = Lanes.zero, levelPayment = Lanes.zero
            for t in 0..<n {
                let opening = balance
                ws.loanOpening[l * n + t] = opening
                let interest = rate * opening
                if t < op {
                    var capex = Lanes.zero
                    for c in 0..<classes { capex += ws.capex[c * n + t] }
                    let draw = loan.pointee.drawShare * capex
                    balance = opening + interest + draw
                    ws.debtDrawdown[t] += draw
                    ws.interestCapitalised[t] += interest
                    continue
                }
                if t == first {
                    balanceAtRepayment = opening
                    if loan.pointee.repayment == .annuity {
                        // -payment(rate:periods:presentValue: opening), with (1 + rate)^periods formed once
                        // per study, or per path when the rate is drawn.
                        var growth = Lanes(repeating: loan.pointee.annuityGrowth)
                        if loan.pointee.rateIsUncertain {
                            for j in 0..<Lanes.scalarCount { growth[j] = pow(1 + rate[j], periods) }
                        }
                        let annuity = (opening * growth + 0) * rate / (growth - 1)
                        levelPayment = annuity.replacing(with: (opening + 0) / periods, where: rate .== 0)
                    }
                }
                var principal = Lanes.zero
                if t >= first && t <= last {
                    switch loan.pointee.repayment {
                    case .equalPrincipal: principal = balanceAtRepayment / periods
                    case .annuity: principal = levelPayment - interest
                    case .bullet: principal = t == last ? opening : .zero
                    case .sculpted: preconditionFailure("sculpted loans are not covered by the lane engine")
                    }
                }
                if t == last || t == n - 1 { principal = opening }
                balance = opening - principal
                ws.interestExpense[t] += interest
                ws.principal[t] += principal
            }
        }
    }
}
