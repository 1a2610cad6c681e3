/// The yearly lines the feasibility-study method's statements need beyond the engine's pro forma:
/// the profit distribution with the statutory surplus reserve, the financial plan's cash surplus and a
/// simplified balance sheet. Everything is arranged from an evaluation's yearly lines (`Evaluation`),
/// so the tables (`FeasibilityTables`) and the indicators (`FeasibilityIndicators`) show one set of
/// numbers; nothing of the pro forma is computed a second time.
///
/// Assumptions (labelled; not in the seeds):
/// - Statutory surplus reserve (法定盈余公积金): 10% of the year's net profit after making up earlier
///   years' losses, until the reserve reaches 50% of the registered capital (《中华人民共和国公司法》
///   2023 revision, Art. 210; not in /work/shared/seeds).
/// - Registered capital = the capital the owners pay in (`capitalPaidIn`, summed): the method's 项目资本金.
/// - No profit is paid out (应付利润 = 0): what is left after the reserve stays undistributed, so the
///   financial plan's cash surplus is the owners' cash kept in the project.
/// - Owners pay in, in construction years, what the equity cash flow takes (capex not borrowed and the
///   VAT on it); in operating years, the own-funded part of a rise of working capital. A later capex
///   (a replacement, the method's 维持运营投资) is paid from the surplus.
public struct FeasibilityStatements: Sendable, Equatable {
    /// Statutory surplus reserve: the share of the year's net profit, and the cap as a share of
    /// registered capital (Company Law Art. 210; assumption, not in the seeds).
    public static let surplusReserveShare = 0.10, surplusReserveCapShare = 0.50

    // Profit and its distribution (利润与利润分配表), yuan per year.
    /// 总成本费用: operating cost + depreciation + interest expensed.
    public var totalCost: [Double]
    /// 净利润: profit before tax (the engine's taxable income before losses) less income tax.
    public var netProfit: [Double]
    /// 期初未分配利润 (negative: losses not yet made up) and 可供分配的利润 (opening + net profit).
    public var openingUndistributed, distributable: [Double]
    /// 提取法定盈余公积金 and the reserve's balance at the end of the year.
    public var surplusReserve, surplusReserveBalance: [Double]
    /// 未分配利润 at the end of the year (nothing paid out).
    public var undistributed: [Double]
    /// 息税前利润 and 息税折旧摊销前利润.
    public var ebit, ebitda: [Double]

    // Financial plan (财务计划现金流量表).
    /// 项目资本金投入: what the owners pay in (see above).
    public var capitalPaidIn: [Double]
    /// Net cash of operating, investing and financing activities, and the year's net cash flow.
    public var operatingNet, investingNet, financingNet, netCash: [Double]
    /// 累计盈余资金: the cash accumulated in the project.
    public var accumulatedSurplus: [Double]

    // Balance sheet (资产负债表), end of each year.
    /// 固定资产净值: capex and capitalised interest, less depreciation and the book value recovered.
    public var netFixedAssets: [Double]
    /// 流动资金: working capital invested and not yet recovered (current assets net of payables).
    public var workingCapital: [Double]
    /// 待抵扣进项税: the VAT input credit not yet used.
    public var vatCredit: [Double]
    public var totalAssets: [Double]
    /// 负债: every loan's balance, the working-capital loan's included.
    public var liabilities: [Double]
    /// 资本金, 资本公积 (non-taxable incentives received), and total owners' equity.
    public var paidInCapital, capitalReserve, ownersEquity: [Double]
    /// 资产负债率: liabilities / total assets; nil where the assets are zero.
    public var assetLiabilityRatio: [Double?]
    /// The registered capital the reserve's cap is measured against (yuan).
    public var registeredCapital: Double

    public init(_ e: Evaluation) {
        let years = e.years, op = e.model.operationStart, n = years.count
        func running(_ values: [Double]) -> [Double] {
            var sum = 0.0
            return values.map { sum += $0; return sum }
        }
        totalCost = years.map { $0.opex + $0.depreciation + $0.interest }
        let netProfit = years.map { $0.taxableIncome - $0.tax }
        self.netProfit = netProfit
        ebit = years.map { $0.taxableIncome + $0.interest }
        ebitda = years.map { $0.taxableIncome + $0.interest + $0.depreciation }

        let paidIn = years.indices.map { t in
            let y = years[t]
            return t < op ? max(0, -y.equityCashFlow) : max(0, y.workingCapitalInvested - y.workingCapitalLoanDrawn)
        }
        capitalPaidIn = paidIn
        let registered = paidIn.reduce(0, +)
        registeredCapital = registered
        let operating = years.map { $0.revenue + $0.incentives - $0.opex - $0.surtax - $0.vatCashCost - $0.tax }
        let investing = years.map { -$0.capex - $0.workingCapitalInvested + $0.workingCapitalRecovered + $0.residualValue }
        let financing = years.indices.map { paidIn[$0] + years[$0].debtDrawdown - years[$0].interest - years[$0].principal }
        let net = years.indices.map { operating[$0] + investing[$0] + financing[$0] }
        operatingNet = operating; investingNet = investing; financingNet = financing; netCash = net
        let surplus = running(net)
        accumulatedSurplus = surplus

        var openings: [Double] = [], available: [Double] = [], reserves: [Double] = [], balances: [Double] = [], closings: [Double] = []
        var opening = 0.0, reserve = 0.0
        let cap = Self.surplusReserveCapShare * registered
        for t in 0..<n {
            let distributable = opening + netProfit[t]
            // Losses of earlier years are made up first; only the year's profit beyond them bears the reserve.
            let base = max(0, min(netProfit[t], distributable))
            let set = min(Self.surplusReserveShare * base, max(0, cap - reserve))
            reserve += set
            openings.append(opening); available.append(distributable); reserves.append(set); balances.append(reserve)
            opening = distributable - set
            closings.append(opening)
        }
        openingUndistributed = openings; distributable = available; surplusReserve = reserves
        surplusReserveBalance = balances; undistributed = closings

        let fixed = running(years.map { $0.capex + $0.capitalisedInterest - $0.depreciation - $0.residualValue })
        let working = running(years.map { $0.workingCapitalInvested - $0.workingCapitalRecovered })
        let credit = running(years.map(\.vatCashCost))
        let assets = (0..<n).map { surplus[$0] + working[$0] + credit[$0] + fixed[$0] }
        let debt = years.map(\.debtBalance)
        let capital = running(paidIn)
        let capitalReserve = running(years.map { $0.incentives - $0.taxableIncentives })
        netFixedAssets = fixed; workingCapital = working; vatCredit = credit; totalAssets = assets; liabilities = debt
        paidInCapital = capital; self.capitalReserve = capitalReserve
        ownersEquity = (0..<n).map { capital[$0] + capitalReserve[$0] + balances[$0] + closings[$0] }
        assetLiabilityRatio = (0..<n).map { t in assets[t] > 1e-9 ? debt[t] / assets[t] : nil }
    }
}
