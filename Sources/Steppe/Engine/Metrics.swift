import Foundation

/// The decision metrics of one evaluation, each a number or undefined with its reason.
///
/// Conventions: NPVs are valued at the end of the start year with the scenario's
/// discount timing; IRRs are end-of-year; paybacks count years from the end of the
/// start year, on the project cash flow (the equity payback: on the equity cash flow);
/// DSCR is CFADS over debt service in each year with debt service from the first scheduled principal
/// repayment to the last maturity (`CompiledModel.debtServiceCoverYears`); LLCR is the present
/// value of CFADS over the loan life at the balance-weighted loan rate, divided by the
/// debt at the start of operation.
public struct Metrics: Sendable, Equatable {
    public var projectNPV: MetricValue
    public var projectIRR: MetricValue
    public var equityNPV: MetricValue
    public var equityIRR: MetricValue
    public var paybackYears: MetricValue
    /// Years until the cumulative equity cash flow (which starts with the equity share of capex)
    /// first turns non-negative, interpolated within the crossing year, as `paybackYears`.
    public var equityPaybackYears: MetricValue
    public var discountedPaybackYears: MetricValue
    public var minDSCR: MetricValue
    public var averageDSCR: MetricValue
    public var llcr: MetricValue
    /// Largest cumulative equity outlay (yuan): minus the lowest cumulative equity cash flow.
    public var peakFunding: MetricValue
    /// First-year price of the first product that makes the equity NPV zero (yuan/unit).
    public var breakEvenPrice: MetricValue
    /// Levelized cost of the first product (yuan/unit); see `ProFormaEngine.levelizedCost`.
    public var levelizedCost: MetricValue

    /// The metric names, in report order.
    public static let names = ["projectNPV", "projectIRR", "equityNPV", "equityIRR", "paybackYears", "equityPaybackYears",
                               "discountedPaybackYears", "minDSCR", "averageDSCR", "llcr", "peakFunding", "breakEvenPrice", "levelizedCost"]

    /// Metric names in report order, with their values.
    public var all: [(name: String, value: MetricValue)] {
        [("projectNPV", projectNPV), ("projectIRR", projectIRR), ("equityNPV", equityNPV), ("equityIRR", equityIRR),
         ("paybackYears", paybackYears), ("equityPaybackYears", equityPaybackYears),
         ("discountedPaybackYears", discountedPaybackYears),
         ("minDSCR", minDSCR), ("averageDSCR", averageDSCR), ("llcr", llcr), ("peakFunding", peakFunding),
         ("breakEvenPrice", breakEvenPrice), ("levelizedCost", levelizedCost)]
    }
}

extension ProFormaEngine {
    /// Metrics of the pro forma in `ws` (after `run`). The break-even price re-runs the
    /// engine; pass `breakEven: false` to skip it.
    public static func metrics(_ m: CompiledModel, _ ws: Workspace, breakEven: Bool = true) -> Metrics {
        let n = m.yearCount
        let projectNPV = m.presentValue(ws.projectCashFlow, rate: m.projectRate)
        let equityNPV = m.presentValue(ws.equityCashFlow, rate: m.equityRate)

        let (minDSCR, sumDSCR, countDSCR) = debtServiceCover(m, ws)
        let noService = "no debt service from the first scheduled principal repayment to the last maturity"

        var cumulative = 0.0, lowest = 0.0
        for t in 0..<n { cumulative += ws.equityCashFlow[t]; lowest = min(lowest, cumulative) }

        let result = Metrics(
            projectNPV: .finite(projectNPV, orUndefined: "project NPV is not finite"),
            projectIRR: internalRateOfReturn(ws.projectCashFlow).metric,
            equityNPV: .finite(equityNPV, orUndefined: "equity NPV is not finite"),
            equityIRR: internalRateOfReturn(ws.equityCashFlow).metric,
            paybackYears: paybackYears(ws.projectCashFlow, from: m.conventions.payback),
            equityPaybackYears: paybackYears(ws.equityCashFlow, from: m.conventions.payback),
            discountedPaybackYears: paybackYears(ws.projectCashFlow, discountRate: m.projectRate, timing: m.timing,
                                                 firstYearIndex: m.conventions.discountYearsBeforeStartYear, from: m.conventions.payback),
            minDSCR: countDSCR > 0 ? .value(minDSCR) : .undefined(noService),
            averageDSCR: countDSCR > 0 ? .value(sumDSCR / Double(countDSCR)) : .undefined(noService),
            llcr: loanLifeCoverRatio(m, ws),
            peakFunding: .value(-lowest),
            breakEvenPrice: .undefined("not computed"),
            levelizedCost: levelizedCost(m, ws))
        guard breakEven else { return result }
        var withBreakEven = result
        withBreakEven.breakEvenPrice = breakEvenPrice(m)
        return withBreakEven
    }

    /// The lowest DSCR, the sum of the DSCRs and their count over the years of
    /// `CompiledModel.debtServiceCoverYears` with debt service (above 1e-9 yuan), as the year loop
    /// takes the Monte Carlo paths' minimum.
    static func debtServiceCover(_ m: CompiledModel, _ ws: Workspace) -> (minimum: Double, sum: Double, count: Int) {
        var minimum = Double.infinity, sum = 0.0, count = 0
        for t in m.debtServiceCoverYears where ws.debtService[t] > 1e-9 {
            let d = ws.cfads[t] / ws.debtService[t]
            minimum = min(minimum, d); sum += d; count += 1
        }
        return (minimum, sum, count)
    }

    /// PV of CFADS from the first operating year to the last maturity, at the
    /// balance-weighted loan rate, over the debt outstanding at the start of operation.
    static func loanLifeCoverRatio(_ m: CompiledModel, _ ws: Workspace) -> MetricValue {
        let op = m.operationStart
        guard op < m.yearCount else { return .undefined("no operating years") }
        var debt = 0.0, weightedRate = 0.0, lastMaturity = op
        for (l, loan) in m.loans.enumerated() {
            let balance = ws.loanOpening[l, op]
            debt += balance
            weightedRate += balance * loan.rate
            if balance > 0 { lastMaturity = max(lastMaturity, repaymentYears(loan, m).1) }
        }
        guard debt > 1e-9 else { return .undefined("no debt outstanding at the start of operation") }
        let rate = weightedRate / debt
        var present = 0.0
        for t in op...lastMaturity { present += ws.cfads[t] * pow(1 + rate, -Double(t - op + 1)) }
        return .finite(present / debt, orUndefined: "LLCR is not finite")
    }

    /// Levelized cost of the first product: the present value (project rate and timing) of
    /// capex, opex, surtax and VAT cash cost, less cash incentives other than interest subsidies,
    /// less revenue of the other products (by-product credit) and recovered residual value,
    /// divided by the present value of the first product's output. Before income tax and financing.
    static func levelizedCost(_ m: CompiledModel, _ ws: Workspace) -> MetricValue {
        var costs = 0.0, output = 0.0
        for t in 0..<m.yearCount {
            let f = m.projectDiscountFactors[t]
            let byProducts = ws.revenue[t] - ws.revenueByProduct[0, t]
            costs += f * (ws.capex[t] + ws.opex[t] + ws.surtax[t] + ws.vatCashCost[t]
                          - (ws.incentives[t] - ws.interestSubsidies[t]) - byProducts - ws.residualValue[t]
                          + ws.residualValueOfInterest[t])
            output += f * m.quantity[0, t]
        }
        guard output > 0 else { return .undefined("the first product has no output") }
        return .finite(costs / output, orUndefined: "levelized cost is not finite")
    }
}
