/// Working capital (`WorkingCapital`) year by year in lanes, for the year loop: the requirement of
/// each operating year, its increase invested, the loan's part drawn or repaid as the requirement
/// moves, full-year interest on the loan's balance, and in the last year the whole requirement
/// recovered and the loan repaid.
struct LaneWorkingCapital {
    /// One year's working-capital lines (yuan).
    struct Year {
        /// Increase of the requirement (negative when it falls: capital released).
        var invested = Lanes.zero
        /// The requirement recovered in the last year.
        var recovered = Lanes.zero
        var loanDrawn = Lanes.zero, loanInterest = Lanes.zero, loanRepaid = Lanes.zero
        /// The loan's balance at the end of the year.
        var loanBalance = Lanes.zero
        /// Flow to the project (recovered − invested).
        var projectFlow: Lanes { recovered - invested }
    }

    let terms: WorkingCapital
    private var requirement = Lanes.zero
    private var loanBalance = Lanes.zero

    init(_ terms: WorkingCapital) { self.terms = terms }

    /// Year `t` of `n`, operating from `operationStart`, with the year's revenue and opex.
    mutating func year(_ t: Int, of n: Int, operationStart: Int, revenue: Lanes, opex: Lanes) -> Year {
        var y = Year()
        guard t >= operationStart else { return y }
        let basis = terms.basis == .revenue ? revenue : opex
        let need = laneMax(.zero, basis * terms.share)
        y.invested = need - requirement
        requirement = need
        // The loan follows its share of the requirement; drawn at the start of the year it is needed,
        // so its interest runs for the whole year (assumption: the method's practice).
        let loan = need * (1 - terms.ownFundedShare)
        let change = loan - loanBalance
        y.loanDrawn = laneMax(.zero, change)
        y.loanRepaid = laneMax(.zero, -change)
        y.loanInterest = loan * terms.loanRate
        loanBalance = loan
        if t == n - 1 {
            y.recovered = requirement
            y.loanRepaid += loanBalance
            loanBalance = .zero
        }
        y.loanBalance = loanBalance
        return y
    }
}
