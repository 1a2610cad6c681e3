extension LaneWorkspace {
    /// Lane `j` of the last evaluation's record (the workspace must record): the yearly pro forma of that path.
    func yearly(lane j: Int, model m: CompiledModel) -> Workspace {
        guard let r = record else { preconditionFailure("the workspace records no yearly lines") }
        let n = m.yearCount, lw = self
        var ws = Workspace(for: m)
        func lane(_ b: UnsafeMutableBufferPointer<Lanes>, _ count: Int) -> [Double] { (0..<count).map { b[$0][j] } }
        func matrix(_ b: UnsafeMutableBufferPointer<Lanes>, rows: Int) -> YearMatrix {
            var y = YearMatrix(rows: rows, years: n)
            for i in 0..<(rows * n) { y.storage[i] = b[i][j] }
            return y
        }
        ws.revenue = lane(r.revenue, n); ws.revenueByProduct = matrix(r.revenueByProduct, rows: m.productIDs.count)
        ws.opex = lane(r.opex, n); ws.opexByLine = matrix(r.opexByLine, rows: m.costLineIDs.count)
        ws.costQuantity = matrix(r.costQuantity, rows: m.costLineIDs.count)
        ws.vatPaid = lane(r.vatPaid, n); ws.vatCashCost = lane(r.vatCashCost, n)
        ws.vatCreditBalance = lane(r.vatCreditBalance, n); ws.surtax = lane(r.surtax, n); ws.capex = lane(r.capex, n)
        ws.incentiveByItem = matrix(lw.incentiveAmount, rows: m.incentives.count)
        ws.incentives = lane(r.incentives, n); ws.capitalGrants = lane(r.capitalGrants, n)
        ws.interestSubsidies = lane(r.interestSubsidies, n); ws.taxableIncentives = lane(r.taxableIncentives, n)
        ws.depreciation = lane(r.depreciation, n); ws.depreciationOfInterest = lane(r.depreciationOfInterest, n)
        ws.depreciationByClass = matrix(r.depreciationByClass, rows: m.assetClasses.count)
        ws.residualValue = lane(r.residualValue, n); ws.residualValueOfInterest = lane(r.residualValueOfInterest, n)
        ws.workingCapital = lane(r.workingCapital, n)
        ws.workingCapitalInvested = lane(r.workingCapitalInvested, n)
        ws.workingCapitalRecovered = lane(r.workingCapitalRecovered, n)
        ws.workingCapitalLoanDrawn = lane(r.workingCapitalLoanDrawn, n)
        ws.workingCapitalLoanInterest = lane(r.workingCapitalLoanInterest, n)
        ws.workingCapitalLoanRepaid = lane(r.workingCapitalLoanRepaid, n)
        ws.workingCapitalLoanBalance = lane(r.workingCapitalLoanBalance, n)
        ws.debtDrawdown = lane(r.debtDrawdown, n); ws.interestExpense = lane(r.interestExpense, n)
        ws.interestCapitalised = lane(r.interestCapitalised, n); ws.principal = lane(r.principal, n)
        ws.debtService = lane(r.debtService, n); ws.debtBalance = lane(r.debtBalance, n)
        ws.loanOpening = matrix(lw.loanOpening, rows: m.loans.count); ws.loanDraw = matrix(lw.loanDraw, rows: m.loans.count)
        ws.loanInterest = matrix(lw.loanInterest, rows: m.loans.count)
        ws.loanPrincipal = matrix(lw.loanPrincipal, rows: m.loans.count)
        ws.taxableIncome = lane(r.taxableIncome, n); ws.lossBalance = lane(r.lossBalance, n); ws.tax = lane(r.tax, n)
        ws.unleveredTax = lane(r.unleveredTax, n); ws.citRate = lane(r.citRate, n)
        ws.cfads = lane(lw.cfads, n); ws.projectCashFlow = lane(lw.projectCashFlow, n)
        ws.equityCashFlow = lane(lw.equityCashFlow, n)
        return ws
    }
}
