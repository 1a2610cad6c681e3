/// Reading, checking and contributing the `hydrogen.capacityCosts` list (`CapacityCost`).
extension HydrogenModule {
    /// `{capacity, kind: capex, yuanPerKW | yuanPerKWh, year, assetClass}` or
    /// `{capacity, kind: fixedOM, yuanPerKW | yuanPerKWh, id, escalation, vatRate}`, the price key
    /// matching the capacity's unit (kWh for `batteryEnergy`, kW for the others).
    static func decodeCapacityCost(_ f: SourceField) -> CapacityCost? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let capacity = o.required("capacity")?.choice(CapacityCost.Capacity.self)
        let kindName = o.required("kind")?.string()
        _ = o.optional("assumption")?.string()
        var price: Double?
        if let capacity {
            let wrong = capacity.priceKey == "yuanPerKW" ? "yuanPerKWh" : "yuanPerKW"
            if o.has(wrong) {
                _ = o.optional(wrong)
                f.reader.fail(o.node, o.childPath(wrong), "\(capacity.rawValue) is priced per \(capacity.unit): write \(capacity.priceKey)")
            } else {
                price = o.required(capacity.priceKey)?.double(min: 0)
            }
        }
        var kind: CapacityCost.Kind?
        switch kindName {
        case "capex":
            let year = o.required("year")?.year()
            let assetClass = o.required("assetClass")?.string()
            if let year, let assetClass { kind = .capex(year: year, assetClass: assetClass) }
        case "fixedOM":
            let id = o.required("id")?.string()
            let escalation = o.optional("escalation")?.growthRate() ?? 0
            let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
            if let id { kind = .fixedOM(id: id, escalation: escalation, vatRate: vat) }
        case nil:
            break
        case let other?:
            let names = ["capex", "fixedOM"]
            let hint = closestMatch(to: other, in: names).map { "; did you mean '\($0)'?" } ?? ""
            f.reader.fail(o.node, o.childPath("kind"), "'\(other)' is not one of \(names.joined(separator: ", "))\(hint)")
            o.leaveRemainingKeysUnchecked()
        }
        guard let capacity, let price, let kind else { return nil }
        return CapacityCost(capacity: capacity, yuanPerUnit: price, kind: kind)
    }

    /// What in `capacityCosts` does not fit `scenario`: a capex year outside the project, a fixed
    /// O&M id that another cost line has, a battery cost without a battery. (Unknown asset classes:
    /// `assetClassReferences`.)
    func capacityCostIssues(in scenario: Scenario) -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        let lastYear = scenario.resolvedOperationStartYear + scenario.operatingYears - 1
        var costIDs = Set(scenario.operatingCosts.map(\.id)).union(["grid-import", "water", "self-use-system-fees"])
        for (i, cost) in capacityCosts.enumerated() {
            let path = "\(Self.sectionKey).capacityCosts[\(i)]"
            if cost.capacity.size(of: plant) == nil {
                issues.append(ScenarioIssue(keyPath: "\(path).capacity", message: "the plant has no battery: add \(Self.sectionKey).battery or remove this cost"))
            }
            switch cost.kind {
            case .capex(let year, _):
                if year < scenario.startYear || year > lastYear {
                    issues.append(ScenarioIssue(keyPath: "\(path).year", message: "must be within the project years \(scenario.startYear)-\(lastYear) (got \(year))"))
                }
            case .fixedOM(let id, _, _):
                if !costIDs.insert(id).inserted {
                    issues.append(ScenarioIssue(keyPath: "\(path).id", message: "'\(id)' is already the id of another cost line"))
                }
            }
        }
        return issues
    }

    /// Adds each capacity cost to `scenario`: capex items and fixed O&M cost lines for the plant's size.
    func contributeCapacityCosts(to scenario: inout Scenario) {
        for cost in capacityCosts {
            guard let amount = cost.amount(for: plant) else { continue }
            switch cost.kind {
            case .capex(let year, let assetClass):
                guard contributesPlantCapex else { continue }
                scenario.capex.append(CapexItem(year: year, assetClass: assetClass, amount: amount))
            case .fixedOM(let id, let escalation, let vatRate):
                scenario.operatingCosts.append(OperatingCost(id: id, driver: .annual(YearlyValue([amount])), price: 1,
                                                             escalation: escalation, vatRate: vatRate))
            }
        }
    }
}
