extension Scenario {
    /// Decodes a scenario document, reporting every problem at once.
    ///
    /// Field errors (wrong type, out of range, missing, unknown key) come with the line
    /// of the value; semantic errors from `validate()` with the line of the closest key.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - catalogue: what `zone`, `policies` and `{zone:}` / `{policy:}` values refer to.
    /// - Throws: `ScenarioErrors` with one issue per problem.
    ///   - dropInapplicablePolicies: disable (and list in `droppedPolicies`) the `policies:` items that
    ///     do not apply in the scenario's zone, instead of refusing them.
    public init(reading document: SourceNode, file: String? = nil, catalogue: PolicyCatalogue = .empty,
                dropInapplicablePolicies: Bool = false) throws(ScenarioErrors) {
        let reader = SourceReader(file: file)
        let context = CatalogueContext(catalogue)
        context.dropsInapplicablePolicies = dropInapplicablePolicies
        reader.catalogue = context
        let root = SourceField(node: document, path: "", reader: reader)
        guard var scenario = Scenario.decode(root), reader.issues.isEmpty else {
            throw ScenarioErrors(reader.issues.isEmpty
                ? [ScenarioIssue(file: file, keyPath: "", message: "the scenario could not be read")] : reader.issues)
        }
        scenario.uncertainty = reader.uncertain
        scenario.policyRisks = reader.policyRisks
        // The modules' work (the hourly dispatch) is done here once; contributing reuses it.
        scenario = scenario.preparingModules()
        let contributed: ContributedScenario
        do {
            contributed = try scenario.withModuleContributions()
        } catch {
            throw ScenarioErrors(error.issues.map(reader.locate))
        }
        let semantic = contributed.scenario.validate().map { context.remap($0) }
        if !semantic.isEmpty { throw ScenarioErrors(semantic.map(reader.locate)) }
        scenario.traces = context.traces
        scenario.droppedPolicies = context.droppedPolicies
        scenario.sourceFile = file
        // Uncertain inputs and their correlations are checked as a run would apply them, so that
        // validate and evaluate find what only run found before, at the line of the key.
        if !scenario.uncertainty.isEmpty || !scenario.correlations.isEmpty {
            do {
                _ = try StochasticModel(scenario: scenario, model: try contributed.compile())
            } catch {
                throw ScenarioErrors(error.issues.map(reader.locate))
            }
        }
        self = scenario
    }

