import Foundation

extension LaneModel {
    /// One year of every loan, summed over the loans in loan order.
    struct LoanYear {
        var drawn = Lanes.zero, interest = Lanes.zero, principal = Lanes.zero, capitalised = Lanes.zero
        /// Every loan's balance at the end of the year (summed with `KeepsLines` only).
        var balance = Lanes.zero
    }

    /// Resets the loans' balances before a group's first year, and forms each annuity's
    /// (1 + rate)^periods: once per study, or per path when the rate is drawn (here, not in the
    /// year loop: every vector register is caller-saved, so lane vectors live across a call to
    /// `pow` there went through memory).
    func openLoans(_ ws: LaneWorkspace) {
        for l in loans.indices {
            ws.balance[l] = .zero; ws.balanceAtRepayment[l] = .zero; ws.levelPayment[l] = .zero
            var growth = Lanes(repeating: loans[l].annuityGrowth)
            if loans[l].rateIsUncertain && loans[l].repayment == .annuity {
                let rate = ws.loanRate[l], periods = Double(loans[l].periods)
                for j in 0..<Lanes.scalarCount { growth[j] = pow(1 + rate[j], periods) }
            }
            ws.annuityGrowth[l] = growth
        }
    }

    /// Year `t` of every loan: draws at the end of each construction year in proportion to its capex
    /// (or spread over it, by the half-year rule of the conventions)
    /// (the sculpted loan's share is each lane's `ws.sculptedDraw`), interest capitalised before the
    /// first operating year and expensed after, principal by the loan's repayment rule (the sculpted
    /// loan's: `ws.sculptedService` per unit of its balance at the first repayment, less interest), any
    /// balance left repaid in the last year. Records each loan's opening balance (interest subsidies
    /// read it), and with `KeepsLines` its draw, interest and principal, in the workspace.
    ///
    /// The year loop calls it year by year, so the balance chain overlaps the rest of the year's work;
    /// a model with interest subsidies runs it over all years first (`scheduleLoans`).
    @_transparent
    func loanYear<R: LaneRecording>(_ t: Int, capex: Lanes, _ ws: LaneWorkspace, _: R.Type) -> LoanYear {
        let n = yearCount
        var year = LoanYear()
        let terms = ws.loans
        for l in terms.indices {
            let loan = terms.baseAddress! + l
            let rate = ws.loanRate[l], first = loan.pointee.firstRepayment, last = loan.pointee.lastRepayment
            let opening = ws.balance[l]
            ws.loanOpening[l * n + t] = opening
            let interest = rate * opening
            if t < operationStart {
                let share = loan.pointee.repayment == .sculpted ? ws.sculptedDraw : Lanes(repeating: loan.pointee.drawShare)
                let draw = share * capex
                // The half-year rule (本年借款/2): the year's draw bears half a year's interest.
                let interest = halfYearConstructionInterest ? rate * (opening + draw * 0.5) : interest
                ws.balance[l] = opening + interest + draw
                if R.keepsLines { ws.loanDraw[l * n + t] = draw; ws.loanInterest[l * n + t] = interest; ws.loanPrincipal[l * n + t] = .zero }
                year.drawn += draw
                year.capitalised += interest
                if R.keepsLines { year.balance += ws.balance[l] }
                continue
            }
            let periods = Double(loan.pointee.periods)
            if t == first {
                ws.balanceAtRepayment[l] = opening
                if loan.pointee.repayment == .annuity {
                    // -payment(rate:periods:presentValue: opening), with (1 + rate)^periods from `openLoans`.
                    let growth = ws.annuityGrowth[l]
                    let annuity = (opening * growth + 0) * rate / (growth - 1)
                    ws.levelPayment[l] = annuity.replacing(with: (opening + 0) / periods, where: rate .== 0)
                }
            }
            var principal = Lanes.zero
            if t >= first && t <= last {
                switch loan.pointee.repayment {
                case .equalPrincipal: principal = ws.balanceAtRepayment[l] / periods
                case .annuity: principal = ws.levelPayment[l] - interest
                case .bullet: principal = t == last ? opening : .zero
                case .sculpted: principal = ws.sculptedService[t] * ws.balanceAtRepayment[l] - interest
                }
            }
            if t == last || t == n - 1 { principal = opening }
            ws.balance[l] = opening - principal
            if R.keepsLines { ws.loanDraw[l * n + t] = .zero; ws.loanInterest[l * n + t] = interest; ws.loanPrincipal[l * n + t] = principal }
            year.interest += interest
            year.principal += principal
            if R.keepsLines { year.balance += ws.balance[l] }
        }
        return year
    }

    /// Whether construction draws bear interest by the half-year rule (`ProjectConventions.ConstructionInterest`).
    var halfYearConstructionInterest: Bool { model.conventions.constructionInterest == .halfYear }

    /// Every year of every loan, before the incentives (interest subsidies read the opening balances),
    /// into `ws.loanYears`.
    func scheduleLoans<R: LaneRecording>(_ ws: LaneWorkspace, _ recording: R.Type) {
        let n = yearCount, classes = model.assetClasses.count
        openLoans(ws)
        for t in 0..<n {
            var capex = Lanes.zero
            for c in 0..<classes { capex += ws.capex[c * n + t] }
            ws.loanYears[t] = loanYear(t, capex: capex, ws, recording)
        }
    }
}
