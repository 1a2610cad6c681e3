/// The annual pro forma: one deterministic evaluation of a compiled model.
///
/// Cash-flow conventions (stated in every report):
/// - All amounts are yuan excluding VAT, at the end of each calendar year.
/// - Capex is paid in its year; construction loans are drawn at the end of that year.
/// - An asset starts depreciating in the year after its capex, and construction
///   capex in the first operating year.
/// - `CFADS = revenue - opex - surtax - VAT cash cost + cash incentives - CIT - capex of the year`.
/// - Project (unlevered) cash flow: CFADS-like flow with CIT recomputed without
///   interest and capitalised interest, and without interest subsidies.
/// - Equity (levered) cash flow: `CFADS + debt drawn - debt service`.
/// - VAT: output VAT less input VAT (opex and capex), a credit carried forward;
///   the cash it costs is the change of that credit. Credit left at the end is lost.
///
/// `run` allocates nothing: every array it writes lives in the `Workspace`.
public enum ProFormaEngine {
    /// Evaluates `model` into `ws`.
    ///
    /// - Parameter priceScale: multiplies the first product's price (break-even search).
    public static func run(_ m: CompiledModel, _ ws: inout Workspace, priceScale: Double = 1) {
        operatingLines(m, &ws, priceScale: priceScale)
        var firstRevenue = m.operationStart
        while firstRevenue < m.yearCount - 1 && ws.revenue[firstRevenue] <= 0 { firstRevenue += 1 }

        let hasSculpted = m.loans.contains { $0.repayment == .sculpted }
        var draw = 0.0
        for t in 0..<m.yearCount { ws.sculptedService[t] = 0 }
        // The sculpted loan's size depends on CFADS, which depends on its interest: iterate to a fixed point.
        for _ in 0..<(hasSculpted ? 200 : 1) {
            scheduleDebt(m, &ws, sculptedDraw: draw)
            afterDebt(m, &ws, firstRevenue: firstRevenue)
            guard hasSculpted else { break }
            let next = sizeSculptedLoan(m, cfads: ws.cfads, service: &ws.sculptedService)
            if abs(next - draw) <= 1e-13 * max(1, abs(next)) { draw = next; break }
            draw = next
        }
        if hasSculpted {
            scheduleDebt(m, &ws, sculptedDraw: draw)
            afterDebt(m, &ws, firstRevenue: firstRevenue)
        }
        cashFlows(m, &ws, firstRevenue: firstRevenue)
    }

    /// Revenue, operating costs, VAT and surtax, capex: everything that does not depend on debt.
    static func operatingLines(_ m: CompiledModel, _ ws: inout Workspace, priceScale: Double) {
        var credit = 0.0
        for t in 0..<m.yearCount {
            var revenue = 0.0, outputVAT = 0.0
            for p in 0..<m.productIDs.count {
                var price = m.price[p, t] * (p == 0 ? priceScale : 1)
                if p < m.productPriceFloor.count { price = max(price, m.productPriceFloor[p]) }
                let r = m.quantity[p, t] * price
                ws.revenueByProduct[p, t] = r
                revenue += r
                outputVAT += r * m.productVATRate[p]
            }
            var opex = 0.0, inputVAT = 0.0
            for l in 0..<m.costLineIDs.count {
                let driver = m.costDriverProduct[l]
                let q = driver >= 0 ? m.costQuantityPerUnit[l] * m.quantity[driver, t] : m.costQuantity[l, t]
                ws.costQuantity[l, t] = q
                let c = q * m.costPrice[l, t]
                ws.opexByLine[l, t] = c
                opex += c
                inputVAT += c * m.costVATRate[l]
            }
            var capex = 0.0
            for c in 0..<m.assetClasses.count {
                capex += m.capex[c, t]
                inputVAT += m.capex[c, t] * m.assetClasses[c].vatRate
            }
            let paid = max(0, outputVAT - inputVAT - credit)
            let newCredit = max(0, credit + inputVAT - outputVAT)
            ws.revenue[t] = revenue; ws.opex[t] = opex; ws.capex[t] = capex
            ws.vatPaid[t] = paid; ws.vatCashCost[t] = newCredit - credit; ws.vatCreditBalance[t] = newCredit
            ws.surtax[t] = paid * m.vatSurtaxRate
            credit = newCredit
        }
    }

    /// Incentives, depreciation, levered CIT and CFADS for the current debt schedule.
    static func afterDebt(_ m: CompiledModel, _ ws: inout Workspace, firstRevenue: Int) {
        let n = m.yearCount
        incentiveAmounts(m, &ws)
        depreciate(m, &ws)
        for t in 0..<n {
            ws.taxableIncome[t] = ws.revenue[t] - ws.opex[t] - ws.surtax[t] - ws.depreciation[t]
                - ws.interestExpense[t] + ws.taxableIncentives[t]
        }
        corporateIncomeTax(m, income: ws.taxableIncome, firstRevenue: firstRevenue, tax: &ws.tax,
                           lossBalance: &ws.lossBalance, rate: &ws.citRate, vintage: &ws.scratchVintage)
        for t in 0..<n {
            ws.cfads[t] = ws.revenue[t] - ws.opex[t] - ws.surtax[t] - ws.vatCashCost[t] + ws.incentives[t]
                - ws.tax[t] - ws.capex[t]
        }
    }

    /// Unlevered tax and the project and equity cash flows.
    static func cashFlows(_ m: CompiledModel, _ ws: inout Workspace, firstRevenue: Int) {
        let n = m.yearCount
        for t in 0..<n {
            var taxableSubsidy = 0.0
            for i in m.taxableInterestSubsidyIndices { taxableSubsidy += ws.incentiveByItem[i, t] }
            ws.scratchIncome[t] = ws.taxableIncome[t] + ws.interestExpense[t] + ws.depreciationOfInterest[t] - taxableSubsidy
        }
        corporateIncomeTax(m, income: ws.scratchIncome, firstRevenue: firstRevenue, tax: &ws.unleveredTax,
                           lossBalance: &ws.scratchLoss, rate: &ws.scratchRate, vintage: &ws.scratchVintage)
        for t in 0..<n {
            let residual = ws.residualValue[t]
            let operating = ws.revenue[t] - ws.opex[t] - ws.surtax[t] - ws.vatCashCost[t] + ws.incentives[t] - ws.capex[t]
            ws.projectCashFlow[t] = operating - ws.interestSubsidies[t] - ws.unleveredTax[t]
                + residual - ws.residualValueOfInterest[t]
            ws.equityCashFlow[t] = ws.cfads[t] + ws.debtDrawdown[t] - ws.interestExpense[t] - ws.principal[t] + residual
        }
    }
}
