/// The `hydrogen:` section of a scenario: an integrated wind/solar-to-hydrogen plant
/// dispatched hour by hour in every operating year, whose results become pro forma lines.
///
/// Contributions (before compilation):
/// - product `hydrogen` (kg delivered a year), placed **first** so break-even price and
///   levelized cost refer to hydrogen;
/// - product `grid-export` (kWh a year) at each year's energy-weighted capture price: its
///   `price` is the lifetime capture price and its `priceShape` each year's ratio to it, so a
///   Monte Carlo draw of the export price scales every year alike;
/// - cost line `grid-import` (yuan a year, priced hour by hour) when the plant imports;
/// - cost line `water` (t a year) when `water` is given;
/// - cost line `self-use-system-fees` (kWh of self-consumed power a year at the backup fee plus
///   cross-subsidy) and incentive `self-use-fee-exemption` overriding its price to 0
///   (自发自用电量暂不征收系统备用费和政策性交叉补贴, 002_4322e846ed20b2fa.txt L4175-4177), enabled
///   while `selfUseFees.exempt` holds, so with/without comparisons need one flag;
/// - capex for stack replacements in the calendar year they happen;
/// - capex items and fixed O&M cost lines of `capacityCosts`, sized by the plant's capacities.
///
/// Dispatch years: synthetic profiles give every calendar year its own profile (with
/// year-to-year variation); a CSV profile is one representative year reused every year.
/// Either way, wind and solar degradation and the stack's operating hours, battery charge and
/// hydrogen stock carry from year to year.
public struct HydrogenModule: ScenarioModule {
    public static let sectionKey = "hydrogen"

    /// Where the hourly wind and solar capacity factors come from.
    public enum Profiles: Sendable, Equatable {
        /// A profile per calendar year from the synthetic model.
        case synthetic(SyntheticResourceModel, seed: UInt64)
        /// One representative year, reused in every year.
        case representative(ResourceProfile)
        /// One profile per operating year, first operating year first (a Monte Carlo path's drawn
        /// weather, evaluated as a deterministic case); the last one repeats if the years run out.
        case yearly([ResourceProfile])
    }

    /// Sale terms of a product: first-operating-year price (yuan/unit), escalation, output VAT.
    public typealias Sales = SalesTerms

    /// Water per kg of hydrogen and its price.
    public struct Water: Sendable, Equatable {
        public var tonnesPerKg: Double
        /// Yuan per tonne; 10.4 is the industrial and commercial tariff, which already contains the
        /// sewage and water-resource fees (002_4322e846ed20b2fa.txt L160).
        public var price: Double
        public var escalation: Double
        public var vatRate: Double
        public init(tonnesPerKg: Double, price: Double = 10.4, escalation: Double = 0, vatRate: Double = 0) {
            self.tonnesPerKg = tonnesPerKg; self.price = price; self.escalation = escalation; self.vatRate = vatRate
        }
    }

    /// Fees that self-consumed power would pay without the exemption (yuan/kWh; the seeds give no rate).
    public struct SelfUseFees: Sendable, Equatable {
        public var systemBackupFee: Double
        public var crossSubsidy: Double
        /// The exemption of 002_4322e846ed20b2fa.txt L4175-4177 ("暂", for now) applies.
        public var exempt: Bool
        public init(systemBackupFee: Double = 0, crossSubsidy: Double = 0, exempt: Bool = true) {
            self.systemBackupFee = systemBackupFee; self.crossSubsidy = crossSubsidy; self.exempt = exempt
        }
    }

    // Constants once read, so that a dispatch prepared for a calendar stays the dispatch of this plant.
    public let plant: HydrogenPlant
    public let profiles: Profiles
    /// Export price of each hour (yuan/kWh): the market price of the period, which the
    /// project's sales take (接受相应时段市场价格, 002_4322e846ed20b2fa.txt L4175).
    public let exportPrice: [Double]
    public let hydrogenSales: Sales
    public let exportVATRate: Double
    /// Escalation and input VAT of the grid-import cost line.
    public let importEscalation: Double
    public let importVATRate: Double
    public let water: Water?
    public let selfUseFees: SelfUseFees
    /// Capex and fixed O&M stated per kW or kWh of a capacity (`CapacityCost`), so they follow the plant's size;
    /// they do not enter the dispatch.
    public var capacityCosts: [CapacityCost] = []
    /// Whether Monte Carlo paths keep the base weather or draw their own (`Weather`, docs/hydrogen.md).
    public var weather: Weather = .fixed
    /// Whether `contribute` adds the capex that follows the plant (the capacity costs' capex items and
    /// the stack replacements): off only to compile the capex without them, onto which `HydrogenPathModel`
    /// adds each path's own, for its drawn capacities and its own replacements.
    var contributesPlantCapex = true

