/// The standard tables of the feasibility-study method (《建设项目经济评价方法与参数》第三版, 2006), laid
/// out as the method lays them out: numbered lines (序号) down, calendar years across, flows summed in a
/// 合计 column, outflows written as positive amounts under 现金流出 (net = inflow − outflow).
///
/// Why here and like this: a 可研 and a bank's credit review are read table by table, so a study that
/// sits next to them needs the same tables; every number is one of the evaluation's yearly lines
/// (`Evaluation`), a sum of them, or a line of `FeasibilityStatements` (the profit distribution,
/// financial plan and balance sheet), so the tables cannot drift from the pro forma. The net lines are
/// the engine's own (project cash flow after tax, equity cash flow), not re-added, so the indicators
/// recomputed from a table equal the JSON's.
public struct FeasibilityTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The method's line number ("1", "1.1", ...).
        public var code: String
        public var name: String
        public var nameEnglish: String
        /// Yuan per year (ratios for `ratio` rows); nil where undefined.
        public var values: [Double?]
        /// A ratio (coverage, asset-liability), not money.
        public var ratio = false
        /// A flow whose 合计 (sum over the years) is meaningful; balances and ratios have none.
        public var summed = true

        public var total: Double? {
            guard summed, !ratio else { return nil }
            return values.reduce(0.0) { $0 + ($1 ?? 0) }
        }
    }
    /// Stable id (`cn-project-cash-flow`, ...): the CSV file and workbook sheet name.
    public var id: String
    public var title: String
    public var titleEnglish: String
    /// What the reader needs to know of the table's simplifications.
    public var note: String
    public var rows: [Row]
}

