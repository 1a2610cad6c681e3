extension Scenario {
    /// The compiled cost line of a staff group: one per group, after the operating costs.
    static func labourCostLineID(role: String) -> String { "labour:\(role)" }

    /// For every number of this scenario (as read, before its modules contribute) that may be
    /// uncertain, the compiled quantity it became in `model`, compiled from it: keyed by the
    /// number's key path in the file (`products[0].price`, `hydrogen.water.price`).
    ///
    /// Lines are found by their ids, not by position: modules insert and append products, cost
    /// lines and staff groups, so a file's `products[0]` or `labour[0]` need not keep its index.
    func inputBindings(in model: CompiledModel) -> [String: CompiledInputBinding] {
        var bindings: [String: CompiledInputBinding] = [:]
        func bind(_ keyPath: String, _ target: CompiledInputTarget?, mustStayPositiveBecause reason: String? = nil,
                  drawsWithin range: ClosedRange<Double>? = nil) {
            bindings[keyPath] = CompiledInputBinding(target, mustStayPositiveBecause: reason, drawsWithin: range)
        }
        let productIndex = Dictionary(model.productIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let lineIndex = Dictionary(model.costLineIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, product) in products.enumerated() {
            guard let p = productIndex[product.id] else { continue }
            bind("products[\(i)].price", .productPrice(p))
            bind("products[\(i)].quantity", .productQuantity(p))
            bind("products[\(i)].escalation", .productEscalation(p))
            bind("products[\(i)].quantityGrowth", .productQuantityGrowth(p))
        }
        for (i, cost) in operatingCosts.enumerated() {
            guard let l = lineIndex[cost.id] else { continue }
            bind("operatingCosts[\(i)].price", .costPrice(l))
            bind("operatingCosts[\(i)].annualAmount", .costQuantity(l))
            bind("operatingCosts[\(i)].annualQuantity", .costQuantity(l))
            bind("operatingCosts[\(i)].quantityPerUnit", .costPerUnit(l))
            bind("operatingCosts[\(i)].escalation", .costEscalation(l))
        }
        for (i, group) in labour.enumerated() {
            guard let l = lineIndex[Self.labourCostLineID(role: group.role)],
                  let s = model.staffRoles.firstIndex(of: group.role) else { continue }
            bind("labour[\(i)].annualWage", .costPrice(l))
            bind("labour[\(i)].headcount", .headcount(staff: s, costLine: l))
            bind("labour[\(i)].escalation", .costEscalation(l))
        }
        for (i, item) in capex.enumerated() {
            guard let c = model.assetClasses.firstIndex(where: { $0.id == item.assetClass }) else { continue }
            bind("capex[\(i)].amount", .capex(assetClass: c, year: item.year - model.startYear, amount: item.amount))
        }
        switch land {
        case .purchase(let area, let price, _, let year):
            if let c = model.assetClasses.firstIndex(where: { $0.id == Scenario.landUseRightsClassID }) {
                bind("land.pricePerMu", .capex(assetClass: c, year: (year ?? startYear) - model.startYear, amount: area * price))
            }
        case .lease:
            if let l = lineIndex[Scenario.landLeaseCostID] { bind("land.annualRentPerMu", .costPrice(l)) }
        default: break
        }
        for (i, loan) in financing.loans.enumerated() {
            if let l = model.loans.firstIndex(where: { $0.id == loan.id }) { bind("financing.loans[\(i)].rate", .loanRate(l)) }
        }
        bind("tax.citRate", .citRate)
        for (i, incentive) in incentives.enumerated() {
            // A disabled incentive is not compiled: its numbers bind to nothing to vary.
            let k = model.incentives.firstIndex { $0.id == incentive.id }
            for field in UncertainInput.incentiveFields { bind("incentives[\(i)].\(field)", k.map { .incentiveScale($0) }) }
        }
        for module in modules {
            let moduleType = type(of: module)
            for input in moduleType.uncertainInputs {
                let target: CompiledInputTarget?
                switch input.drives {
                case .productPrice(let id): target = productIndex[id].map { .productPrice($0) }
                case .productEscalation(let id): target = productIndex[id].map { .productEscalation($0) }
                case .costPrice(let id): target = lineIndex[id].map { .costPrice($0) }
                case .costEscalation(let id): target = lineIndex[id].map { .costEscalation($0) }
                case .ownParameter: target = .moduleParameter
                }
                // A line the module did not contribute in this scenario (no water given): nothing to bind.
                guard let target else { continue }
                bind("\(moduleType.sectionKey).\(input.field)", target, mustStayPositiveBecause: input.mustStayPositiveBecause,
                     drawsWithin: input.drawsWithin)
            }
        }
        return bindings
    }
}