    /// The dispatch of every operating year for one calendar, done once by `prepared(for:)`.
    struct PreparedDispatch: Sendable {
        var firstYear: Int
        var operatingYears: Int
        var years: [DispatchYear]
    }
    private var preparedDispatch: PreparedDispatch?

    public init(plant: HydrogenPlant, profiles: Profiles, exportPrice: [Double], hydrogenSales: Sales,
                exportVATRate: Double = 0, importEscalation: Double = 0, importVATRate: Double = 0,
                water: Water? = nil, selfUseFees: SelfUseFees = SelfUseFees()) {
        precondition(exportPrice.count == ResourceProfile.hoursPerYear, "export prices need 8760 hours")
        self.plant = plant; self.profiles = profiles; self.exportPrice = exportPrice; self.hydrogenSales = hydrogenSales
        self.exportVATRate = exportVATRate; self.importEscalation = importEscalation; self.importVATRate = importVATRate
        self.water = water; self.selfUseFees = selfUseFees
    }

    /// The module with the dispatch of `scenario`'s operating years done.
    public func prepared(for scenario: Scenario) -> HydrogenModule {
        var module = self
        module.preparedDispatch = PreparedDispatch(firstYear: scenario.resolvedOperationStartYear,
                                                   operatingYears: scenario.operatingYears, years: simulate(for: scenario))
        return module
    }

    /// Dispatches every operating year of `scenario` (first operating year first), or returns the
    /// dispatch prepared for the same calendar.
    ///
    /// - Complexity: O(8760 × years); the dispatch buffers and one profile are allocated once.
    public func simulate(for scenario: Scenario) -> [DispatchYear] {
        if let prepared = preparedDispatch, prepared.firstYear == scenario.resolvedOperationStartYear,
           prepared.operatingYears == scenario.operatingYears {
            return prepared.years
        }
        DispatchRunCounter.current?.recordRun()
        var dispatch = makeDispatch()
        let first = scenario.resolvedOperationStartYear
        var years: [DispatchYear] = []
        years.reserveCapacity(scenario.operatingYears)
        var profile: ResourceProfile
        switch profiles {
        case .representative(let p): profile = p
        case .synthetic(let model, let seed): profile = model.profile(year: first, seed: seed)
        case .yearly(let given): profile = given[0]
        }
        for k in 0..<scenario.operatingYears {
            if case .synthetic(let model, let seed) = profiles, k > 0 {
                model.fill(year: first + k, seed: seed, wind: &profile.wind, solar: &profile.solar)
            }
            if case .yearly(let given) = profiles { profile = given[min(k, given.count - 1)] }
            years.append(Self.dispatchYear(&dispatch, profile, operatingYear: k))
        }
        return years
    }

    /// The plant's dispatch with this section's prices, summing years only (no hourly trace).
    func makeDispatch() -> Dispatch {
        let importPrice = (0..<ResourceProfile.hoursPerYear).map { plant.gridImport.pricing.price(hour: $0).total }
        var dispatch = Dispatch(plant: plant, exportPrice: exportPrice, importPrice: importPrice)
        dispatch.recordsHours = false   // only the year's totals are used
        return dispatch
    }

    /// Dispatches operating year `k` (0: the first) of `profile`, with the wind and solar degradation of that year.
    static func dispatchYear(_ dispatch: inout Dispatch, _ profile: ResourceProfile, operatingYear k: Int) -> DispatchYear {
        dispatch.run(profile, windFactor: .pow1m(dispatch.plant.windDegradationPerYear, k),
                     solarFactor: .pow1m(dispatch.plant.solarDegradationPerYear, k))
    }

    /// The stack replacement's asset class and those of the capex in `capacityCosts`.
    public var assetClassReferences: [(keyPath: String, assetClass: String)] {
        let stack = plant.electrolyser.stackAssetClass.map { [("\(Self.sectionKey).electrolyser.stackReplacement.assetClass", $0)] } ?? []
        return stack + capacityCosts.enumerated().compactMap { i, cost in
            guard case .capex(_, let assetClass) = cost.kind else { return nil }
            return ("\(Self.sectionKey).capacityCosts[\(i)].assetClass", assetClass)
        }
    }

