/// How construction is funded: equity plus zero or more loans.
///
/// Loans fund only capex spent before the first operating year; later capex
/// (replacements) is paid by the equity holders. Loans are drawn at the end of
/// the year of the capex they fund, so interest runs from the following year.
/// Interest of construction years is capitalised: added to the loan balance and
/// to the depreciable basis of the non-land asset classes, pro rata to their
/// construction capex.
public struct Financing: Sendable, Equatable {
    /// Share of construction capex paid by equity when all loans have a fixed share.
    public var equityShare: Double
    public var loans: [Loan]

    public init(equityShare: Double = 1, loans: [Loan] = []) {
        self.equityShare = equityShare; self.loans = loans
    }
}

/// One loan.
public struct Loan: Sendable, Equatable {
    public enum Repayment: String, Sendable, Equatable, CaseIterable {
        /// Equal principal instalments (等额本金).
        case equalPrincipal
        /// Level payments of principal plus interest (等额本息).
        case annuity
        /// Interest only, principal repaid in the final year.
        case bullet
        /// Debt service = CFADS / target DSCR each repayment year; size = present value of that
        /// service at the loan rate, capped by the maximum gearing.
        case sculpted
    }
    public var id: String
    /// Share of the debt portion `(1 - equityShare)` of construction capex this loan funds. Ignored for sculpted loans.
    public var share: Double
    /// Annual interest rate.
    public var rate: Double
    /// Years from the first operating year to final maturity, grace included.
    public var tenorYears: Int
    /// Interest-only years at the start of operation.
    public var graceYears: Int
    public var repayment: Repayment
    /// Target debt service cover ratio of a sculpted loan.
    public var targetDSCR: Double?
    /// Maximum debt / (construction capex + capitalised interest) for a sculpted loan.
    public var maxGearing: Double?

    public init(id: String, share: Double = 1, rate: Double, tenorYears: Int, graceYears: Int = 0,
                repayment: Repayment, targetDSCR: Double? = nil, maxGearing: Double? = nil) {
        self.id = id; self.share = share; self.rate = rate; self.tenorYears = tenorYears
        self.graceYears = graceYears; self.repayment = repayment; self.targetDSCR = targetDSCR
        self.maxGearing = maxGearing
    }
}
