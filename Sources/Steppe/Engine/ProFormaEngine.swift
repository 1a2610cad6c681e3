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
///
/// The lane engine (`LaneModel`, Engine/Lanes) repeats these operations, in this order, for eight
/// Monte Carlo paths at once: change both, or `LaneEngineTests` fails.
public enum ProFormaEngine {
    /// Evaluates `model` into `ws`.
    ///
    /// - Parameters:
    ///   - priceScale: multiplies the first product's price (break-even search).
    ///   - projectCashFlows: false skips the unlevered tax and the project cash flow (a Monte Carlo
    ///     run whose metrics need neither); `ws.unleveredTax` and `ws.projectCashFlow` then keep
    ///     whatever they held.
    public static func run(_ m: CompiledModel, _ ws: inout Workspace, priceScale: Double = 1, projectCashFlows: Bool = true) {
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
        cashFlows(m, &ws, firstRevenue: firstRevenue, project: projectCashFlows)
    }

    /// Revenue, operating costs, VAT and surtax, capex: everything that does not depend on debt.
    ///
    /// Line by line over the years (contiguous rows, no per-entry copy-on-write checks), then
    /// the yearly totals and the VAT credit carried from year to year. Each year's sums add
    /// the lines in the same order as a year-by-year loop would.
    static func operatingLines(_ m: CompiledModel, _ ws: inout Workspace, priceScale: Double) {
        let n = m.yearCount
        // Output VAT and input VAT of each year, summed into `vatPaid` and `vatCashCost` before the credit pass.
        for t in 0..<n { ws.revenue[t] = 0; ws.opex[t] = 0; ws.capex[t] = 0; ws.vatPaid[t] = 0; ws.vatCashCost[t] = 0 }
        ws.revenue.withUnsafeMutableBufferPointer { revenue in
        ws.vatPaid.withUnsafeMutableBufferPointer { outputVAT in
        ws.revenueByProduct.storage.withUnsafeMutableBufferPointer { byProduct in
            for p in 0..<m.productIDs.count {
                let scale = p == 0 ? priceScale : 1
                let floor = p < m.productPriceFloor.count ? m.productPriceFloor[p] : -Double.infinity
                let vat = m.productVATRate[p]
                let row = p * n
                for t in 0..<n {
                    let r = m.quantity.storage[row + t] * max(m.price.storage[row + t] * scale, floor)
                    byProduct[row + t] = r
                    revenue[t] += r
                    outputVAT[t] += r * vat
                }
            }
        }
        }
        }
        ws.opex.withUnsafeMutableBufferPointer { opex in
        ws.vatCashCost.withUnsafeMutableBufferPointer { inputVAT in
        ws.costQuantity.storage.withUnsafeMutableBufferPointer { quantity in
        ws.opexByLine.storage.withUnsafeMutableBufferPointer { byLine in
            for l in 0..<m.costLineIDs.count {
                let driver = m.costDriverProduct[l], perUnit = m.costQuantityPerUnit[l]
                let vat = m.costVATRate[l]
                let row = l * n
                for t in 0..<n {
                    let q = driver >= 0 ? perUnit * m.quantity.storage[driver * n + t] : m.costQuantity.storage[row + t]
                    quantity[row + t] = q
                    let c = q * m.costPrice.storage[row + t]
                    byLine[row + t] = c
                    opex[t] += c
                    inputVAT[t] += c * vat
                }
            }
        }
        }
        }
        }
        for c in 0..<m.assetClasses.count {
            let vat = m.assetClasses[c].vatRate
            for t in 0..<n {
                ws.capex[t] += m.capex[c, t]
                ws.vatCashCost[t] += m.capex[c, t] * vat
            }
        }
        var credit = 0.0
        for t in 0..<n {
            let outputVAT = ws.vatPaid[t], inputVAT = ws.vatCashCost[t]
            let paid = max(0, outputVAT - inputVAT - credit)
            let newCredit = max(0, credit + inputVAT - outputVAT)
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

    /// The equity cash flows and, if `project`, the unlevered tax and the project cash flows.
    static func cashFlows(_ m: CompiledModel, _ ws: inout Workspace, firstRevenue: Int, project: Bool = true) {
        let n = m.yearCount
        for t in 0..<n {
            ws.equityCashFlow[t] = ws.cfads[t] + ws.debtDrawdown[t] - ws.interestExpense[t] - ws.principal[t] + ws.residualValue[t]
        }
        guard project else { return }
        for t in 0..<n {
            var taxableSubsidy = 0.0
            for i in m.taxableInterestSubsidyIndices { taxableSubsidy += ws.incentiveByItem[i, t] }
            ws.scratchIncome[t] = ws.taxableIncome[t] + ws.interestExpense[t] + ws.depreciationOfInterest[t] - taxableSubsidy
        }
        corporateIncomeTax(m, income: ws.scratchIncome, firstRevenue: firstRevenue, tax: &ws.unleveredTax,
                           lossBalance: &ws.scratchLoss, rate: &ws.scratchRate, vintage: &ws.scratchVintage)
        for t in 0..<n {
            let operating = ws.revenue[t] - ws.opex[t] - ws.surtax[t] - ws.vatCashCost[t] + ws.incentives[t] - ws.capex[t]
            ws.projectCashFlow[t] = operating - ws.interestSubsidies[t] - ws.unleveredTax[t]
                + ws.residualValue[t] - ws.residualValueOfInterest[t]
        }
    }
}
