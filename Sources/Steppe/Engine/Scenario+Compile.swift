import Foundation

extension Scenario {
    /// Lets the domain modules contribute their lines, validates the result and flattens
    /// it into a `CompiledModel`.
    ///
    /// - Throws: `ScenarioErrors` listing every problem `validate()` finds.
    public func compile() throws(ScenarioErrors) -> CompiledModel {
        try withModuleContributions().compile()
    }

    func compileContributed() throws(ScenarioErrors) -> CompiledModel {
        let issues = validate()
        if !issues.isEmpty { throw ScenarioErrors(issues) }

        let opStartYear = resolvedOperationStartYear
        let opStart = opStartYear - startYear
        let n = opStart + operatingYears
        func escalated(_ base: Double, _ rate: Double, _ k: Int) -> Double { base * pow(1 + rate, Double(k)) }

        // Products.
        var quantity = YearMatrix(rows: products.count, years: n)
        var price = YearMatrix(rows: products.count, years: n)
        for (p, product) in products.enumerated() {
            for t in opStart..<n {
                let k = t - opStart
                quantity[p, t] = product.quantity[operatingYear: k] * pow(1 + product.quantityGrowth, Double(k))
                price[p, t] = escalated(product.price, product.escalation, k) * (product.priceShape?[operatingYear: k] ?? 1)
            }
        }
        let productIndex = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.id, $0) })

        // Cost lines: operating costs, then labour, then a land lease.
        var lineIDs: [String] = []
        var lineVAT: [Double] = []
        var lineDriver: [Int] = []
        var linePerUnit: [Double] = []
        var lineRows: [(quantity: [Double], price: [Double])] = []
        func operatingRow(_ value: (Int) -> Double) -> [Double] {
            (0..<n).map { $0 < opStart ? 0 : value($0) }
        }
        for cost in operatingCosts {
            let q: [Double]
            switch cost.driver {
            case .annual(let v):
                q = operatingRow { v[operatingYear: $0 - opStart] }
                lineDriver.append(-1); linePerUnit.append(0)
            case .perUnit(let product, let perUnit):
                q = Array(repeating: 0, count: n)
                lineDriver.append(productIndex[product]!); linePerUnit.append(perUnit)
            }
            lineIDs.append(cost.id); lineVAT.append(cost.vatRate)
            lineRows.append((q, operatingRow { escalated(cost.price, cost.escalation, $0 - opStart) }))
        }
        var headcount = YearMatrix(rows: labour.count, years: n)
        for (s, group) in labour.enumerated() {
            let q = operatingRow { group.headcount[operatingYear: $0 - opStart] }
            for t in 0..<n { headcount[s, t] = q[t] }
            lineIDs.append(Scenario.labourCostLineID(role: group.role)); lineVAT.append(0); lineDriver.append(-1); linePerUnit.append(0)
            lineRows.append((q, operatingRow { escalated(group.annualWage * (1 + group.onCostRate), group.escalation, $0 - opStart) }))
        }
        if case .lease(let area, let rent, let esc) = land {
            lineIDs.append(Scenario.landLeaseCostID); lineVAT.append(0); lineDriver.append(-1); linePerUnit.append(0)
            lineRows.append((operatingRow { _ in area }, operatingRow { escalated(rent, esc, $0 - opStart) }))
        }
        var costQuantity = YearMatrix(rows: lineIDs.count, years: n)
        var costPrice = YearMatrix(rows: lineIDs.count, years: n)
        for (r, row) in lineRows.enumerated() {
            for t in 0..<n { costQuantity[r, t] = row.quantity[t]; costPrice[r, t] = row.price[t] }
        }
        let lineIndex = Dictionary(uniqueKeysWithValues: lineIDs.enumerated().map { ($1, $0) })

        // Asset classes and capex.
        var classes = assetClasses.map {
            CompiledAssetClass(id: $0.id, method: $0.depreciation, lifeYears: $0.lifeYears,
                               residualRate: $0.residualRate, vatRate: $0.vatRate, takesCapitalisedInterest: true)
        }
        var capexItems = capex
        if case .purchase(let area, let pricePerMu, let term, let year) = land {
            classes.append(CompiledAssetClass(id: Scenario.landUseRightsClassID, method: .straightLine, lifeYears: term,
                                              residualRate: 0, vatRate: 0, takesCapitalisedInterest: false))
            capexItems.append(CapexItem(year: year ?? startYear, assetClass: Scenario.landUseRightsClassID, amount: area * pricePerMu))
        }
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1.id, $0) })
        var capexMatrix = YearMatrix(rows: classes.count, years: n)
        for item in capexItems { capexMatrix[classIndex[item.assetClass]!, item.year - startYear] += item.amount }

        // Loans.
        let debtShare = 1 - financing.equityShare
        let loans = financing.loans.map {
            CompiledLoan(id: $0.id, drawShare: $0.repayment == .sculpted ? 0 : debtShare * $0.share, rate: $0.rate,
                         tenorYears: $0.tenorYears, graceYears: $0.graceYears, repayment: $0.repayment,
                         targetDSCR: $0.targetDSCR ?? 1, maxGearing: $0.maxGearing ?? 1)
        }

        // Incentives.
        var firstRevenue = opStart
        while firstRevenue < n, (0..<products.count).allSatisfy({ quantity[$0, firstRevenue] * price[$0, firstRevenue] <= 0 }) {
            firstRevenue += 1
        }
        if firstRevenue == n { firstRevenue = opStart }
        if let named = incentiveWithdrawal?.incentives {
            let known = Set(incentives.filter(\.enabled).map(\.id))
            let unknown = named.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw ScenarioErrors(unknown.map { ScenarioIssue(keyPath: "withdrawIncentives.incentives (or --withdraw-only)",
                    message: "unknown incentive '\($0)' (the scenario's incentives: \(known.sorted().joined(separator: ", ")))") })
            }
        }
        var groupIndex: [String: Int] = [:]
        var compiledIncentives: [CompiledIncentive] = []
        for inc in incentives where inc.enabled {
            let firmShare: Double
            switch inc.payee {
            case .firm: firmShare = 1
            case .employee(let share): firmShare = share
            }
            let kind: CompiledIncentive.Kind
            var membership: [Bool] = [], amountByYear: [Double] = []
            switch inc.kind {
            case .capitalGrant(let share, let amount, let ids):
                membership = classes.map { ids.isEmpty || ids.contains($0.id) }
                kind = share.map { .cash(.grantShare, amount: $0) } ?? .cash(.grantAmount, amount: amount ?? 0)
            case .productionSubsidy(let product, let amount):
                kind = .cash(.production(product: productIndex[product]!), amount: amount)
            case .annualAward(let amount):
                kind = .cash(.award, amount: amount)
            case .interestSubsidy(let reduction, let ids):
                membership = loans.map { ids.isEmpty || ids.contains($0.id) }
                kind = .cash(.interest, amount: reduction)
            case .inputPrice(let line, let discount, let override):
                let r = lineIndex[line]!
                kind = discount.map { .cash(.inputDiscount(line: r), amount: $0) } ?? .cash(.inputOverride(line: r), amount: override ?? 0)
            case .taxRate(let rate):
                kind = .taxRate(rate: rate)
            case .taxHoliday(let exempt, let reduced, let factor, let from):
                kind = .taxHoliday(exemptYears: exempt, reducedYears: reduced, reducedFactor: factor, countFrom: from)
            case .perPersonAllowance(let role, let amount):
                kind = .cash(.perPerson(staff: labour.firstIndex { $0.role == role }!), amount: amount * firmShare)
            case .scheduledAward(let byYear):
                amountByYear = (0..<n).map { firmShare * (byYear[startYear + $0] ?? 0) }
                kind = .cash(.scheduled, amount: 0)
            }
            let eligibleStart = (inc.eligibleFrom == .firstRevenueYear ? firstRevenue : 0) + inc.eligibleAfterYears
            var first = max(eligibleStart, 0)
            if let from = inc.validFrom { first = max(first, from - startYear) }
            var last = n - 1
            if let to = inc.validTo { last = min(last, to - startYear) }
            if let duration = inc.durationYears { last = min(last, first + duration - 1) }
            if let withdrawal = incentiveWithdrawal, withdrawal.withdraws(inc.id) { last = min(last, withdrawal.fromYear - startYear - 1) }
            // What employees receive (before caps), so a report can show an allowance whose effect
            // on the firm is only its pass-through share.
            var paidToStaff: [Double] = []
            if case .employee = inc.payee {
                let inWindow = { (t: Int) in t >= first && t <= last }
                switch inc.kind {
                case .perPersonAllowance(let role, let amount):
                    let s = labour.firstIndex { $0.role == role }!
                    paidToStaff = (0..<n).map { inWindow($0) ? amount * headcount[s, $0] : 0 }
                case .scheduledAward(let byYear):
                    paidToStaff = (0..<n).map { inWindow($0) ? byYear[startYear + $0] ?? 0 : 0 }
                default: break
                }
            }
            var group = -1
            if let name = inc.stackingGroup, inc.stackingRule == .highest {
                group = groupIndex[name] ?? groupIndex.count
                groupIndex[name] = group
            }
            // Cost savings and allowances passed through to wages lower a deductible cost, so they are taxed.
            let alwaysTaxable: Bool
            switch inc.kind {
            case .inputPrice: alwaysTaxable = true
            case .perPersonAllowance, .scheduledAward:
                if case .employee = inc.payee { alwaysTaxable = true } else { alwaysTaxable = false }
            default: alwaysTaxable = false
            }
            compiledIncentives.append(CompiledIncentive(
                id: inc.id, title: inc.title, kind: kind, firstYear: first, lastYear: last,
                capPerYear: inc.capPerYear ?? .infinity, capTotal: inc.capTotal ?? .infinity,
                taxable: inc.taxable || alwaysTaxable, reducesDepreciableBasis: inc.reducesDepreciableBasis,
                highestOnlyGroup: group, provenance: inc.provenance, paidToStaffByYear: paidToStaff,
                membership: membership, amountByYear: amountByYear))
        }

        var model = CompiledModel(
            name: name, zone: zone, currency: currency, startYear: startYear, yearCount: n, operationStart: opStart,
            timing: discounting.timing, projectRate: discounting.projectRate, equityRate: discounting.equityRate,
            productIDs: products.map(\.id), productUnits: products.map(\.unit), quantity: quantity, price: price,
            productVATRate: products.map(\.vatRate),
            costLineIDs: lineIDs, costQuantity: costQuantity, costDriverProduct: lineDriver, costQuantityPerUnit: linePerUnit,
            costPrice: costPrice, costVATRate: lineVAT,
            assetClasses: classes, capex: capexMatrix, staffRoles: labour.map(\.role), headcount: headcount,
            equityShare: financing.equityShare, loans: loans,
            citRate: tax.citRate, lossTreatment: tax.lossTreatment, lossCarryForwardYears: tax.lossCarryForwardYears,
            lossOffsetLimit: tax.lossOffsetLimit, holidayStacking: tax.holidayStacking, vatSurtaxRate: tax.vatSurtaxRate,
            incentives: compiledIncentives, incentiveScale: Array(repeating: 1, count: compiledIncentives.count),
            incentiveFirstYear: compiledIncentives.map(\.firstYear), incentiveLastYear: compiledIncentives.map(\.lastYear),
            incentiveClawbackYear: Array(repeating: -1, count: compiledIncentives.count),
            recoverResidualValue: recoverResidualValue, traces: traces)
        if products.contains(where: { $0.priceFloor != nil }) {
            model.productPriceFloor = products.map { $0.priceFloor ?? -.infinity }
        }
        for inc in incentives { if let basis = inc.eligibilityBasis { model.incentiveEligibility[inc.id] = basis } }
        model.taxPreferenceIndices = compiledIncentives.indices.filter {
            switch compiledIncentives[$0].kind {
            case .taxRate, .taxHoliday: return true
            default: return false
            }
        }
        model.conventions = conventions
        model.exemptIncomeUsesLosses = tax.exemptIncomeUsesLosses
        model.equityDiscountFactors = (0..<n).map { model.discountFactor(rate: discounting.equityRate, yearIndex: $0) }
        model.projectDiscountFactors = (0..<n).map { model.discountFactor(rate: discounting.projectRate, yearIndex: $0) }
        model.taxableInterestSubsidyIndices = compiledIncentives.indices.filter {
            compiledIncentives[$0].isInterestSubsidy && compiledIncentives[$0].taxable
        }
        model.hasHighestOnlyGroups = compiledIncentives.contains { $0.highestOnlyGroup >= 0 }
        model.reportUnit = reportUnit
        return model
    }
}

extension ContributedScenario {
    /// Validates the contributed scenario and flattens it into a `CompiledModel`.
    ///
    /// - Throws: `ScenarioErrors` listing every problem `validate()` finds.
    public func compile() throws(ScenarioErrors) -> CompiledModel {
        var model = try scenario.compileContributed()
        model.inputBindings = asRead.inputBindings(in: model)
        return model
    }
}
