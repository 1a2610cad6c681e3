/// Every yearly line of the pro forma in lanes, written by the year loop when an evaluation records
/// them: what a deterministic evaluation (`ProFormaEngine.run`) reports, read from lane 0 into a
/// `Workspace`. A Monte Carlo run records nothing (its workspace has no record).
///
/// Yearly totals hold one entry per year; rows of products and cost lines `rows x years`
/// (row r, year t at `r * years + t`). Loans' and incentives' rows live in the `LaneWorkspace`.
final class LaneRecord {
    let revenue, opex, vatPaid, vatCashCost, vatCreditBalance, surtax, capex: UnsafeMutableBufferPointer<Lanes>
    let incentives, capitalGrants, interestSubsidies, taxableIncentives: UnsafeMutableBufferPointer<Lanes>
    let depreciation, depreciationOfInterest, residualValue, residualValueOfInterest: UnsafeMutableBufferPointer<Lanes>
    /// Working capital's flow to the project: recovered less invested (zero without working capital).
    let workingCapital: UnsafeMutableBufferPointer<Lanes>
    /// Working capital's own lines (`LaneWorkingCapital.Year`), for the feasibility study's tables.
    let workingCapitalInvested, workingCapitalRecovered: UnsafeMutableBufferPointer<Lanes>
    let workingCapitalLoanDrawn, workingCapitalLoanInterest, workingCapitalLoanRepaid, workingCapitalLoanBalance: UnsafeMutableBufferPointer<Lanes>
    let debtDrawdown, interestExpense, interestCapitalised, principal, debtService, debtBalance: UnsafeMutableBufferPointer<Lanes>
    let taxableIncome, lossBalance, tax, unleveredTax, citRate: UnsafeMutableBufferPointer<Lanes>
    let revenueByProduct, opexByLine, costQuantity: UnsafeMutableBufferPointer<Lanes>
    /// Depreciation of each asset class's capex (`classes x years`), without that of capitalised
    /// construction interest: the feasibility study's depreciation table lists the classes.
    let depreciationByClass: UnsafeMutableBufferPointer<Lanes>

    init(model m: CompiledModel) {
        let n = m.yearCount
        func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Lanes> {
            let b = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: max(count, 1))
            b.initialize(repeating: .zero)
            return b
        }
        revenue = zeros(n); opex = zeros(n); vatPaid = zeros(n); vatCashCost = zeros(n); vatCreditBalance = zeros(n)
        surtax = zeros(n); capex = zeros(n)
        incentives = zeros(n); capitalGrants = zeros(n); interestSubsidies = zeros(n); taxableIncentives = zeros(n)
        depreciation = zeros(n); depreciationOfInterest = zeros(n); residualValue = zeros(n); residualValueOfInterest = zeros(n)
        workingCapital = zeros(n)
        workingCapitalInvested = zeros(n); workingCapitalRecovered = zeros(n)
        workingCapitalLoanDrawn = zeros(n); workingCapitalLoanInterest = zeros(n)
        workingCapitalLoanRepaid = zeros(n); workingCapitalLoanBalance = zeros(n)
        debtDrawdown = zeros(n); interestExpense = zeros(n); interestCapitalised = zeros(n); principal = zeros(n)
        debtService = zeros(n); debtBalance = zeros(n)
        taxableIncome = zeros(n); lossBalance = zeros(n); tax = zeros(n); unleveredTax = zeros(n); citRate = zeros(n)
        revenueByProduct = zeros(m.productIDs.count * n)
        opexByLine = zeros(m.costLineIDs.count * n); costQuantity = zeros(m.costLineIDs.count * n)
        depreciationByClass = zeros(m.assetClasses.count * n)
    }

    private var all: [UnsafeMutableBufferPointer<Lanes>] {
        [revenue, opex, vatPaid, vatCashCost, vatCreditBalance, surtax, capex, incentives, capitalGrants, interestSubsidies,
         taxableIncentives, depreciation, depreciationOfInterest, residualValue, residualValueOfInterest, workingCapital,
         workingCapitalInvested, workingCapitalRecovered, workingCapitalLoanDrawn, workingCapitalLoanInterest,
         workingCapitalLoanRepaid, workingCapitalLoanBalance, debtDrawdown,
         interestExpense, interestCapitalised, principal, debtService, debtBalance, taxableIncome, lossBalance, tax,
         unleveredTax, citRate, revenueByProduct, opexByLine, costQuantity, depreciationByClass]
    }

    deinit { for b in all { b.deallocate() } }
}
