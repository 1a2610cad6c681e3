import Foundation

extension ProFormaEngine {
    /// Schedules every loan into the workspace: draws, interest (capitalised before
    /// the first operating year, expensed after), principal and balances.
    ///
    /// - Parameters:
    ///   - sculptedDraw: fraction of construction capex drawn on the sculpted loan.
    ///
    /// The sculpted loan's service per unit of its balance comes from `ws.sculptedService`
    /// (filled by `sizeSculptedLoan`).
    static func scheduleDebt(_ m: CompiledModel, _ ws: inout Workspace, sculptedDraw: Double) {
        let n = m.yearCount, op = m.operationStart
        for t in 0..<n {
            ws.debtDrawdown[t] = 0; ws.interestExpense[t] = 0; ws.interestCapitalised[t] = 0
            ws.principal[t] = 0; ws.debtBalance[t] = 0
        }
        // Loans by index and field: binding a `CompiledLoan` would copy its id string on every path.
        for l in m.loans.indices {
            let repayment = m.loans[l].repayment, rate = m.loans[l].rate
            let drawShare = repayment == .sculpted ? sculptedDraw : m.loans[l].drawShare
            let (firstRepayment, lastRepayment) = repaymentYears(tenorYears: m.loans[l].tenorYears,
                                                                graceYears: m.loans[l].graceYears, m)
            var balance = 0.0
            var balanceAtRepayment = 0.0
            var levelPayment = 0.0
            for t in 0..<n {
                let opening = balance
                let interest = rate * opening
                var draw = 0.0, principal = 0.0
                if t < op {
                    draw = drawShare * constructionCapex(m, t)
                    balance = opening + interest + draw
                    ws.interestCapitalised[t] += interest
                } else {
                    if t == firstRepayment {
                        balanceAtRepayment = opening
                        if repayment == .annuity {
                            levelPayment = -payment(rate: rate, periods: lastRepayment - firstRepayment + 1, presentValue: opening)
                        }
                    }
                    if t >= firstRepayment && t <= lastRepayment {
                        let count = Double(lastRepayment - firstRepayment + 1)
                        switch repayment {
                        case .equalPrincipal: principal = balanceAtRepayment / count
                        case .annuity:
                            principal = levelPayment - interest
                        case .bullet: principal = t == lastRepayment ? opening : 0
                        case .sculpted: principal = ws.sculptedService[t] * balanceAtRepayment - interest
                        }
                    }
                    if t == lastRepayment || t == n - 1 { principal = opening }
                    balance = opening - principal
                    ws.interestExpense[t] += interest
                }
                ws.loanOpening[l, t] = opening; ws.loanDraw[l, t] = draw
                ws.loanInterest[l, t] = interest; ws.loanPrincipal[l, t] = principal
                ws.debtDrawdown[t] += draw; ws.principal[t] += principal; ws.debtBalance[t] += balance
            }
        }
        for t in 0..<n { ws.debtService[t] = t < op ? 0 : ws.interestExpense[t] + ws.principal[t] }
    }

    /// First and last year index of principal repayment, clipped to the project's years.
    @inlinable
    static func repaymentYears(_ loan: CompiledLoan, _ m: CompiledModel) -> (Int, Int) {
        repaymentYears(tenorYears: loan.tenorYears, graceYears: loan.graceYears, m)
    }

    @inlinable
    static func repaymentYears(tenorYears: Int, graceYears: Int, _ m: CompiledModel) -> (Int, Int) {
        let last = min(m.operationStart + tenorYears - 1, m.yearCount - 1)
        return (min(m.operationStart + graceYears, last), last)
    }

    /// Capex of year `t` (all classes).
    @inlinable
    static func constructionCapex(_ m: CompiledModel, _ t: Int) -> Double { m.capex.columnSum(t) }

    /// Sizes the sculpted loan from the last CFADS: service `max(CFADS, 0) / targetDSCR` in
    /// each repayment year, its present value at the loan rate (at the end of the last
    /// grace year) is the supportable balance; the draw share that reaches it, or the
    /// maximum gearing if lower. Fills `service` with the service per unit of balance.
    ///
    /// Returns the draw share of construction capex (0 when no CFADS is positive).
    static func sizeSculptedLoan(_ m: CompiledModel, cfads: [Double], service: inout [Double]) -> Double {
        guard let l = m.loans.firstIndex(where: { $0.repayment == .sculpted }) else { return 0 }
        let loan = m.loans[l]
        let op = m.operationStart
        let (first, last) = repaymentYears(loan, m)
        var present = 0.0
        for t in 0..<m.yearCount { service[t] = 0 }
        for t in first...last {
            let s = max(cfads[t], 0) / loan.targetDSCR
            service[t] = s
            present += s * pow(1 + loan.rate, -Double(t - first + 1))
        }
        guard present > 0 else { return 0 }
        for t in first...last { service[t] /= present }

        // K: balance at the start of operation per unit of draw share (capitalised interest included).
        var k = 0.0, capexTotal = 0.0
        for t in 0..<op {
            let c = constructionCapex(m, t)
            capexTotal += c
            k += c * pow(1 + loan.rate, Double(op - 1 - t))
        }
        guard k > 0 else { return 0 }
        // Other loans' balance and capitalised interest at the start of operation.
        var others = 0.0, othersInterest = 0.0
        for (j, other) in m.loans.enumerated() where j != l {
            var b = 0.0
            for t in 0..<op {
                let interest = other.rate * b
                othersInterest += interest
                b += interest + other.drawShare * constructionCapex(m, t)
            }
            others += b
        }
        let g = loan.maxGearing
        let byGearing = max(0, (g * (capexTotal + othersInterest) - others) / (k - g * (k - capexTotal)))
        return min(present / k, byGearing)
    }
}
