import Foundation

extension LaneModel {
    /// The pro forma's years for eight paths at once, and their metrics.
    ///
    /// Cash-flow conventions (stated in every report):
    /// - All amounts are yuan excluding VAT, at the end of each calendar year.
    /// - Capex is paid in its year; construction loans are drawn at the end of that year.
    /// - An asset starts depreciating in the year after its capex, and construction
    ///   capex in the first operating year.
    /// - `CFADS = revenue - opex - surtax - VAT cash cost + cash incentives - CIT - capex of the year`.
    /// - Project (unlevered) cash flow: CFADS-like flow with CIT recomputed without
    ///   interest and capitalised interest, and without interest subsidies.
    /// - Equity (levered) cash flow: `CFADS + debt drawn - debt service + residual value`.
    /// - VAT: output VAT less input VAT (opex and capex), a credit carried forward;
    ///   the cash it costs is the change of that credit. Credit left at the end is lost.
    ///
    /// Writes each year's CFADS into `ws.cfads` (the sculpted loan is sized from it), and with
    /// `KeepsLines` every yearly line into `ws.record`. `W` says whether the model has working capital
    /// (`evaluateDrawn` passes the model's).
    func yearLoop<R: LaneRecording, W: LaneWorkingCapitalPresence>(
        _ ws: LaneWorkspace, selected: [PathMetric], into out: UnsafeMutablePointer<Lanes>, _ recording: R.Type, _ : W.Type
    ) {
        let m = model, n = yearCount, op = operationStart
        let products = m.productIDs.count, lines = m.costLineIDs.count, classes = m.assetClasses.count
        let record = R.keepsLines ? ws.record : nil
        let keepsCFADS = R.keepsLines || sculpted != nil
        let project = record != nil || selected.contains { $0.needsProjectCashFlow }
        let keepsFlows = record != nil || selected.contains(.equityIRR) || selected.contains(.projectIRR)
        let chargesVAT = self.chargesVAT
        let coversDebt = selected.contains(.minDSCR), levelizes = selected.contains(.levelizedCost)
        let coverYears = debtServiceCoverYears
        let statutory = ws.citRate
        let years = m.lossCarryForwardYears, limit = m.lossOffsetLimit
        let carriesLosses = m.lossTreatment == .carryForward
        let countsFromFirstRevenue = holiday.map { !$0.fromFirstProfit } ?? false
        // Exempt-year income leaves losses alone (holidays counted from the first revenue year only).
        let keepsLossesInExemptYears = countsFromFirstRevenue
            && !(m.exemptIncomeUsesLosses ?? TaxRules.usesLossesInExemptYears(countFrom: .firstRevenueYear))
        if !schedulesLoansFirst { openLoans(ws) }
        // Terms read through pointers: a copied record went through the stack and stalled its loads.
        let cash = ws.cashIncentives
        var levered = LaneTaxChain(losses: ws.leveredLosses)
        var unlevered = LaneTaxChain(losses: ws.unleveredLosses)
        var credit = Lanes.zero
        var firstRevenue = Lanes(repeating: .infinity), revenueStartedInEveryLane = false
        /// Set only for holidays counted from the first revenue year (each chain's first profit year may come later).
        var holidayOverInEveryLane = false
        var equityNPV = Lanes.zero, projectNPV = Lanes.zero
        var minDSCR = Lanes(repeating: .infinity), dscrCount = Lanes.zero
        let paysBackProject = selected.contains(.paybackYears), paysBackEquity = selected.contains(.equityPaybackYears)
        var projectPayback = Payback<Lanes>(from: m.conventions.payback), equityPayback = Payback<Lanes>(from: m.conventions.payback)
        // Working capital, when the conventions have it: its loan joins the debt lines, its flows both cash flows.
        var workingCapital = LaneWorkingCapital(m.conventions.workingCapital)
        let hasWorkingCapital = W.isPresent
        var lcoeCosts = Lanes.zero, lcoeOutput = Lanes.zero
        // Construction interest: capitalised before the first operating year, depreciated from it.
        let buildsWithDebt = op > 0 && !loans.isEmpty
        var capitalisedInterest = Lanes.zero, interestBearingCapex = Lanes.zero, bookValueOfInterest = Lanes.zero

        for t in 0..<n {
            let year = Lanes(repeating: Double(t))
            // Operating lines and VAT.
            var revenue = Lanes.zero, outputVAT = Lanes.zero, firstProductRevenue = Lanes.zero
            for p in 0..<products {
                let r = ws.quantity[p * n + t] * laneMax(ws.price[p * n + t], Lanes(repeating: ws.priceFloors[p]))
                if let record { record.revenueByProduct[p * n + t] = r }
                if p == 0 { firstProductRevenue = r }
                revenue += r
                if chargesVAT { outputVAT += r * ws.productVATRate[p] }
            }
            var opex = Lanes.zero, inputVAT = Lanes.zero
            for l in 0..<lines {
                let quantity = lineQuantity(l, t, ws)
                let c = quantity * ws.costPrice[l * n + t]
                if let record { record.costQuantity[l * n + t] = quantity; record.opexByLine[l * n + t] = c }
                opex += c
                if chargesVAT { inputVAT += c * ws.costVATRate[l] }
            }
            var capex = Lanes.zero
            for c in 0..<classes {
                capex += ws.capex[c * n + t]
                if chargesVAT { inputVAT += ws.capex[c * n + t] * ws.assetVATRate[c] }
            }
            // Without any VAT rate, VAT paid, its cash cost and the surtax are +0 in every year (exactly
            // what the scalar engine computes), and subtracting +0 changes no bit.
            var vatCashCost = Lanes.zero, surtax = Lanes.zero, vatPaid = Lanes.zero
            if chargesVAT {
                vatPaid = laneMax(.zero, outputVAT - inputVAT - credit)
                let newCredit = laneMax(.zero, credit + inputVAT - outputVAT)
                vatCashCost = newCredit - credit
                surtax = vatPaid * m.vatSurtaxRate
                credit = newCredit
            }
            if countsFromFirstRevenue && t >= op && !revenueStartedInEveryLane {
                let starts = (firstRevenue .== .infinity) .& ((revenue .> 0) .| SIMDMask(repeating: t == n - 1))
                firstRevenue.replace(with: year, where: starts)
                revenueStartedInEveryLane = laneAll(firstRevenue .!= .infinity)
            }

            // Loans; interest of construction years is capitalised.
            let loanYear = schedulesLoansFirst ? ws.loanYears[t] : loanYear(t, capex: capex, ws, recording)
            var drawn = loanYear.drawn, interest = loanYear.interest, principal = loanYear.principal
            var debtBalance = loanYear.balance, workingCapitalYear = LaneWorkingCapital.Year()
            if hasWorkingCapital {
                workingCapitalYear = workingCapital.year(t, of: n, operationStart: op, revenue: revenue, opex: opex)
                drawn += workingCapitalYear.loanDrawn; interest += workingCapitalYear.loanInterest
                principal += workingCapitalYear.loanRepaid; debtBalance += workingCapitalYear.loanBalance
            }
            let debtService = t < op ? Lanes.zero : interest + principal
            if buildsWithDebt {
                if t < op {
                    capitalisedInterest += loanYear.capitalised
                    for c in 0..<classes where ws.takesCapitalisedInterest[c] { interestBearingCapex += ws.capex[c * n + t] }
                }
                if t == op {
                    bookValueOfInterest = depreciateConstructionInterest(capitalisedInterest, interestBearingCapex: interestBearingCapex, ws)
                }
            }
            let depreciationOfInterest = buildsWithDebt && t >= op ? ws.depreciationOfInterest[t] : .zero

            // Incentives paid in cash (amounts from `incentiveAmounts`), in the scalar engine's order.
            var incentiveTotal = Lanes.zero, taxableIncentives = Lanes.zero
            var interestSubsidies = Lanes.zero, taxableInterestSubsidies = Lanes.zero, capitalGrants = Lanes.zero
            for k in cash.indices {
                let amount = ws.incentiveAmount[cash[k].index * n + t]
                incentiveTotal += amount
                if R.keepsLines && cash[k].isCapitalGrant { capitalGrants += amount }
                if cash[k].taxable { taxableIncentives += amount }
                if cash[k].isInterestSubsidy {
                    interestSubsidies += amount
                    if cash[k].taxable { taxableInterestSubsidies += amount }
                }
            }

            // Corporate income tax: the year's reduced rate and holiday, then each chain's loss offset and rate.
            var rule = TaxYear(statutory: statutory, reduced: statutory, holiday: holiday,
                               holidayApplies: SIMDMask(repeating: false), holidayScale: .zero, stacking: m.holidayStacking)
            for r in ws.reducedRates {
                let scale = ws.incentiveScale[r.index]
                let active = (scale .!= 0) .& (year .>= ws.incentiveFirst[r.index]) .& (year .<= ws.incentiveLast[r.index])
                rule.reduced.replace(with: laneMin(rule.reduced, statutory - scale * (statutory - r.rate)), where: active)
            }
            if let holiday, !holidayOverInEveryLane {
                rule.holidayScale = ws.incentiveScale[holiday.index]
                rule.holidayApplies = (rule.holidayScale .!= 0) .& (year .>= ws.incentiveFirst[holiday.index])
                    .& (year .<= ws.incentiveLast[holiday.index])
            }
            // Without a holiday, or with one counted from the first revenue year, both chains pay the same rate.
            if let holiday, !holidayOverInEveryLane {
                if countsFromFirstRevenue {
                    rule.rate = rule.rate(holidayFrom: firstRevenue, year: t)
                    if keepsLossesInExemptYears {
                        let k = year - firstRevenue
                        rule.keepsLosses = rule.holidayApplies .& (k .>= 0) .& (k .< holiday.exemptYears) .& (rule.holidayScale .== 1)
                    }
                    // Past its exempt and reduced years in every lane, the holiday leaves the reduced rate for good.
                    holidayOverInEveryLane = revenueStartedInEveryLane && laneAll(year - firstRevenue .>= holiday.endOfReduced)
                }
            } else {
                rule.rate = rule.reduced
            }
            let depreciation = buildsWithDebt ? ws.depreciation[t] + depreciationOfInterest : ws.depreciation[t]
            let income = revenue - opex - surtax - depreciation - interest + taxableIncentives
            let tax = levered.tax(income, year: t, rule: rule, carriesLosses: carriesLosses, years: years, limit: limit)
            let cfads = revenue - opex - surtax - vatCashCost + incentiveTotal - tax - capex
            if keepsCFADS { ws.cfads[t] = cfads }
            let residualOfInterest = m.recoverResidualValue && t == n - 1 ? bookValueOfInterest : .zero
            let residual = m.recoverResidualValue && t == n - 1 ? ws.bookValue + bookValueOfInterest : .zero
            var equityFlow = cfads + drawn - interest - principal + residual
            if hasWorkingCapital { equityFlow += workingCapitalYear.projectFlow }
            equityNPV += equityFlow * ws.equityDiscountFactors[t]
            if keepsFlows { ws.equityCashFlow[t] = equityFlow }
            if paysBackEquity { equityPayback.add(equityFlow, year: t) }
            // Divisions only in years where some lane takes them: a vector division costs as much as a dozen other operations.
            if coversDebt && coverYears.contains(t), case let serviced = debtService .> 1e-9, laneAny(serviced) {
                minDSCR.replace(with: laneMin(minDSCR, cfads / debtService), where: serviced)
                dscrCount.replace(with: dscrCount + 1, where: serviced)
            }
            let f = ws.projectDiscountFactors[t]
            if levelizes {
                let byProducts = revenue - firstProductRevenue
                var costs: Lanes = capex + opex + surtax + vatCashCost
                costs = costs - (incentiveTotal - interestSubsidies) - byProducts - residual
                lcoeCosts += f * (costs + residualOfInterest)
                lcoeOutput += f * (products > 0 ? ws.quantity[t] : .zero)
            }

            if let record {
                record.revenue[t] = revenue; record.opex[t] = opex; record.capex[t] = capex
                record.vatPaid[t] = vatPaid; record.vatCashCost[t] = vatCashCost; record.vatCreditBalance[t] = credit
                record.surtax[t] = surtax
                record.incentives[t] = incentiveTotal; record.capitalGrants[t] = capitalGrants
                record.interestSubsidies[t] = interestSubsidies; record.taxableIncentives[t] = taxableIncentives
                record.depreciation[t] = depreciation; record.depreciationOfInterest[t] = depreciationOfInterest
                record.residualValue[t] = residual; record.residualValueOfInterest[t] = residualOfInterest
                record.workingCapital[t] = workingCapitalYear.projectFlow
                if hasWorkingCapital {
                    record.workingCapitalInvested[t] = workingCapitalYear.invested
                    record.workingCapitalRecovered[t] = workingCapitalYear.recovered
                    record.workingCapitalLoanDrawn[t] = workingCapitalYear.loanDrawn
                    record.workingCapitalLoanInterest[t] = workingCapitalYear.loanInterest
                    record.workingCapitalLoanRepaid[t] = workingCapitalYear.loanRepaid
                    record.workingCapitalLoanBalance[t] = workingCapitalYear.loanBalance
                }
                record.debtDrawdown[t] = drawn; record.interestExpense[t] = interest
                record.interestCapitalised[t] = loanYear.capitalised; record.principal[t] = principal
                record.debtService[t] = debtService; record.debtBalance[t] = debtBalance
                record.taxableIncome[t] = income; record.tax[t] = tax; record.citRate[t] = levered.rate
                record.lossBalance[t] = carriesLosses ? levered.lossBalance(year: t, years: years) : .zero
            }

            guard project else { continue }
            let unleveredIncome = income + interest + depreciationOfInterest - taxableInterestSubsidies
            let unleveredTax = unlevered.tax(unleveredIncome, year: t, rule: rule, carriesLosses: carriesLosses, years: years, limit: limit)
            record?.unleveredTax[t] = unleveredTax
            let operating = revenue - opex - surtax - vatCashCost + incentiveTotal - capex
            var projectFlow = operating - interestSubsidies - unleveredTax + residual - residualOfInterest
            if hasWorkingCapital { projectFlow += workingCapitalYear.projectFlow }
            projectNPV += projectFlow * f
            if keepsFlows { ws.projectCashFlow[t] = projectFlow }
            if paysBackProject { projectPayback.add(projectFlow, year: t) }
        }

        let undefined = Lanes(repeating: .nan)
        for metric in selected {
            let value: Lanes
            switch metric {
            case .equityNPV: value = equityNPV
            case .projectNPV: value = projectNPV
            case .minDSCR: value = undefined.replacing(with: minDSCR, where: dscrCount .> 0)
            case .paybackYears: value = projectPayback.value
            case .equityPaybackYears: value = equityPayback.value
            case .levelizedCost:
                var lcoe = undefined.replacing(with: lcoeCosts / lcoeOutput, where: lcoeOutput .> 0)
                for j in 0..<Lanes.scalarCount where !lcoe[j].isFinite { lcoe[j] = .nan }
                value = lcoe
            case .equityIRR: value = laneIRR(ws.equityCashFlow, ws)
            case .projectIRR: value = laneIRR(ws.projectCashFlow, ws)
            }
            out[metric.rawValue] = value
        }
    }

    /// What both tax chains read of a year: the statutory and reduced rates, and the holiday's state.
    struct TaxYear {
        var statutory: Lanes
        var reduced: Lanes
        var holiday: Holiday?
        var holidayApplies: SIMDMask<SIMD8<Int64>>
        var holidayScale: Lanes
        var stacking: TaxRules.HolidayStacking
        /// The rate of both chains, when it does not depend on a chain's first profit year.
        var rate: Lanes? = nil
        /// Lanes in a holiday's exempt year whose income leaves losses carried forward alone.
        var keepsLosses = SIMDMask<Lanes.MaskStorage>(repeating: false)
    }

    /// Each lane's IRR from its yearly flows: `internalRateOfReturn` of each lane (NaN when undefined).
    private func laneIRR(_ flows: UnsafeMutableBufferPointer<Lanes>, _ ws: LaneWorkspace) -> Lanes {
        laneInternalRateOfReturn(UnsafePointer(flows.baseAddress!), count: yearCount, scratch: ws.laneFlows).rate
    }

}
