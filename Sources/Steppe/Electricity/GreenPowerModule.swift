/// The `electricity:` section: electricity loads priced by `GreenPowerPricing` and added to
/// the pro forma as cost lines, one per load (unit kWh, priced at the load's average all-in
/// price for a load spread evenly over the day).
///
/// ```yaml
/// electricity:
///   loads:
///     - {id: plant-power, annualKWh: 12.0e6, voltage: kV110, basis: catalogue}
///     - {id: furnace-power, annualKWh: 80.0e6, voltage: kV220AndAbove, basis: market,
///        industry: strategicIndustry, renewableShare: 0.58, renewablePrice: 0.24, otherPrice: 0.33,
///        transmissionDistributionFee: 0.06, assumption: "prices: 2024 Mengxi trades"}
/// ```
public struct GreenPowerModule: ScenarioModule {
    public static let sectionKey = "electricity"

    /// One load: yearly kWh (first operating year onwards) and its pricing.
    public struct Load: Sendable, Equatable {
        public var id: String
        public var annualKWh: YearlyValue
        public var pricing: GreenPowerPricing
        public var escalation: Double
        public var vatRate: Double
        public init(id: String, annualKWh: YearlyValue, pricing: GreenPowerPricing, escalation: Double = 0, vatRate: Double = 0) {
            self.id = id; self.annualKWh = annualKWh; self.pricing = pricing; self.escalation = escalation; self.vatRate = vatRate
        }
    }

    public var loads: [Load]
    public init(loads: [Load]) { self.loads = loads }

    public func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport {
        var issues: [ScenarioIssue] = []
        for (i, load) in loads.enumerated() where scenario.operatingCosts.contains(where: { $0.id == load.id }) {
            issues.append(ScenarioIssue(keyPath: "\(Self.sectionKey).loads[\(i)].id", message: "duplicate cost id '\(load.id)' (also in operatingCosts)"))
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        for load in loads {
            scenario.operatingCosts.append(OperatingCost(id: load.id, unit: "kWh", driver: .annual(load.annualKWh),
                                                         price: load.pricing.averagePrice, escalation: load.escalation,
                                                         vatRate: load.vatRate))
        }
        let lead = scenario.resolvedOperationStartYear - scenario.startYear
        return ModuleReport(series: loads.map { load in
            .init("\(load.id)AveragePrice", Array(repeating: 0, count: lead)
                + (0..<scenario.operatingYears).map { k in load.pricing.averagePrice * pow1p(load.escalation, k) })
        })
    }

    private func pow1p(_ r: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { x, _ in x * (1 + r) } }

    /// Reads the section.
    static func read(_ f: SourceField) -> (any ScenarioModule)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        guard let loads = o.required("loads")?.list(decodeLoad) else { return nil }
        return GreenPowerModule(loads: loads)
    }

    static func decodeLoad(_ f: SourceField) -> Load? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let kWh = o.required("annualKWh")?.yearly(min: 0)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        _ = o.optional("assumption")?.string()   // the source of assumed prices and fees, for readers
        let pricing = GreenPowerPricing.decode(o, f)
        guard let id, let kWh, let pricing else { return nil }
        return Load(id: id, annualKWh: kWh, pricing: pricing, escalation: escalation, vatRate: vat)
    }
}
