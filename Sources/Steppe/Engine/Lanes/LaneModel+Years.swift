import Foundation

extension LaneModel {
    /// The pro forma's years for eight paths at once, and their metrics.
    ///
    /// Each line is formed with the operations of the scalar engine, in its order: operating lines
    /// and VAT (`operatingLines`), loans (`scheduleDebt`), incentives (`incentiveAmounts`), CIT
    /// (`corporateIncomeTax`), cash flows (`afterDebt`, `cashFlows`), metrics (`PathMetric.compute`).
    /// Where the scalar engine skips a zero term the lanes add it, which changes no bit.
    func yearLoop(_ ws: LaneWorkspace, selected: [PathMetric], into out: UnsafeMutablePointer<Lanes>) {
        let m = model, n = yearCount, op = operationStart
        let products = m.productIDs.count, lines = m.costLineIDs.count, classes = m.assetClasses.count
        let project = selected.contains { $0.needsProjectCashFlow }
        let keepsFlows = selected.contains(.equityIRR) || selected.contains(.projectIRR)
        let statutory = ws.citRate
        let years = m.lossCarryForwardYears, limit = m.lossOffsetLimit
        let carriesLosses = m.lossTreatment == .carryForward
        for l in loans.indices { ws.balance[l] = .zero; ws.balanceAtRepayment[l] = .zero; ws.levelPayment[l] = .zero }
        for i in incentives.indices { ws.paid[i] = .zero }
        var levered = LaneLossChain(losses: ws.leveredLosses)
        var unlevered = LaneLossChain(losses: ws.unleveredLosses)
        var credit = Lanes.zero
        var firstRevenue = Lanes(repeating: .infinity)
        var equityNPV = Lanes.zero, projectNPV = Lanes.zero
        var minDSCR = Lanes(repeating: .infinity), dscrCount = Lanes.zero
        var cumulative = Lanes.zero, payback = Lanes.zero
        var everNegative = SIMDMask<SIMD8<Int64>>(repeating: false), recovered = everNegative
        var lcoeCosts = Lanes.zero, lcoeOutput = Lanes.zero

        for t in 0..<n {
            let year = Lanes(repeating: Double(t))
            // Operating lines and VAT.
            var revenue = Lanes.zero, outputVAT = Lanes.zero, firstProductRevenue = Lanes.zero
            for p in 0..<products {
                let r = ws.quantity[p * n + t] * laneMax(ws.price[p * n + t], Lanes(repeating: priceFloors[p]))
                if p == 0 { firstProductRevenue = r }
                revenue += r
                outputVAT += r * m.productVATRate[p]
            }
            var opex = Lanes.zero, inputVAT = Lanes.zero
            for l in 0..<lines {
                let driver = m.costDriverProduct[l]
                let q = driver >= 0 ? ws.costPerUnit[l] * ws.quantity[driver * n + t] : ws.costQuantity[l * n + t]
                let c = q * ws.costPrice[l * n + t]
                opex += c
                inputVAT += c * m.costVATRate[l]
            }
            var capex = Lanes.zero
            for c in 0..<classes {
                capex += ws.capex[c * n + t]
                inputVAT += ws.capex[c * n + t] * m.assetClasses[c].vatRate
            }
            let vatPaid = laneMax(.zero, outputVAT - inputVAT - credit)
            let newCredit = laneMax(.zero, credit + inputVAT - outputVAT)
            let vatCashCost = newCredit - credit
            let surtax = vatPaid * m.vatSurtaxRate
            credit = newCredit
            if t >= op {
                let starts = (firstRevenue .== .infinity) .& ((revenue .> 0) .| SIMDMask(repeating: t == n - 1))
                firstRevenue.replace(with: year, where: starts)
            }

            // Loans.
            var drawn = Lanes.zero, interest = Lanes.zero, principal = Lanes.zero
            for l in loans.indices {
                let loan = loans[l]
                let opening = ws.balance[l]
                let loanInterest = loan.rate * opening
                if t < op {
                    let draw = loan.drawShare * capex
                    ws.balance[l] = opening + loanInterest + draw
                    drawn += draw
                } else {
                    if t == loan.firstRepayment {
                        ws.balanceAtRepayment[l] = opening
                        if loan.repayment == .annuity {
                            ws.levelPayment[l] = loan.rate == 0
                                ? (opening + 0) / Double(loan.periods)
                                : (opening * loan.annuityGrowth + 0) * loan.rate / (loan.annuityGrowth - 1)
                        }
                    }
                    var loanPrincipal = Lanes.zero
                    if t >= loan.firstRepayment && t <= loan.lastRepayment {
                        switch loan.repayment {
                        case .equalPrincipal: loanPrincipal = ws.balanceAtRepayment[l] / Double(loan.periods)
                        case .annuity: loanPrincipal = ws.levelPayment[l] - loanInterest
                        case .bullet: loanPrincipal = t == loan.lastRepayment ? opening : .zero
                        case .sculpted: preconditionFailure("sculpted loans are not covered by the lane engine")
                        }
                    }
                    if t == loan.lastRepayment || t == n - 1 { loanPrincipal = opening }
                    ws.balance[l] = opening - loanPrincipal
                    interest += loanInterest
                    principal += loanPrincipal
                }
            }
            let debtService = t < op ? Lanes.zero : interest + principal

            // Incentives paid in cash.
            var incentiveTotal = Lanes.zero, taxableIncentives = Lanes.zero
            for i in incentives.indices {
                let raw: Lanes
                switch incentives[i].kind {
                case .productionSubsidy(let p, let perUnit): raw = perUnit * ws.quantity[p * n + t]
                case .annualAward(let perYear): raw = Lanes(repeating: perYear)
                case .taxRate, .taxHoliday: continue
                }
                let scale = ws.incentiveScale[i]
                let inWindow = (scale .!= 0) .& (year .>= ws.incentiveFirst[i]) .& (year .<= ws.incentiveLast[i])
                let paid = ws.paid[i]
                let capped = laneMin(laneMin(raw * scale, Lanes(repeating: incentives[i].capPerYear)),
                                     laneMax(.zero, incentives[i].capTotal - paid))
                let pays = inWindow .& (raw .!= 0)
                let amount = Lanes.zero.replacing(with: capped, where: pays)
                ws.paid[i] = paid.replacing(with: paid + amount, where: pays)
                incentiveTotal += amount
                if incentives[i].taxable { taxableIncentives += amount }
            }

            // Corporate income tax: the reduced rate of the year, then each chain's holiday and loss offset.
            var reduced = statutory
            for i in taxRates {
                guard case .taxRate(let r) = incentives[i].kind else { continue }
                let scale = ws.incentiveScale[i]
                let active = (scale .!= 0) .& (year .>= ws.incentiveFirst[i]) .& (year .<= ws.incentiveLast[i])
                reduced.replace(with: laneMin(reduced, statutory - scale * (statutory - r)), where: active)
            }
            let income = revenue - opex - surtax - ws.depreciation[t] - interest + taxableIncentives
            let tax = corporateIncomeTax(income, year: t, reduced: reduced, statutory: statutory, firstRevenue: firstRevenue,
                                         chain: &levered, ws, carriesLosses: carriesLosses, years: years, limit: limit)
            let cfads = revenue - opex - surtax - vatCashCost + incentiveTotal - tax - capex
            let residual = m.recoverResidualValue && t == n - 1 ? ws.bookValue + 0 : .zero
            let equityFlow = cfads + drawn - interest - principal + residual
            equityNPV += equityFlow * m.equityDiscountFactors[t]
            if keepsFlows { ws.equityCashFlow[t] = equityFlow }
            if t >= op {
                let serviced = debtService .> 1e-9
                minDSCR.replace(with: laneMin(minDSCR, cfads / debtService), where: serviced)
                dscrCount.replace(with: dscrCount + 1, where: serviced)
            }
            let f = m.projectDiscountFactors[t]
            let byProducts = revenue - firstProductRevenue
            // (Interest subsidies and residual value of interest are zero here, kept for the same rounding.)
            var costs: Lanes = capex + opex + surtax + vatCashCost
            costs = costs - (incentiveTotal - 0) - byProducts - residual
            lcoeCosts += f * (costs + 0)
            lcoeOutput += f * (products > 0 ? ws.quantity[t] : .zero)

            guard project else { continue }
            let unleveredIncome = income + interest + 0 - 0
            let unleveredTax = corporateIncomeTax(unleveredIncome, year: t, reduced: reduced, statutory: statutory,
                                                  firstRevenue: firstRevenue, chain: &unlevered, ws,
                                                  carriesLosses: carriesLosses, years: years, limit: limit)
            let operating = revenue - opex - surtax - vatCashCost + incentiveTotal - capex
            let projectFlow = operating - 0 - unleveredTax + residual - 0
            projectNPV += projectFlow * f
            if keepsFlows { ws.projectCashFlow[t] = projectFlow }
            // Payback (`paybackYears`): the first crossing to a non-negative cumulative flow after a negative one.
            let before = cumulative
            cumulative += projectFlow
            let negative = cumulative .< 0
            let open = .!recovered
            everNegative = everNegative .| (open .& negative)
            let crosses = open .& .!negative .& everNegative
            payback.replace(with: Double(t - 1) + (-before) / projectFlow, where: crosses)
            recovered = recovered .| crosses
        }

        let undefined = Lanes(repeating: .nan)
        for metric in selected {
            let value: Lanes
            switch metric {
            case .equityNPV: value = equityNPV
            case .projectNPV: value = projectNPV
            case .minDSCR: value = undefined.replacing(with: minDSCR, where: dscrCount .> 0)
            case .paybackYears: value = payback.replacing(with: undefined, where: .!recovered .& everNegative)
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

    /// One year of `ProFormaEngine.corporateIncomeTax` for one chain: loss offset, then the rate
    /// (reduced rate, combined with the holiday by the stacking rule), then the tax.
    @inline(__always)
    private func corporateIncomeTax(_ income: Lanes, year t: Int, reduced: Lanes, statutory: Lanes, firstRevenue: Lanes,
                                    chain: inout LaneLossChain, _ ws: LaneWorkspace,
                                    carriesLosses: Bool, years: Int, limit: Double) -> Lanes {
        let taxable = carriesLosses ? chain.offset(income, year: t, years: years, limit: limit) : income
        var rate = reduced
        if holiday >= 0, case .taxHoliday(let exempt, let reducedYears, let factor, let countFrom) = incentives[holiday].kind {
            let year = Lanes(repeating: Double(t))
            let scale = ws.incentiveScale[holiday]
            let applies = (scale .!= 0) .& (year .>= ws.incentiveFirst[holiday]) .& (year .<= ws.incentiveLast[holiday])
            let start: Lanes
            switch countFrom {
            case .firstRevenueYear: start = firstRevenue
            case .firstProfitYear:
                chain.holidayStart.replace(with: year, where: applies .& (chain.holidayStart .< 0) .& (taxable .> 0))
                start = chain.holidayStart
            }
            let counts = applies .& (start .>= 0) .& (year .>= start)
            if laneAny(counts) {
                let k = year - start
                let phase = Lanes(repeating: 1).replacing(with: factor, where: k .< Double(exempt + reducedYears))
                    .replacing(with: 0, where: k .< Double(exempt))
                let holidayFactor = Lanes(repeating: 1).replacing(with: 1 - scale * (1 - phase), where: counts)
                switch m.holidayStacking {
                case .lowerOf:
                    rate.replace(with: laneMin(reduced, statutory * holidayFactor), where: holidayFactor .< 1)
                case .halveReducedRate:
                    rate = reduced * holidayFactor
                }
            }
        }
        return rate * taxable
    }

    /// Each lane's IRR from its yearly flows, by the scalar `internalRateOfReturn` (NaN when undefined).
    private func laneIRR(_ flows: UnsafeMutableBufferPointer<Lanes>, _ ws: LaneWorkspace) -> Lanes {
        var value = Lanes()
        for j in 0..<Lanes.scalarCount {
            for t in 0..<yearCount { ws.laneFlows[t] = flows[t][j] }
            value[j] = internalRateOfReturn(UnsafeBufferPointer(ws.laneFlows)).metric.number ?? .nan
        }
        return value
    }

    private var m: CompiledModel { model }
}
