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

    // The terms as plain numbers, not the `WorkingCapital` value: the year loop holds this struct across its
    // years, and an optional or enum-bearing value there made the compiler call an outlined copy function
    // twice a year, which forced every live lane vector out of its registers around each call.
    private let basisIsRevenue: Bool
    private let share: Double, ownFundedShare: Double, loanRate: Double
    private var requirement = Lanes.zero
    private var loanBalance = Lanes.zero

    /// Working capital of `terms` (zeros without them: the year loop then never calls `year`,
    /// `LaneWorkingCapitalPresence`).
    init(_ terms: WorkingCapital?) {
        basisIsRevenue = terms?.basis == .revenue
        share = terms?.share ?? 0; ownFundedShare = terms?.ownFundedShare ?? 0; loanRate = terms?.loanRate ?? 0
    }

    /// Year `t` of `n`, operating from `operationStart`, with the year's revenue and opex.
    mutating func year(_ t: Int, of n: Int, operationStart: Int, revenue: Lanes, opex: Lanes) -> Year {
        var y = Year()
        guard t >= operationStart else { return y }
        let basis = basisIsRevenue ? revenue : opex
        let need = laneMax(.zero, basis * share)
        y.invested = need - requirement
        requirement = need
        // The loan follows its share of the requirement; drawn at the start of the year it is needed,
        // so its interest runs for the whole year (assumption: the method's practice).
        let loan = need * (1 - ownFundedShare)
        let change = loan - loanBalance
        y.loanDrawn = laneMax(.zero, change)
        y.loanRepaid = laneMax(.zero, -change)
        y.loanInterest = loan * loanRate
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
