/// The indicators of the feasibility-study method (《建设项目经济评价方法与参数》第三版, 2006), from the
/// recorded yearly pro forma of an evaluation, at the model's conventions (`ProjectConventions`).
///
/// Why a separate set: the method defines its coverage and return ratios on the profit statement
/// (利润与利润分配表), not on CFADS, so its DSCR differs from Steppe's `minDSCR`; a user compares
/// these with a 可研 and a bank's credit review.
///
/// Definitions (profit before tax 利润总额 = the engine's taxable income before losses; EBIT 息税前利润
/// = profit before tax + interest expensed; EBITDA adds depreciation):
/// - FIRR / FNPV after income tax: the project cash flow (`projectIRR`, `projectNPV`); before income
///   tax: that flow plus the unlevered tax (the method's 调整所得税 on EBIT).
/// - capital FIRR (资本金财务内部收益率): the equity cash flow's IRR.
/// - static and dynamic payback: `paybackYears`, `discountedPaybackYears` (after tax).
/// - 总投资收益率 (ROI): average EBIT of the operating years / total investment (construction capex +
///   capitalised construction interest + the largest working capital).
/// - 资本金净利润率 (ROE): average net profit (profit before tax − income tax) of the operating years
///   / project capital (construction capex not borrowed, plus the own-funded working capital).
/// - 利息备付率 (ICR): EBIT / interest expensed, in each year with interest; the lowest is reported.
/// - 偿债备付率 (DSCR): (EBITDA − income tax) / (interest + principal), in each operating year with
///   debt service; the lowest is reported.
/// - 资产负债率 (asset-liability ratio): loan balances / total assets of the simplified balance sheet
///   (`FeasibilityStatements`), at each year's end; the highest is reported.
/// - break-even capacity utilisation (盈亏平衡点, 生产能力利用率): fixed cost / (revenue − variable cost
///   − VAT surtax), on averages over the operating years; fixed cost = depreciation + interest +
///   cost lines with an annual amount, variable = cost lines per unit of output.
///
/// Assumption: the operating-year averages stand for the method's 正常年份 (a normal year); the method
/// leaves the choice of year to the study.
public struct FeasibilityIndicators: Sendable, Equatable {
    public var projectIRRBeforeTax, projectIRRAfterTax, projectNPVBeforeTax, projectNPVAfterTax: MetricValue
    public var capitalIRR: MetricValue
    public var staticPaybackYears, dynamicPaybackYears: MetricValue
    public var returnOnTotalInvestment, returnOnCapital: MetricValue
    public var minInterestCoverage, minDebtServiceCoverage: MetricValue
    public var breakEvenCapacityShare: MetricValue
    public var maxAssetLiabilityRatio: MetricValue
    /// Each year's ICR and DSCR by the method (nil where the year has no interest, or no debt service).
    public var interestCoverage, debtServiceCoverage: [Double?]
    /// Each year-end's asset-liability ratio (nil where the balance sheet has no assets).
    public var assetLiabilityRatio: [Double?]

    /// Names (JSON keys) and values, in report order.
    public var all: [(name: String, value: MetricValue)] {
        [("projectIRRBeforeTax", projectIRRBeforeTax), ("projectIRRAfterTax", projectIRRAfterTax),
         ("projectNPVBeforeTax", projectNPVBeforeTax), ("projectNPVAfterTax", projectNPVAfterTax),
         ("capitalIRR", capitalIRR), ("staticPaybackYears", staticPaybackYears), ("dynamicPaybackYears", dynamicPaybackYears),
         ("returnOnTotalInvestment", returnOnTotalInvestment), ("returnOnCapital", returnOnCapital),
         ("minInterestCoverage", minInterestCoverage), ("minDebtServiceCoverage", minDebtServiceCoverage),
         ("breakEvenCapacityShare", breakEvenCapacityShare), ("maxAssetLiabilityRatio", maxAssetLiabilityRatio)]
    }

