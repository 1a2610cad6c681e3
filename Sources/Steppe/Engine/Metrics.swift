import Foundation

/// The decision metrics of one evaluation, each a number or undefined with its reason.
///
/// Conventions (Steppe's default; `ProjectConventions` may value NPVs at the start of construction and
/// count paybacks from it, docs/conventions.md): NPVs are valued at the end of the start year with the
/// scenario's discount timing; IRRs are end-of-year; paybacks count years from the end of the
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
    /// Levelized cost of the first product (yuan/unit): the present value (project rate and timing) of
    /// capex, opex, surtax and VAT cash cost, less cash incentives other than interest subsidies, less
    /// revenue of the other products (by-product credit) and recovered residual value, over the present
    /// value of the first product's output; before income tax and financing (`LaneModel.yearLoop`).
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

extension Metrics {
    /// The metrics of `evaluator`'s last run, which must have computed every `PathMetric`.
    ///
    /// The metrics Monte Carlo tracks are the engine's own values (`LaneModel.yearLoop`), so a
    /// deterministic result and a path's are one computation; an undefined one gets its reason here.
    /// The others (discounted payback, average DSCR, LLCR, peak funding) are read from the yearly
    /// lines `ws` of the same run. The break-even price re-runs the engine; pass `breakEven: false` to skip it.
    init(_ evaluator: DeterministicEvaluator, yearly ws: Workspace, breakEven: Bool) {
        let m = evaluator.model
        func engine(_ metric: PathMetric, _ reason: @autoclosure () -> String) -> MetricValue {
            .finite(evaluator.metric(metric), orUndefined: reason())
        }
        func rate(_ metric: PathMetric, _ flows: [Double]) -> MetricValue {
            // The engine's IRR is `internalRateOfReturn` itself, in lanes: its classification gives the reason.
            engine(metric, internalRateOfReturn(flows).metric.reason ?? "IRR undefined")
        }
        let neverRecovers = "payback undefined: cumulative cash flow never recovers within the project life"
        let noService = "no debt service from the first scheduled principal repayment to the last maturity"
        let hasOutput = !m.productIDs.isEmpty && (0..<m.yearCount).contains { m.quantity[0, $0] > 0 }

        var sumDSCR = 0.0, countDSCR = 0
        for t in m.debtServiceCoverYears where ws.debtService[t] > 1e-9 {
            sumDSCR += ws.cfads[t] / ws.debtService[t]; countDSCR += 1
        }
        var cumulative = 0.0, lowest = 0.0
        for t in 0..<m.yearCount { cumulative += ws.equityCashFlow[t]; lowest = min(lowest, cumulative) }

        self.init(
            projectNPV: engine(.projectNPV, "project NPV is not finite"),
            projectIRR: rate(.projectIRR, ws.projectCashFlow),
            equityNPV: engine(.equityNPV, "equity NPV is not finite"),
            equityIRR: rate(.equityIRR, ws.equityCashFlow),
            paybackYears: engine(.paybackYears, neverRecovers),
            equityPaybackYears: engine(.equityPaybackYears, neverRecovers),
            discountedPaybackYears: discountedPayback(ws.projectCashFlow, discountRate: m.projectRate, timing: m.timing,
                                                      firstYearIndex: m.conventions.discountYearsBeforeStartYear,
                                                      from: m.conventions.payback),
            minDSCR: engine(.minDSCR, noService),
            averageDSCR: countDSCR > 0 ? .value(sumDSCR / Double(countDSCR)) : .undefined(noService),
            llcr: Self.loanLifeCoverRatio(m, ws),
            peakFunding: .value(-lowest),
            breakEvenPrice: breakEven ? ProFormaEngine.breakEvenPrice(m) : .undefined("not computed"),
            levelizedCost: engine(.levelizedCost, hasOutput ? "levelized cost is not finite" : "the first product has no output"))
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
            if balance > 0 { lastMaturity = max(lastMaturity, ProFormaEngine.repaymentYears(loan, m).1) }
        }
        guard debt > 1e-9 else { return .undefined("no debt outstanding at the start of operation") }
        let rate = weightedRate / debt
        var present = 0.0
        for t in op...lastMaturity { present += ws.cfads[t] * pow(1 + rate, -Double(t - op + 1)) }
        return .finite(present / debt, orUndefined: "LLCR is not finite")
    }
}

/// `paybackYears` of discounted flows, named apart because inside `Metrics` the name `paybackYears` is the
/// member (the call would otherwise need the module's name, which differs per CPU level: Sources/CPULevels).
private func discountedPayback(_ flows: [Double], discountRate: Double, timing: DiscountTiming,
                               firstYearIndex: Int, from start: PaybackStart) -> MetricValue {
    paybackYears(flows, discountRate: discountRate, timing: timing, firstYearIndex: firstYearIndex, from: start)
}