extension FeasibilityTable {
    /// The method's tables of an evaluation, in the method's order.
    public static func tables(_ e: Evaluation) -> [FeasibilityTable] {
        let s = FeasibilityStatements(e), years = e.years, op = e.model.operationStart
        func line(_ code: String, _ name: String, _ english: String, summed: Bool = true, _ value: (Int) -> Double) -> Row {
            Row(code: code, name: name, nameEnglish: english, values: years.indices.map { value($0) }, summed: summed)
        }
        func balance(_ code: String, _ name: String, _ english: String, _ value: (Int) -> Double) -> Row {
            line(code, name, english, summed: false, value)
        }
        func ratio(_ code: String, _ name: String, _ english: String, _ values: [Double?]) -> Row {
            Row(code: code, name: name, nameEnglish: english, values: values, ratio: true, summed: false)
        }
        func cumulative(_ values: [Double?]) -> (Int) -> Double {
            var sum = 0.0
            let running = values.map { sum += $0 ?? 0; return sum }
            return { running[$0] }
        }
        let y = years
        let constructionCapex = { (t: Int) in t < op ? y[t].capex : 0 }
        let operatingCapex = { (t: Int) in t >= op ? y[t].capex : 0 }
        var out: [FeasibilityTable] = []

        // 项目投资现金流量表: unlevered; interest subsidies are financing, not the project's.
        let beforeTax = y.map { $0.projectCashFlow + $0.unleveredTax }
        out.append(FeasibilityTable(
            id: "cn-project-cash-flow", title: "项目投资现金流量表", titleEnglish: "Project investment cash flow",
            note: "Unlevered. 补贴收入 leaves out interest subsidies (they go with the loans) and the residual value leaves out capitalised construction interest; 调整所得税 is the tax on EBIT without debt. Lines 3 and 6 are the engine's project cash flow before and after that tax.",
            rows: [
                line("1", "现金流入", "cash inflow") { y[$0].revenue + y[$0].incentives - y[$0].interestSubsidies + y[$0].residualValue - y[$0].residualValueOfInterest + y[$0].workingCapitalRecovered },
                line("1.1", "营业收入", "revenue") { y[$0].revenue },
                line("1.2", "补贴收入", "subsidies") { y[$0].incentives - y[$0].interestSubsidies },
                line("1.3", "回收固定资产余值", "residual value recovered") { y[$0].residualValue - y[$0].residualValueOfInterest },
                line("1.4", "回收流动资金", "working capital recovered") { y[$0].workingCapitalRecovered },
                line("2", "现金流出", "cash outflow") { y[$0].capex + y[$0].workingCapitalInvested + y[$0].opex + y[$0].surtax + y[$0].vatCashCost },
                line("2.1", "建设投资", "construction investment", constructionCapex),
                line("2.2", "流动资金", "working capital invested") { y[$0].workingCapitalInvested },
                line("2.3", "经营成本", "operating cost") { y[$0].opex },
                line("2.4", "营业税金及附加", "VAT surtax") { y[$0].surtax },
                line("2.5", "增值税 (进项留抵)", "VAT cash cost (input credit)") { y[$0].vatCashCost },
                line("2.6", "维持运营投资", "capex in operation (replacements)", operatingCapex),
                line("3", "所得税前净现金流量", "net cash flow before income tax") { beforeTax[$0] },
                balance("4", "累计所得税前净现金流量", "cumulative, before income tax", cumulative(beforeTax)),
                line("5", "调整所得税", "adjusted income tax") { y[$0].unleveredTax },
                line("6", "所得税后净现金流量", "net cash flow after income tax") { y[$0].projectCashFlow },
                balance("7", "累计所得税后净现金流量", "cumulative, after income tax", cumulative(y.map(\.projectCashFlow))),
            ]))

        // 项目资本金现金流量表: the owners' view; the capital line is the investment not borrowed.
        let capital = { (t: Int) in t < op ? y[t].capex - y[t].debtDrawdown : y[t].workingCapitalInvested - y[t].workingCapitalLoanDrawn }
        out.append(FeasibilityTable(
            id: "cn-capital-cash-flow", title: "项目资本金现金流量表", titleEnglish: "Project capital (equity) cash flow",
            note: "项目资本金 is the investment not borrowed: construction capex less loan draws, and in operation the working capital invested less its loan's draw. Line 3 is the engine's equity cash flow.",
            rows: [
                line("1", "现金流入", "cash inflow") { y[$0].revenue + y[$0].incentives + y[$0].residualValue + y[$0].workingCapitalRecovered },
                line("1.1", "营业收入", "revenue") { y[$0].revenue },
                line("1.2", "补贴收入", "subsidies") { y[$0].incentives },
                line("1.3", "回收固定资产余值", "residual value recovered") { y[$0].residualValue },
                line("1.4", "回收流动资金", "working capital recovered") { y[$0].workingCapitalRecovered },
                line("2", "现金流出", "cash outflow") { capital($0) + y[$0].principal + y[$0].interest + y[$0].opex + y[$0].surtax + y[$0].vatCashCost + y[$0].tax + operatingCapex($0) },
                line("2.1", "项目资本金", "capital (investment not borrowed)", capital),
                line("2.2", "借款本金偿还", "principal repaid") { y[$0].principal },
                line("2.3", "借款利息支付", "interest paid") { y[$0].interest },
                line("2.4", "经营成本", "operating cost") { y[$0].opex },
                line("2.5", "营业税金及附加", "VAT surtax") { y[$0].surtax },
                line("2.6", "增值税 (进项留抵)", "VAT cash cost (input credit)") { y[$0].vatCashCost },
                line("2.7", "所得税", "income tax") { y[$0].tax },
                line("2.8", "维持运营投资", "capex in operation (replacements)", operatingCapex),
                line("3", "净现金流量", "net cash flow") { y[$0].equityCashFlow },
            ]))

        out.append(FeasibilityTable(
            id: "cn-profit", title: "利润与利润分配表", titleEnglish: "Profit and profit distribution",
            note: "利润总额 is before the tax loss offset; line 6 is the tax loss still carried forward at the year's end. Statutory surplus reserve: 10% of net profit after making up earlier losses, until it reaches 50% of registered capital (Company Law, 2023 revision, Art. 210; an assumption, not in the seeds); registered capital = the capital paid in (资本金 of the balance sheet). Assumption: no profit paid out (应付利润 0).",
            rows: [
                line("1", "营业收入", "revenue") { y[$0].revenue },
                line("2", "营业税金及附加", "VAT surtax") { y[$0].surtax },
                line("3", "总成本费用", "total cost") { s.totalCost[$0] },
                line("4", "补贴收入", "taxable subsidies") { y[$0].taxableIncentives },
                line("5", "利润总额", "profit before tax") { y[$0].taxableIncome },
                balance("6", "以前年度亏损结转", "tax loss carried forward") { y[$0].lossCarriedForward },
                line("7", "所得税", "income tax") { y[$0].tax },
                line("8", "净利润", "net profit") { s.netProfit[$0] },
                balance("9", "期初未分配利润", "undistributed profit, opening") { s.openingUndistributed[$0] },
                balance("10", "可供分配的利润", "profit available for distribution") { s.distributable[$0] },
                line("11", "提取法定盈余公积金", "statutory surplus reserve") { s.surplusReserve[$0] },
                balance("12", "可供投资者分配的利润", "profit available to investors") { s.distributable[$0] - s.surplusReserve[$0] },
                line("13", "应付利润", "profit paid out") { _ in 0 },
                balance("14", "未分配利润", "undistributed profit, closing") { s.undistributed[$0] },
                line("15", "息税前利润", "EBIT") { s.ebit[$0] },
                line("16", "息税折旧摊销前利润", "EBITDA") { s.ebitda[$0] },
            ]))

        out.append(FeasibilityTable(
            id: "cn-financial-plan", title: "财务计划现金流量表", titleEnglish: "Financial plan cash flow",
            note: "Owners pay in what the equity cash flow takes in construction, and the own-funded part of a rise of working capital; later capex is paid from the surplus; no profit is paid out (assumptions). A negative 累计盈余资金 means the plan is not financially sustainable in that year.",
            rows: [
                line("1", "经营活动净现金流量", "net cash from operation") { s.operatingNet[$0] },
                line("1.1", "营业收入", "revenue") { y[$0].revenue },
                line("1.2", "补贴收入", "subsidies") { y[$0].incentives },
                line("1.3", "经营成本", "operating cost") { y[$0].opex },
                line("1.4", "营业税金及附加与增值税", "VAT surtax and VAT cash cost") { y[$0].surtax + y[$0].vatCashCost },
                line("1.5", "所得税", "income tax") { y[$0].tax },
                line("2", "投资活动净现金流量", "net cash from investment") { s.investingNet[$0] },
                line("2.1", "建设投资与维持运营投资", "capex") { y[$0].capex },
                line("2.2", "流动资金", "working capital invested") { y[$0].workingCapitalInvested },
                line("2.3", "回收固定资产余值与流动资金", "residual value and working capital recovered") { y[$0].residualValue + y[$0].workingCapitalRecovered },
                line("3", "筹资活动净现金流量", "net cash from financing") { s.financingNet[$0] },
                line("3.1", "项目资本金投入", "capital paid in") { s.capitalPaidIn[$0] },
                line("3.2", "借款", "loans drawn") { y[$0].debtDrawdown },
                line("3.3", "利息支出", "interest paid") { y[$0].interest },
                line("3.4", "偿还债务本金", "principal repaid") { y[$0].principal },
                line("3.5", "应付利润", "profit paid out") { _ in 0 },
                line("4", "净现金流量", "net cash flow") { s.netCash[$0] },
                balance("5", "累计盈余资金", "accumulated cash surplus") { s.accumulatedSurplus[$0] },
            ]))

        let indicators = FeasibilityIndicators(e)
        var debtRows: [Row] = []
        for (k, loan) in e.loans.enumerated() {
            let c = String(k + 1)
            let closing = { (t: Int) in t + 1 < years.count ? loan.opening[t + 1] : loan.opening[t] + loan.drawn[t] + (t < op ? loan.interest[t] : 0) - loan.principal[t] }
            debtRows += [
                line(c, "借款 \(loan.id)", "loan \(loan.id)") { _ in 0 }.withoutValues,
                balance(c + ".1", "期初借款余额", "opening balance") { loan.opening[$0] },
                line(c + ".2", "当期借款", "drawn") { loan.drawn[$0] },
                line(c + ".3", "当期应计利息", "interest (capitalised in construction)") { loan.interest[$0] },
                line(c + ".4", "当期还本", "principal") { loan.principal[$0] },
                balance(c + ".5", "期末借款余额", "closing balance", closing),
            ]
        }
        if e.model.conventions.workingCapital != nil {
            let c = String(e.loans.count + 1)
            debtRows += [
                line(c, "流动资金借款", "working-capital loan") { _ in 0 }.withoutValues,
                balance(c + ".1", "期初借款余额", "opening balance") { $0 > 0 ? y[$0 - 1].workingCapitalLoanBalance : 0 },
                line(c + ".2", "当期借款", "drawn") { y[$0].workingCapitalLoanDrawn },
                line(c + ".3", "当期应计利息", "interest") { y[$0].workingCapitalLoanInterest },
                line(c + ".4", "当期还本", "principal") { y[$0].workingCapitalLoanRepaid },
                balance(c + ".5", "期末借款余额", "closing balance") { y[$0].workingCapitalLoanBalance },
            ]
        }
        let t = String(e.loans.count + (e.model.conventions.workingCapital != nil ? 2 : 1))
        debtRows += [
            line(t, "还本付息合计", "debt service") { y[$0].debtService },
            balance(t + ".1", "期末借款余额合计", "closing balance, all loans") { y[$0].debtBalance },
            ratio(t + ".2", "利息备付率", "interest coverage ratio (ICR)", indicators.interestCoverage),
            ratio(t + ".3", "偿债备付率", "debt-service coverage ratio (DSCR)", indicators.debtServiceCoverage),
        ]
        out.append(FeasibilityTable(
            id: "cn-debt-service", title: "借款还本付息计划表", titleEnglish: "Loan repayment and interest schedule",
            note: "Interest of construction years is capitalised (added to the balance); after it, interest is paid. ICR = EBIT / interest; DSCR = (EBITDA − income tax) / (interest + principal), the method's definitions.",
            rows: debtRows))

        var costRows: [Row] = []
        for (l, line_) in e.opexByLine.enumerated() {
            let variable = e.model.costDriverProduct[l] >= 0
            costRows.append(line("1.\(l + 1)", variable ? "可变成本项" : "固定成本项", line_.id) { line_.amounts[$0] })
        }
        let variableCost = years.indices.map { t in
            e.opexByLine.indices.reduce(0.0) { $0 + (e.model.costDriverProduct[$1] >= 0 ? e.opexByLine[$1].amounts[t] : 0) }
        }
        out.append(FeasibilityTable(
            id: "cn-total-cost", title: "总成本费用估算表", titleEnglish: "Total cost",
            note: "Cost lines per unit of output are variable, the others fixed (as for the break-even share); depreciation and interest are fixed. Amortisation of land-use rights is in depreciation.",
            rows: [line("1", "经营成本", "operating cost") { y[$0].opex }] + costRows + [
                line("2", "折旧费", "depreciation") { y[$0].depreciation },
                line("3", "利息支出", "interest expensed") { y[$0].interest },
                line("4", "总成本费用", "total cost") { s.totalCost[$0] },
                line("4.1", "可变成本", "variable cost") { variableCost[$0] },
                line("4.2", "固定成本", "fixed cost") { s.totalCost[$0] - variableCost[$0] },
            ]))

        if let terms = e.model.conventions.workingCapital {
            let requirement = cumulative(y.map(\.workingCapitalInvested))
            var rows: [Row] = []
            var note = "By ratio (docs/conventions.md): the requirement of each operating year"
            if let d = terms.turnoverDays {
                note = "By days of turnover on the year's operating cost (周转次数 = 360 / days; a simplification: every item on the whole operating cost): the requirement of each operating year is current assets less current liabilities"
                func item(_ code: String, _ name: String, _ english: String, _ days: Double) -> Row {
                    let turns = TurnoverDays.turnovers(days).map { ReportFormat.decimal($0, decimals: 2) } ?? "–"
                    let held = "\(ReportFormat.decimal(days, decimals: 0)) days, \(turns) turns"
                    return line(code, "\(name) (\(held))", "\(english) (\(held))") { t in
                        t >= op ? TurnoverDays.amount(days, operatingCost: y[t].opex) : 0
                    }.asBalance
                }
                let assets = [item("1.1", "应收账款", "receivables", d.receivables), item("1.2", "存货", "inventories", d.inventories),
                              item("1.3", "现金", "cash", d.cash)]
                let payables = item("2.1", "应付账款", "payables", d.payables)
                rows += [balance("1", "流动资产", "current assets") { t in assets.reduce(0) { $0 + $1.values[t]! } }] + assets
                rows += [balance("2", "流动负债", "current liabilities") { payables.values[$0]! }, payables]
            }
            rows += [
                balance("3", "流动资金", "working capital required", requirement),
                line("4", "流动资金当期增加额", "increase invested") { y[$0].workingCapitalInvested },
                line("4.1", "自有流动资金", "own-funded") { y[$0].workingCapitalInvested - y[$0].workingCapitalLoanDrawn },
                line("4.2", "流动资金借款", "borrowed") { y[$0].workingCapitalLoanDrawn },
                line("5", "回收流动资金", "recovered") { y[$0].workingCapitalRecovered },
                balance("6", "流动资金借款余额", "loan balance, closing") { y[$0].workingCapitalLoanBalance },
                line("7", "流动资金借款利息", "loan interest") { y[$0].workingCapitalLoanInterest },
            ]
            out.append(FeasibilityTable(
                id: "cn-working-capital", title: "流动资金估算表", titleEnglish: "Working capital",
                note: note + ", its increase invested, the own-funded part (铺底流动资金) and the loan; all recovered and repaid in the last year.",
                rows: rows))
        }

        out.append(FeasibilityTable(
            id: "cn-depreciation", title: "固定资产折旧费估算表", titleEnglish: "Depreciation of fixed assets",
            note: "The depreciation charge by asset class, and that of the capitalised construction interest; the original and net values are of all classes together. Original value = capex plus capitalised construction interest, before any capital grant that reduces the depreciable basis.",
            rows: [
                balance("1", "固定资产原值", "original value", cumulative(y.map { $0.capex + $0.capitalisedInterest })),
                line("2", "当期折旧费", "depreciation") { y[$0].depreciation },
            ] + e.depreciationByClass.enumerated().map { k, asset in
                line("2.\(k + 1)", asset.id, "asset class \(asset.id)") { asset.amounts[$0] }
            } + [
                line("2.\(e.depreciationByClass.count + 1)", "建设期利息", "capitalised construction interest") { y[$0].depreciationOfInterest },
                line("3", "回收固定资产余值", "residual value recovered") { y[$0].residualValue },
                balance("4", "固定资产净值", "net value") { s.netFixedAssets[$0] },
            ]))

        out.append(FeasibilityTable(
            id: "cn-balance-sheet", title: "资产负债表", titleEnglish: "Balance sheet (simplified)",
            note: "Simplified: assets = cash surplus accumulated + working capital (current assets net of payables) + VAT input credit + net fixed assets; liabilities = loan balances. It balances by construction of the flows; 资产负债率 = liabilities / assets.",
            rows: [
                balance("1", "资产", "total assets") { s.totalAssets[$0] },
                balance("1.1", "累计盈余资金", "accumulated cash surplus") { s.accumulatedSurplus[$0] },
                balance("1.2", "流动资金", "working capital") { s.workingCapital[$0] },
                balance("1.3", "待抵扣进项税", "VAT input credit") { s.vatCredit[$0] },
                balance("1.4", "固定资产净值", "net fixed assets") { s.netFixedAssets[$0] },
                balance("2", "负债及所有者权益", "liabilities and owners' equity") { s.liabilities[$0] + s.ownersEquity[$0] },
                balance("2.1", "负债 (借款余额)", "liabilities (loan balances)") { s.liabilities[$0] },
                balance("2.2", "所有者权益", "owners' equity") { s.ownersEquity[$0] },
                balance("2.2.1", "资本金", "capital paid in") { s.paidInCapital[$0] },
                balance("2.2.2", "资本公积", "capital reserve (non-taxable subsidies)") { s.capitalReserve[$0] },
                balance("2.2.3", "累计盈余公积金", "surplus reserve") { s.surplusReserveBalance[$0] },
                balance("2.2.4", "累计未分配利润", "undistributed profit") { s.undistributed[$0] },
                ratio("3", "资产负债率", "asset-liability ratio", s.assetLiabilityRatio),
            ]))
        return out
    }
}

extension FeasibilityTable.Row {
    /// The line as a balance (no 合计).
    var asBalance: Self {
        var r = self
        r.summed = false
        return r
    }

    /// A heading line (a loan's name): no values (an empty list).
    var withoutValues: Self {
        var r = self
        r.values = []
        r.summed = false
        return r
    }
}