    static func decode(_ field: SourceField) -> Scenario? {
        guard let o = field.object() else { return nil }
        defer { o.finish() }
        let name = o.required("name")?.string()
        let zoneField = o.optional("zone")
        let zone = zoneField?.string()
        if let zone, let zoneField { selectZone(zone, zoneField) }
        let currency = o.optional("currency")?.string() ?? "CNY"
        let reportUnitField = o.optional("reportUnit")
        let reportUnit = reportUnitField.map { $0.choice(ReportUnit.self) } ?? .millionYuan
        let startYear = o.required("startYear")?.year()
        let operationStartYear = o.optional("operationStartYear")?.year()
        let operatingYears = o.required("operatingYears")?.int(min: 1, max: 200)
        let assetClasses = o.required("assetClasses")?.list(maxCount: Scenario.largestListLength, decodeAssetClass)
        let capex = o.required("capex")?.list(maxCount: Scenario.largestListLength, decodeCapex)
        let products = o.required("products")?.list(maxCount: Scenario.largestListLength, decodeProduct)
        let costs = o.optional("operatingCosts")?.list(maxCount: Scenario.largestListLength, decodeCost) ?? []
        let labour = o.optional("labour")?.list(maxCount: Scenario.largestListLength, decodeStaff) ?? []
        var land: Land?
        var landFailed = false
        if let f = o.optional("land") {
            land = decodeLand(f)
            landFailed = land == nil
        }
        let financing = o.optional("financing").map(decodeFinancing) ?? Financing()
        let tax = o.optional("tax").map(decodeTax) ?? TaxRules()
        let discounting = o.required("discounting").flatMap(decodeDiscounting)
        let written = o.optional("incentives")?.list(maxCount: Scenario.largestListLength, decodeIncentive) ?? []
        let fromPolicies = o.optional("policies")?.list(decodePolicyUse) ?? []
        field.reader.catalogueContext?.writtenIncentives = written.count
        field.reader.catalogueContext?.policyIncentives = fromPolicies.count
        let incentives = written + fromPolicies
        let conventionsField = o.optional("conventions")
        let conventions = conventionsField.map(decodeConventions) ?? .steppe
        // The preset decides whether the residual value is recovered unless the scenario says so itself.
        let recover = o.optional("recoverResidualValue")?.bool() ?? (conventions?.recoversResidualValue ?? false)
        let correlations = o.optional("correlations")?.list(decodeCorrelation) ?? []
        let withdrawal = o.optional("withdrawIncentives").map(decodeWithdrawal)
        var modules: [any ScenarioModule] = []
        var modulesFailed = false
        for (key, read, _) in moduleReaders {
            guard let section = o.optional(key) else { continue }
            if let module = read(section) { modules.append(module) } else { modulesFailed = true }
        }
        // Checked here, with the field errors, rather than when the modules contribute (after
        // every field error is fixed), so that one run reports them all.
        if let assetClasses {
            for module in modules {
                for issue in module.unknownAssetClassIssues(known: assetClasses.map(\.id)) { field.reader.fail(at: issue.keyPath, issue.message) }
            }
        }
        guard let name, let startYear, let operatingYears, let assetClasses, let capex, let products,
              let discounting, let financing, let tax, let reportUnit, let conventions, !landFailed, !modulesFailed else { return nil }
        var scenario = Scenario(name: name, zone: zone, currency: currency, startYear: startYear,
                        operationStartYear: operationStartYear, operatingYears: operatingYears,
                        assetClasses: assetClasses, capex: capex, products: products, operatingCosts: costs,
                        labour: labour, land: land, financing: financing, tax: tax, discounting: discounting,
                        incentives: incentives, recoverResidualValue: recover, modules: modules)
        scenario.correlations = correlations
        scenario.conventions = conventions
        scenario.reportUnit = reportUnit
        if let withdrawal {
            guard let withdrawal else { return nil }
            scenario.incentiveWithdrawal = withdrawal
        }
        scenario.checkWrittenValidityWindows(count: written.count, field.reader)
        return scenario
    }

