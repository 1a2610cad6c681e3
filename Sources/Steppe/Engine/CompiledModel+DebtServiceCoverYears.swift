extension CompiledModel {
    /// The years the DSCR is taken over (minimum and average DSCR, the covenant test): from the first
    /// year in which any loan repays principal (after its grace years) to the last maturity, counting
    /// each year with debt service. Years before (construction, and the grace years in which a plant
    /// ramps up and pays interest only) are left out, as a lender's covenant test leaves them out.
    /// Empty without a loan that is drawn (a sculpted loan counts).
    public var debtServiceCoverYears: Range<Int> {
        var first = Int.max, last = -1
        for loan in loans where loan.drawShare > 0 || loan.repayment == .sculpted {
            let (f, l) = ProFormaEngine.repaymentYears(loan, self)
            first = min(first, f); last = max(last, l)
        }
        return first <= last ? first..<(last + 1) : 0..<0
    }

    /// The DSCR window in words, for reports.
    public static let debtServiceCoverWindowNote =
        "from the first year of scheduled principal repayment (after grace years) to the last maturity, years with debt service"
}
