/// The yearly pro forma of one evaluation (yuan, year index 0 = start year): what
/// `ProFormaEngine.run` records, for reports, analyses and tests.
public struct Workspace: Sendable {
    public let yearCount: Int
    // Operating lines.
    public var revenue: [Double]
    public var revenueByProduct: YearMatrix
    public var opex: [Double]
    public var opexByLine: YearMatrix
    /// Quantity of each cost line (its unit per year), per-unit drivers resolved.
    public var costQuantity: YearMatrix
    public var vatPaid: [Double]
    /// Change of the VAT input-credit balance: the cash VAT costs in a year (negative when credit is used).
    public var vatCashCost: [Double]
    public var vatCreditBalance: [Double]
    public var surtax: [Double]
    public var capex: [Double]
    // Incentives.
    public var incentiveByItem: YearMatrix
    public var incentives: [Double]
    public var capitalGrants: [Double]
    public var interestSubsidies: [Double]
    public var taxableIncentives: [Double]
    // Assets.
    public var depreciation: [Double]
    /// The part of `depreciation` on capitalised construction interest.
    public var depreciationOfInterest: [Double]
    /// Depreciation of each asset class's capex (row: the class), without that of construction interest.
    public var depreciationByClass: YearMatrix
    /// Book value recovered in the last year (zero unless the scenario recovers it).
    public var residualValue: [Double]
    /// The part of `residualValue` that is capitalised construction interest.
    public var residualValueOfInterest: [Double]
    /// Working capital's flow to the project (`ProjectConventions.workingCapital`): recovered less
    /// invested; zero without working capital. Its loan is in the debt lines.
    public var workingCapital: [Double]
    /// Working capital's own lines (zero without working capital): the increase of the requirement
    /// invested, the requirement recovered in the last year, and its loan's draw, full-year interest,
    /// repayment and closing balance (all also in the debt lines).
    public var workingCapitalInvested: [Double]
    public var workingCapitalRecovered: [Double]
    public var workingCapitalLoanDrawn: [Double]
    public var workingCapitalLoanInterest: [Double]
    public var workingCapitalLoanRepaid: [Double]
    public var workingCapitalLoanBalance: [Double]
    // Debt.
    public var debtDrawdown: [Double]
    public var interestExpense: [Double]
    public var interestCapitalised: [Double]
    public var principal: [Double]
    public var debtService: [Double]
    public var debtBalance: [Double]
    public var loanOpening: YearMatrix
    public var loanDraw: YearMatrix
    public var loanInterest: YearMatrix
    public var loanPrincipal: YearMatrix
    // Tax.
    public var taxableIncome: [Double]
    public var lossBalance: [Double]
    public var tax: [Double]
    public var unleveredTax: [Double]
    public var citRate: [Double]
    // Results.
    public var cfads: [Double]
    public var projectCashFlow: [Double]
    public var equityCashFlow: [Double]

    public init(for model: CompiledModel) {
        let n = model.yearCount
        func zeros() -> [Double] { Array(repeating: 0, count: n) }
        yearCount = n
        revenue = zeros(); revenueByProduct = YearMatrix(rows: model.productIDs.count, years: n)
        opex = zeros(); opexByLine = YearMatrix(rows: model.costLineIDs.count, years: n)
        costQuantity = opexByLine
        depreciationByClass = YearMatrix(rows: model.assetClasses.count, years: n)
        vatPaid = zeros(); vatCashCost = zeros(); vatCreditBalance = zeros(); surtax = zeros(); capex = zeros()
        incentiveByItem = YearMatrix(rows: model.incentives.count, years: n)
        incentives = zeros(); capitalGrants = zeros(); interestSubsidies = zeros(); taxableIncentives = zeros()
        depreciation = zeros(); depreciationOfInterest = zeros(); residualValue = zeros(); residualValueOfInterest = zeros()
        workingCapital = zeros()
        workingCapitalInvested = zeros(); workingCapitalRecovered = zeros(); workingCapitalLoanDrawn = zeros()
        workingCapitalLoanInterest = zeros(); workingCapitalLoanRepaid = zeros(); workingCapitalLoanBalance = zeros()
        debtDrawdown = zeros(); interestExpense = zeros(); interestCapitalised = zeros(); principal = zeros()
        debtService = zeros(); debtBalance = zeros()
        loanOpening = YearMatrix(rows: model.loans.count, years: n); loanDraw = loanOpening
        loanInterest = loanOpening; loanPrincipal = loanOpening
        taxableIncome = zeros(); lossBalance = zeros(); tax = zeros(); unleveredTax = zeros(); citRate = zeros()
        cfads = zeros(); projectCashFlow = zeros(); equityCashFlow = zeros()
    }
}