    /// `withdrawIncentives: {fromYear: 2029, incentives: [id, ...]}`: every incentive (or the named ones,
    /// catalogue and module incentives included) withdrawn from that year on, as `--withdraw-all-from`.
    /// In the file, so a Monte Carlo run, its shards and its report carry the stress.
    static func decodeWithdrawal(_ f: SourceField) -> IncentiveWithdrawal? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let year = o.required("fromYear")?.year()
        let ids = o.optional("incentives")?.list { $0.string() }
        guard let year else { return nil }
        return IncentiveWithdrawal(fromYear: year, incentives: ids)
    }

    /// An incentive written in the file whose validity lies wholly outside the project's years
    /// is a mistake in the file. (A catalogue policy that has lapsed is not: it simply pays nothing.)
    func checkWrittenValidityWindows(count: Int, _ reader: SourceReader) {
        let lastYear = resolvedOperationStartYear + operatingYears - 1
        for (i, inc) in incentives.prefix(count).enumerated() {
            if let to = inc.validTo, to < startYear {
                reader.fail(at: "incentives[\(i)].validTo", "the validity ends before the project starts in \(startYear) (got \(to))")
            }
            if let from = inc.validFrom, from > lastYear {
                reader.fail(at: "incentives[\(i)].validFrom", "the validity starts after the project ends in \(lastYear) (got \(from))")
            }
        }
    }

    static func decodeAssetClass(_ f: SourceField) -> AssetClass? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let life = o.required("lifeYears")?.int(min: 1, max: 100)
        let residual = o.optional("residualRate")?.double(min: 0, max: 1) ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        let methodName = o.optional("depreciation")?.string() ?? "straightLine"
        let factor = o.optional("decliningBalanceFactor")?.double(above: 0) ?? 2
        let method: DepreciationMethod
        switch methodName {
        case "straightLine": method = .straightLine
        case "decliningBalance": method = .decliningBalance(factor: factor)
        case "sumOfYearsDigits": method = .sumOfYearsDigits
        default:
            f.reader.fail(o.node, o.childPath("depreciation"),
                          "'\(methodName)' is not one of straightLine, decliningBalance, sumOfYearsDigits")
            return nil
        }
        guard let id, let life else { return nil }
        return AssetClass(id: id, depreciation: method, lifeYears: life, residualRate: residual, vatRate: vat)
    }

    static func decodeCapex(_ f: SourceField) -> CapexItem? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let year = o.required("year")?.year()
        let cls = o.required("assetClass")?.string()
        let amount = o.required("amount")?.double(min: 0)
        guard let year, let cls, let amount else { return nil }
        return CapexItem(year: year, assetClass: cls, amount: amount)
    }

    static func decodeProduct(_ f: SourceField) -> Product? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let unit = o.required("unit")?.string()
        let quantity = o.required("quantity")?.yearly(min: 0)
        let price = o.required("price")?.double(min: 0)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let growth = o.optional("quantityGrowth")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        let floor = o.optional("priceFloor")?.double(min: 0)
        guard let id, let unit, let quantity, let price else { return nil }
        return Product(id: id, unit: unit, quantity: quantity, price: price, escalation: escalation,
                       quantityGrowth: growth, vatRate: vat, priceFloor: floor)
    }

    static func decodeCost(_ f: SourceField) -> OperatingCost? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let unit = o.optional("unit")?.string() ?? "yuan"
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        let annualAmount = o.optional("annualAmount")?.yearly(min: 0)
        let annualQuantity = o.optional("annualQuantity")?.yearly(min: 0)
        let perUnitOf = o.optional("perUnitOf")?.string()
        let quantityPerUnit = o.optional("quantityPerUnit")?.double(min: 0)
        let price = o.optional("price")?.double(min: 0)
        let drivers = [o.has("annualAmount"), o.has("annualQuantity"), o.has("perUnitOf")].filter { $0 }.count
        guard drivers == 1 else {
            f.reader.fail(o.node, f.path, "give exactly one of annualAmount, annualQuantity (with price) or perUnitOf (with quantityPerUnit and price)")
            return nil
        }
        guard let id else { return nil }
        if let annualAmount {
            return OperatingCost(id: id, unit: unit, driver: .annual(annualAmount), price: 1, escalation: escalation, vatRate: vat)
        }
        if o.has("annualAmount") { return nil }
        guard let price else {
            if !o.has("price") { f.reader.fail(o.node, o.childPath("price"), "missing required key (yuan per \(unit))") }
            return nil
        }
        if let annualQuantity {
            return OperatingCost(id: id, unit: unit, driver: .annual(annualQuantity), price: price, escalation: escalation, vatRate: vat)
        }
        guard let perUnitOf else { return nil }
        guard let quantityPerUnit else {
            if !o.has("quantityPerUnit") { f.reader.fail(o.node, o.childPath("quantityPerUnit"), "missing required key") }
            return nil
        }
        return OperatingCost(id: id, unit: unit, driver: .perUnit(product: perUnitOf, quantityPerUnit: quantityPerUnit),
                             price: price, escalation: escalation, vatRate: vat)
    }

    static func decodeStaff(_ f: SourceField) -> StaffGroup? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let role = o.required("role")?.string()
        let headcount = o.required("headcount")?.yearly(min: 0)
        let wage = o.required("annualWage")?.double(min: 0)
        let onCost = o.optional("onCostRate")?.double(min: 0, max: 2) ?? 0
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        guard let role, let headcount, let wage else { return nil }
        return StaffGroup(role: role, headcount: headcount, annualWage: wage, onCostRate: onCost, escalation: escalation)
    }

    static func decodeLand(_ f: SourceField) -> Land? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let mode = o.required("mode")?.string()
        let area = o.required("areaMu")?.double(min: 0)
        switch mode {
        case "purchase":
            let price = o.required("pricePerMu")?.double(min: 0)
            let term = o.required("termYears")?.int(min: 1, max: 70)
            let year = o.optional("year")?.year()
            guard let area, let price, let term else { return nil }
            return .purchase(areaMu: area, pricePerMu: price, termYears: term, year: year)
        case "lease":
            let rent = o.required("annualRentPerMu")?.double(min: 0)
            let escalation = o.optional("escalation")?.growthRate() ?? 0
            guard let area, let rent else { return nil }
            return .lease(areaMu: area, annualRentPerMu: rent, escalation: escalation)
        case let other?:
            f.reader.fail(o.node, o.childPath("mode"), "'\(other)' is not one of purchase, lease")
            o.leaveRemainingKeysUnchecked()
            return nil
        case nil:
            o.leaveRemainingKeysUnchecked()
            return nil
        }
    }

    static func decodeFinancing(_ f: SourceField) -> Financing? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let equity = o.optional("equityShare")?.double(min: 0, max: 1) ?? 1
        let loans = o.optional("loans")?.list(maxCount: Scenario.largestListLength, decodeLoan) ?? []
        return Financing(equityShare: equity, loans: loans)
    }

    static func decodeLoan(_ f: SourceField) -> Loan? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let share = o.optional("share")?.double(min: 0, max: 1) ?? 1
        let rate = o.required("rate")?.rate()
        let tenor = o.required("tenorYears")?.int(min: 1, max: 100)
        let grace = o.optional("graceYears")?.int(min: 0, max: 99) ?? 0
        let repayment = o.required("repayment")?.choice(Loan.Repayment.self)
        let dscr = o.optional("targetDSCR")?.double(above: 0)
        let gearing = o.optional("maxGearing")?.double(min: 0, max: 1)
        guard let id, let rate, let tenor, let repayment else { return nil }
        return Loan(id: id, share: share, rate: rate, tenorYears: tenor, graceYears: grace, repayment: repayment,
                    targetDSCR: dscr, maxGearing: gearing)
    }

    static func decodeTax(_ f: SourceField) -> TaxRules? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        var t = TaxRules()
        if let v = o.optional("citRate")?.double(min: 0, max: 1) { t.citRate = v }
        if let v = o.optional("lossTreatment")?.choice(TaxRules.LossTreatment.self) { t.lossTreatment = v }
        if let v = o.optional("lossCarryForwardYears")?.int(min: 0, max: 50) { t.lossCarryForwardYears = v }
        if let v = o.optional("lossOffsetLimit")?.double(min: 0, max: 1) { t.lossOffsetLimit = v }
        if let v = o.optional("holidayStacking")?.choice(TaxRules.HolidayStacking.self) { t.holidayStacking = v }
        if let v = o.optional("vatSurtaxRate")?.double(min: 0, max: 1) { t.vatSurtaxRate = v }
        if let v = o.optional("exemptIncomeUsesLosses")?.bool() { t.exemptIncomeUsesLosses = v }
        return t
    }

    static func decodeDiscounting(_ f: SourceField) -> Discounting? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let project = o.required("projectRate")?.rate()
        let equity = o.required("equityRate")?.rate()
        let timing = o.optional("timing")?.choice(DiscountTiming.self) ?? .endOfYear
        guard let project, let equity else { return nil }
        return Discounting(projectRate: project, equityRate: equity, timing: timing)
    }

    static let incentiveKinds = ["capitalGrant", "productionSubsidy", "annualAward", "interestSubsidy", "inputPrice",
                                 "taxRate", "taxHoliday", "perPersonAllowance", "scheduledAward"]

    static func decodeIncentive(_ f: SourceField) -> Incentive? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let title = o.optional("title")?.string() ?? ""
        let kindName = o.required("kind")?.string()
        var kind: Incentive.Kind?
        func strings(_ key: String) -> [String] { o.optional(key)?.list { $0.string() } ?? [] }
        switch kindName {
        case "capitalGrant":
            let share = o.optional("share")?.incentiveParameter("share")
            let amount = o.optional("amount")?.incentiveParameter("amount")
            kind = .capitalGrant(share: share, amount: amount, assetClasses: strings("assetClasses"))
        case "productionSubsidy":
            let product = o.required("product")?.string()
            let perUnit = o.required("amountPerUnit")?.incentiveParameter("amountPerUnit")
            if let product, let perUnit { kind = .productionSubsidy(product: product, amountPerUnit: perUnit) }
        case "annualAward":
            if let a = o.required("amountPerYear")?.incentiveParameter("amountPerYear") { kind = .annualAward(amountPerYear: a) }
        case "interestSubsidy":
            if let r = o.required("rateReduction")?.incentiveParameter("rateReduction") {
                kind = .interestSubsidy(rateReduction: r, loans: strings("loans"))
            }
        case "inputPrice":
            let line = o.required("costLine")?.string()
            let discount = o.optional("discountPerUnit")?.incentiveParameter("discountPerUnit")
            let override = o.optional("overridePrice")?.incentiveParameter("overridePrice")
            if let line { kind = .inputPrice(costLine: line, discountPerUnit: discount, overridePrice: override) }
        case "taxRate":
            if let r = o.required("rate")?.incentiveParameter("rate") { kind = .taxRate(rate: r) }
        case "taxHoliday":
            let exempt = o.required("exemptYears")?.wholeIncentiveParameter("exemptYears")
            let reduced = o.optional("reducedYears")?.wholeIncentiveParameter("reducedYears") ?? 0
            let factor = o.optional("reducedFactor")?.incentiveParameter("reducedFactor") ?? 0.5
            let from = o.optional("countFrom")?.choice(Incentive.HolidayStart.self) ?? .firstRevenueYear
            if let exempt { kind = .taxHoliday(exemptYears: exempt, reducedYears: reduced, reducedFactor: factor, countFrom: from) }
        case "perPersonAllowance":
            let role = o.required("role")?.string()
            let amount = o.required("amountPerPersonYear")?.incentiveParameter("amountPerPersonYear")
            if let role, let amount { kind = .perPersonAllowance(role: role, amountPerPersonYear: amount) }
        case "scheduledAward":
            let entries = o.required("amounts")?.list { (f: SourceField) -> (Int, Double)? in
                guard let e = f.object() else { return nil }
                defer { e.finish() }
                let year = e.required("year")?.year(), amount = e.required("amount")?.double(min: 0)
                guard let year, let amount else { return nil }
                return (year, amount)
            }
            if let entries { kind = .scheduledAward(amountByYear: Dictionary(entries, uniquingKeysWith: +)) }
        case let other?:
            let hint = closestMatch(to: other, in: incentiveKinds).map { "; did you mean '\($0)'?" } ?? ""
            f.reader.fail(o.node, o.childPath("kind"), "'\(other)' is not one of \(incentiveKinds.joined(separator: ", "))\(hint)")
            o.leaveRemainingKeysUnchecked()
        case nil:
            o.leaveRemainingKeysUnchecked()
        }
        let validFrom = o.optional("validFrom")?.wholeIncentiveParameter("validFrom")
        let validTo = o.optional("validTo")?.wholeIncentiveParameter("validTo")
        let eligibleFrom = o.optional("eligibleFrom")?.choice(Incentive.EligibilityStart.self) ?? .startYear
        let after = o.optional("eligibleAfterYears")?.wholeIncentiveParameter("eligibleAfterYears") ?? 0
        let duration = o.optional("durationYears")?.wholeIncentiveParameter("durationYears")
        let capPerYear = o.optional("capPerYear")?.incentiveParameter("capPerYear")
        let capTotal = o.optional("capTotal")?.incentiveParameter("capTotal")
        let taxable = o.optional("taxable")?.bool() ?? false
        let reduces = o.optional("reducesDepreciableBasis")?.bool() ?? false
        let payeeName = o.optional("payee")?.string() ?? "firm"
        let passThrough = o.optional("passThroughShare")?.incentiveParameter("passThroughShare") ?? 0
        let group = o.optional("stackingGroup")?.string()
        let rule = o.optional("stackingRule")?.choice(Incentive.StackingRule.self) ?? .additive
        let enabled = o.optional("enabled")?.bool() ?? true
        if let risk = o.optional("policyRisk"), let id {
            if let decoded = decodePolicyRisk(risk, incentive: id) { f.reader.policyRisks.append(decoded) }
        }
        let payee: Incentive.Payee?
        switch payeeName {
        case "firm": payee = .firm
        case "employee": payee = .employee(passThroughShare: passThrough)
        default:
            f.reader.fail(o.node, o.childPath("payee"), "'\(payeeName)' is not one of firm, employee")
            payee = nil
        }
        let provenance = decodeProvenance(o, f)
        let eligibilityBasis = decodeEligibilityBasis(o, f)
        guard let id, let kind, let payee, let provenance else { return nil }
        return Incentive(id: id, title: title, kind: kind, validFrom: validFrom, validTo: validTo,
                         eligibleFrom: eligibleFrom, eligibleAfterYears: after, durationYears: duration,
                         capPerYear: capPerYear, capTotal: capTotal, taxable: taxable, reducesDepreciableBasis: reduces,
                         payee: payee, stackingGroup: group, stackingRule: rule, provenance: provenance, enabled: enabled,
                         eligibilityBasis: eligibilityBasis)
    }

    /// `policyRisk: {withdrawalHazard, delayYears: DISTRIBUTION, cut: {probability, toFraction},
    /// clawback: {annualHazard, withinYears}}`.
    static func decodePolicyRisk(_ f: SourceField, incentive: String) -> PolicyRisk? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        var risk = PolicyRisk(incentive: incentive)
        risk.withdrawalHazard = o.optional("withdrawalHazard")?.double(min: 0, max: 1)
        risk.withdrawalAfterYears = o.optional("withdrawalAfterYears")?.int(min: 0, max: 200) ?? 0
        // A wrong delay does not stop the reading: the keys after it are still checked.
        var delayFailed = false
        if let delay = o.optional("delayYears") {
            if let d = delay.object() {
                risk.delayYears = SourceField.decodeDistribution(d)
                d.finish()
            }
            delayFailed = risk.delayYears == nil
        }
        if let cut = o.optional("cut")?.object() {
            defer { cut.finish() }
            risk.cutProbability = cut.required("probability")?.double(min: 0, max: 1)
            risk.cutToFraction = cut.required("toFraction")?.double(min: 0, max: 1)
        }
        if let clawback = o.optional("clawback")?.object() {
            defer { clawback.finish() }
            risk.clawbackHazard = clawback.required("annualHazard")?.double(min: 0, max: 1)
            risk.clawbackWithinYears = clawback.required("withinYears")?.int(min: 1, max: 200)
        }
        return delayFailed ? nil : risk
    }

    /// `{between: [KEY.PATH, KEY.PATH], rank: R}`.
    static func decodeCorrelation(_ f: SourceField) -> RankCorrelationPair? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let between = o.required("between")?.list { $0.string() }
        let rank = o.required("rank")?.double(min: -1, max: 1)
        guard let between, let rank else { return nil }
        guard between.count == 2, between[0] != between[1] else {
            f.reader.fail(o.node, o.childPath("between"), "name two different uncertain inputs by key path")
            return nil
        }
        return RankCorrelationPair(first: between[0], second: between[1], rank: rank)
    }

    /// `citation: {document, lines}` or `assumption: "source"`: exactly one is required.
    /// The optional `eligibilityBasis: {citation: {document, lines}} | {assumption: "why"}` of an
    /// incentive or a policy use: why this project qualifies. Nil when absent (the incentive's
    /// citation states who qualifies); a wrong one is an issue of the reader, failing the read.
    static func decodeEligibilityBasis(_ o: SourceObject?, _ f: SourceField) -> Provenance? {
        guard let field = o?.optional("eligibilityBasis"), let b = field.object() else { return nil }
        defer { b.finish() }
        return decodeProvenance(b, field, missing: "an eligibility basis needs a citation {document, lines} or an assumption saying why the project qualifies")
    }

    static func decodeProvenance(_ o: SourceObject, _ f: SourceField,
                                 missing: String = "every incentive needs a citation {document, lines} or an assumption naming its source") -> Provenance? {
        let citation = o.optional("citation")?.object()
        let assumption = o.optional("assumption")?.string()
        if let citation {
            defer { citation.finish() }
            let document = citation.required("document")?.string()
            let lines = citation.required("lines")?.string()
            if assumption != nil {
                f.reader.fail(o.node, o.childPath("assumption"), "give either citation or assumption, not both")
                return nil
            }
            guard let document, let lines else { return nil }
            return .seed(document: document, lines: lines)
        }
        if let assumption { return .assumption(source: assumption) }
        if !o.has("citation") && !o.has("assumption") {
            f.reader.fail(o.node, o.childPath("citation"), "missing: \(missing)")
        }
        return nil
    }
}