    public init(_ e: Evaluation) {
        let m = e.model, years = e.years, op = m.operationStart
        let operating = years.indices.filter { $0 >= op }
        let count = Double(operating.count)
        func average(_ value: (Evaluation.Year) -> Double) -> Double {
            operating.reduce(0) { $0 + value(years[$1]) } / count
        }
        let beforeTax = years.map { $0.projectCashFlow + $0.unleveredTax }
        projectIRRBeforeTax = internalRateOfReturn(beforeTax).metric
        projectIRRAfterTax = e.metrics.projectIRR
        projectNPVBeforeTax = .finite(m.presentValue(beforeTax, rate: m.projectRate), orUndefined: "project NPV before tax is not finite")
        projectNPVAfterTax = e.metrics.projectNPV
        capitalIRR = e.metrics.equityIRR
        staticPaybackYears = e.metrics.paybackYears
        dynamicPaybackYears = e.metrics.discountedPaybackYears

        // Profit before tax: the taxable income before loss offset (revenue − opex − surtax − depreciation
        // − interest + taxable incentives).
        let ebit = { (y: Evaluation.Year) in y.taxableIncome + y.interest }
        let construction = years.indices.filter { $0 < op }
        let constructionCapex = construction.reduce(0) { $0 + years[$1].capex }
        let capitalisedInterest = construction.reduce(0) { $0 + years[$1].capitalisedInterest }
        let borrowed = construction.reduce(0) { $0 + years[$1].debtDrawdown }
        // The working capital's largest requirement: the increases invested so far, at their highest. (Not the
        // lowest cumulative net flow: the last year's flow nets its increase against the recovery, which missed it.)
        var required = 0.0, workingCapital = 0.0
        for y in years { required += y.workingCapitalInvested; workingCapital = max(workingCapital, required) }
        let ownWorkingCapital = workingCapital * (m.conventions.workingCapital?.ownFundedShare ?? 0)
        let totalInvestment = constructionCapex + capitalisedInterest + workingCapital
        let capital = constructionCapex - borrowed + ownWorkingCapital
        let noOperation = "no operating years"
        returnOnTotalInvestment = count == 0 ? .undefined(noOperation) : totalInvestment > 0
            ? .finite(average(ebit) / totalInvestment, orUndefined: "return on total investment is not finite")
            : .undefined("no investment: construction capex, capitalised interest and working capital are zero")
        returnOnCapital = count == 0 ? .undefined(noOperation) : capital > 0
            ? .finite(average { $0.taxableIncome - $0.tax } / capital, orUndefined: "return on capital is not finite")
            : .undefined("no project capital: the construction capex is all borrowed and no working capital is own-funded")

        interestCoverage = years.map { y in y.interest > 1e-9 ? ebit(y) / y.interest : nil }
        debtServiceCoverage = years.indices.map { t in
            let y = years[t]
            return t >= op && y.debtService > 1e-9 ? (ebit(y) + y.depreciation - y.tax) / y.debtService : nil
        }
        minInterestCoverage = interestCoverage.compactMap { $0 }.min().map { .finite($0, orUndefined: "ICR is not finite") }
            ?? .undefined("no year has interest expensed")
        minDebtServiceCoverage = debtServiceCoverage.compactMap { $0 }.min().map { .finite($0, orUndefined: "DSCR is not finite") }
            ?? .undefined("no operating year has debt service")

        // Break-even: cost lines per unit of output are variable, the others fixed.
        var variable = 0.0, fixedLines = 0.0
        for (l, line) in e.opexByLine.enumerated() {
            let total = operating.reduce(0) { $0 + line.amounts[$1] } / max(count, 1)
            if m.costDriverProduct[l] >= 0 { variable += total } else { fixedLines += total }
        }
        let fixed = fixedLines + average(\.depreciation) + average(\.interest)
        let margin = average(\.revenue) - variable - average(\.surtax)
        breakEvenCapacityShare = count == 0 ? .undefined(noOperation) : margin > 0
            ? .finite(fixed / margin, orUndefined: "break-even share is not finite")
            : .undefined("revenue does not cover the variable cost and surtax: no output breaks even")

        assetLiabilityRatio = FeasibilityStatements(e).assetLiabilityRatio
        maxAssetLiabilityRatio = assetLiabilityRatio.compactMap { $0 }.max().map { .finite($0, orUndefined: "asset-liability ratio is not finite") }
            ?? .undefined("the balance sheet has no assets in any year")
    }
}