    public func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport {
        let key = Self.sectionKey
        var issues: [ScenarioIssue] = []
        for id in ["hydrogen", "grid-export"] where scenario.products.contains(where: { $0.id == id }) {
            issues.append(ScenarioIssue(keyPath: "products", message: "the hydrogen section supplies the product '\(id)'; remove it from products"))
        }
        for id in ["grid-import", "water", "self-use-system-fees"] where scenario.operatingCosts.contains(where: { $0.id == id }) {
            issues.append(ScenarioIssue(keyPath: "operatingCosts", message: "the hydrogen section supplies the cost line '\(id)'; remove it from operatingCosts"))
        }
        let elz = plant.electrolyser
        if elz.stackLifeHours != nil, elz.stackReplacementCost > 0, elz.stackAssetClass == nil {
            issues.append(ScenarioIssue(keyPath: "\(key).electrolyser.stackReplacement.assetClass", message: "missing: the asset class of the stack replacement capex"))
        }
        issues += unknownAssetClassIssues(known: scenario.assetClasses.map(\.id))
        issues += capacityCostIssues(in: scenario)
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        contributeCapacityCosts(to: &scenario)

        let years = simulate(for: scenario)
        let delivered = years.map(\.hydrogenDelivered)
        let capturePrice = DispatchYear.lifetimeCapturePrice(years)
        scenario.products.insert(Product(id: "hydrogen", unit: "kg", quantity: YearlyValue(delivered),
                                         price: hydrogenSales.price, escalation: hydrogenSales.escalation,
                                         vatRate: hydrogenSales.vatRate), at: 0)
        let shape = years.map { $0.exportPriceShape(lifetimeCapturePrice: capturePrice) }
        scenario.products.append(Product(id: "grid-export", unit: "kWh", quantity: YearlyValue(years.map(\.exportKWh)),
                                         price: capturePrice, vatRate: exportVATRate, priceShape: YearlyValue(shape)))
        // With weather or plant drawn per path, a path may import in a year the base case does not.
        let drawsPerPath = weather != .fixed || drawsPlant(in: scenario)
        if years.contains(where: { $0.gridImport > 0 }) || (drawsPerPath && plant.gridImport.rule != .none) {
            scenario.operatingCosts.append(OperatingCost(id: "grid-import", unit: "yuan", driver: .annual(YearlyValue(years.map(\.importCost))),
                                                         price: 1, escalation: importEscalation, vatRate: importVATRate))
        }
        if let water {
            scenario.operatingCosts.append(OperatingCost(id: "water", unit: "t", driver: .annual(YearlyValue(years.map { $0.waterTonnes(perKg: water.tonnesPerKg) })),
                                                         price: water.price, escalation: water.escalation, vatRate: water.vatRate))
        }
        let feeRate = selfUseFees.systemBackupFee + selfUseFees.crossSubsidy
        if feeRate > 0 {
            scenario.operatingCosts.append(OperatingCost(id: "self-use-system-fees", unit: "kWh",
                                                         driver: .annual(YearlyValue(years.map(\.selfConsumptionKWh))),
                                                         price: feeRate))
            scenario.incentives.append(Incentive(
                id: "self-use-fee-exemption", title: "No backup fee or cross-subsidy on self-consumed power (暂不征收)",
                kind: .inputPrice(costLine: "self-use-system-fees", discountPerUnit: nil, overridePrice: 0),
                provenance: .seed(document: "002_4322e846ed20b2fa.txt", lines: "4175-4177"), enabled: selfUseFees.exempt))
        }
        if let assetClass = elz.stackAssetClass, elz.stackReplacementCost > 0, contributesPlantCapex {
            let first = scenario.resolvedOperationStartYear
            for (k, y) in years.enumerated() where y.stackReplacements > 0 {
                scenario.capex.append(CapexItem(year: first + k, assetClass: assetClass,
                                                amount: Double(y.stackReplacements) * elz.stackReplacementCost))
            }
        }
        return report(years, constructionYears: scenario.resolvedOperationStartYear - scenario.startYear)
    }
}

extension Double {
    /// (1 − rate)^k, for yearly degradation.
    static func pow1m(_ rate: Double, _ k: Int) -> Double {
        var x = 1.0
        for _ in 0..<k { x *= 1 - rate }
        return x
    }
}
