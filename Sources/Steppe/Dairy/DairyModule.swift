/// The `dairy:` section of a scenario: a dairy farm whose herd is simulated year by year
/// (`HerdSimulation`) and whose milk, animal sales, feed, staff, costs per head, insurance and
/// herd-conditioned subsidies become pro forma lines.
///
/// Contributions (before compilation):
/// - products `raw-milk` (t, placed **first**, so break-even price and levelized cost refer to
///   milk; its `price` is the hook a Monte Carlo layer samples, and a purchase contract's floor
///   is the product's `priceFloor`, which holds against any sampled price), `cull-cows`,
///   `surplus-heifers` and `surplus-calves` (head);
/// - cost lines `feed:ID` (t), one per feed, from rations per head-year by class; one yuan line
///   per cost per head (veterinary and breeding, manure, utilities, …); `insurance` (cows insured
///   on 1 January at sum insured × premium rate, 002 L746-750) with the premium support as an
///   `inputPrice` incentive; `heifer-purchases` (yuan) when bought heifers are not capex;
/// - staff group `dairy-staff` (head count from cows and young stock per worker);
/// - capex for bought heifers in their year when `purchases.assetClass` is given (productive
///   biological assets), after pinning the scenario's first operating year;
/// - one `scheduledAward` incentive per subsidy, paid in the years its herd condition holds; the
///   subsidies are the catalogue entries with a `herdRule` (`DairySubsidy.subsidies(in:)`).
///
/// The herd is empty before the first operating year; all years are calendar years.
public struct DairyModule: ScenarioModule {
    public static let sectionKey = "dairy"

    /// Sale terms of an animal product: first-operating-year price (yuan/head), escalation, output VAT.
    public typealias Sales = SalesTerms

    /// Raw-milk sales. Farmers' sales of their own produce are VAT-exempt (an assumption: the
    /// national VAT rule, not in the seeds), so `vatRate` defaults to 0.
    public struct MilkSales: Sendable, Equatable {
        /// Yuan per tonne in the first operating year: the long-run mean a Monte Carlo process reverts to.
        public var price: Double
        public var escalation: Double
        public var vatRate: Double
        /// Share of the milk produced that is sold (the rest is fed to calves or discarded).
        public var saleableShare: Double
        /// A raw-milk purchase contract's fixed floor (yuan/t): no year earns less. The seeds state
        /// no floor price (a commercial term); nil without a contract.
        public var contractFloor: Double?
        public init(price: Double, escalation: Double = 0, vatRate: Double = 0, saleableShare: Double = 0.97, contractFloor: Double? = nil) {
            self.price = price; self.escalation = escalation; self.vatRate = vatRate
            self.saleableShare = saleableShare; self.contractFloor = contractFloor
        }
    }

    /// A feed with its ration per head-year by class (t) and price (yuan/t).
    public struct Feed: Sendable, Equatable {
        public var id: String
        public var tonnesPerHeadYear: HeadClassAmounts
        public var price: Double
        public var escalation: Double
        public var vatRate: Double
        public init(id: String, tonnesPerHeadYear: HeadClassAmounts, price: Double, escalation: Double = 0, vatRate: Double = 0) {
            self.id = id; self.tonnesPerHeadYear = tonnesPerHeadYear; self.price = price
            self.escalation = escalation; self.vatRate = vatRate
        }
    }

    /// A cost in yuan per head-year by class (veterinary and breeding, manure, utilities, …).
    public struct HeadCost: Sendable, Equatable {
        public var id: String
        public var yuanPerHeadYear: HeadClassAmounts
        public var escalation: Double
        public var vatRate: Double
        public init(id: String, yuanPerHeadYear: HeadClassAmounts, escalation: Double = 0, vatRate: Double = 0) {
            self.id = id; self.yuanPerHeadYear = yuanPerHeadYear; self.escalation = escalation; self.vatRate = vatRate
        }
    }

    /// Farm staff: one worker per `cowsPerWorker` average cows plus one per `youngStockPerWorker` young stock.
    public struct Staff: Sendable, Equatable {
        public var cowsPerWorker: Double
        public var youngStockPerWorker: Double?
        public var annualWage: Double
        public var onCostRate: Double
        public var escalation: Double
        public init(cowsPerWorker: Double, youngStockPerWorker: Double? = nil, annualWage: Double, onCostRate: Double = 0, escalation: Double = 0) {
            self.cowsPerWorker = cowsPerWorker; self.youngStockPerWorker = youngStockPerWorker
            self.annualWage = annualWage; self.onCostRate = onCostRate; self.escalation = escalation
        }
    }

    /// Bought in-calf heifers: price, whether imported (for the import subsidy), and the asset
    /// class that makes them capex (else the cost line `heifer-purchases`).
    public struct Purchases: Sendable, Equatable {
        public var pricePerHead: Double
        public var imported: Bool
        public var assetClass: String?
        public var escalation: Double
        public init(pricePerHead: Double, imported: Bool = false, assetClass: String? = nil, escalation: Double = 0) {
            self.pricePerHead = pricePerHead; self.imported = imported; self.assetClass = assetClass; self.escalation = escalation
        }
    }

    /// Policy insurance of cows: the premium is sum insured × rate (10000/8000/6000 yuan at 5%,
    /// 002 L746-750); the government's share of it is not in the seeds.
    public struct Insurance: Sendable, Equatable {
        public var sumInsuredPerHead: Double
        public var premiumRate: Double
        public var governmentShare: Double
        /// Where the government share comes from.
        public var governmentShareSource: Provenance
        public var enabled: Bool
        public init(sumInsuredPerHead: Double = 10_000, premiumRate: Double = 0.05, governmentShare: Double = 0.75,
                    governmentShareSource: Provenance = Insurance.defaultShareSource, enabled: Bool = true) {
            self.sumInsuredPerHead = sumInsuredPerHead; self.premiumRate = premiumRate; self.governmentShare = governmentShare
            self.governmentShareSource = governmentShareSource; self.enabled = enabled
        }
        public static let defaultShareSource = Provenance.assumption(
            source: "the seeds give only sum insured and rate (002 L746-750); 0.75 = central 50% + region 25% for dairy cows in the western region (national premium-subsidy rule, 财金〔2016〕123号), not in the seeds")
    }

    public var herd: HerdParameters
    /// Milk per lactation (t) by parity class; the last value repeats.
    public var lactationYieldTonnes: [Double]
    public var milk: MilkSales
    public var cullCows: Sales
    public var surplusHeifers: Sales
    public var surplusCalves: Sales
    public var purchases: Purchases?
    public var feeds: [Feed]
    /// The feed whose tonnes count as locally stored silage maize for `dairy.silage-storage`.
    public var silageFeedID: String?
    public var headCosts: [HeadCost]
    public var staff: Staff?
    public var insurance: Insurance?
    public var subsidies: [DairySubsidy]

    public init(herd: HerdParameters, lactationYieldTonnes: [Double], milk: MilkSales, cullCows: Sales = Sales(price: 0),
                surplusHeifers: Sales = Sales(price: 0), surplusCalves: Sales = Sales(price: 0), purchases: Purchases? = nil,
                feeds: [Feed] = [], silageFeedID: String? = "silage-maize", headCosts: [HeadCost] = [], staff: Staff? = nil,
                insurance: Insurance? = nil, subsidies: [DairySubsidy] = []) {
        self.herd = herd; self.lactationYieldTonnes = lactationYieldTonnes; self.milk = milk; self.cullCows = cullCows
        self.surplusHeifers = surplusHeifers; self.surplusCalves = surplusCalves; self.purchases = purchases
        self.feeds = feeds; self.silageFeedID = silageFeedID; self.headCosts = headCosts; self.staff = staff
        self.insurance = insurance; self.subsidies = subsidies
    }

    /// The herd in every operating year of `scenario`.
    public func simulate(for scenario: Scenario) -> [HerdYear] {
        HerdSimulation(parameters: herd, lactationYieldTonnes: lactationYieldTonnes).run(years: scenario.operatingYears)
    }

    /// Silage maize fed in each operating year (t), for the silage-storage subsidy.
    func silageTonnes(_ years: [HerdYear]) -> [Double] {
        guard let feed = feeds.first(where: { $0.id == silageFeedID }) else { return years.map { _ in 0 } }
        return years.map { feed.tonnesPerHeadYear.total($0) }
    }

    /// Yuan of each subsidy in each operating year.
    public func subsidyAmounts(_ years: [HerdYear]) -> [(subsidy: DairySubsidy, amounts: [Double])] {
        let silage = silageTonnes(years)
        return subsidies.map { ($0, $0.amounts(years, importedPurchases: purchases?.imported ?? false, silageTonnes: silage)) }
    }

    static let productIDs = ["raw-milk", "cull-cows", "surplus-heifers", "surplus-calves"]
    static let staffRole = "dairy-staff"

    /// The asset class that makes bought heifers capex.
    public var assetClassReferences: [(keyPath: String, assetClass: String)] {
        purchases?.assetClass.map { [("\(Self.sectionKey).purchases.assetClass", $0)] } ?? []
    }

    public func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport {
        let key = Self.sectionKey
        var issues: [ScenarioIssue] = []
        for id in Self.productIDs where scenario.products.contains(where: { $0.id == id }) {
            issues.append(ScenarioIssue(keyPath: "products", message: "the dairy section supplies the product '\(id)'; remove it from products"))
        }
        let costIDs = feeds.map { "feed:\($0.id)" } + headCosts.map(\.id) + ["insurance", "heifer-purchases"]
        for id in costIDs where scenario.operatingCosts.contains(where: { $0.id == id }) {
            issues.append(ScenarioIssue(keyPath: "operatingCosts", message: "the dairy section supplies the cost line '\(id)'; remove it from operatingCosts"))
        }
        if staff != nil, scenario.labour.contains(where: { $0.role == Self.staffRole }) {
            issues.append(ScenarioIssue(keyPath: "labour", message: "the dairy section supplies the staff group '\(Self.staffRole)'; remove it from labour"))
        }
        issues += unknownAssetClassIssues(known: scenario.assetClasses.map(\.id))
        for (field, message) in herd.problems() { issues.append(ScenarioIssue(keyPath: "\(key).herd.\(field)", message: message)) }
        if !issues.isEmpty { throw ScenarioErrors(issues) }

        // Capex added below must not move the first operating year.
        scenario.operationStartYear = scenario.resolvedOperationStartYear
        let first = scenario.resolvedOperationStartYear
        let years = simulate(for: scenario)
        func yearly(_ f: (HerdYear) -> Double) -> YearlyValue { YearlyValue(years.isEmpty ? [0] : years.map(f)) }

        scenario.products.insert(Product(id: "raw-milk", unit: "t", quantity: yearly { $0.milkTonnes * milk.saleableShare },
                                         price: milk.price, escalation: milk.escalation, vatRate: milk.vatRate,
                                         priceFloor: milk.contractFloor), at: 0)
        for (id, sales, value) in [("cull-cows", cullCows, \HerdYear.cullCowsSold), ("surplus-heifers", surplusHeifers, \.surplusHeifersSold),
                                   ("surplus-calves", surplusCalves, \.surplusCalvesSold)] {
            scenario.products.append(Product(id: id, unit: "head", quantity: yearly { $0[keyPath: value] }, price: sales.price,
                                             escalation: sales.escalation, vatRate: sales.vatRate))
        }
        for feed in feeds {
            scenario.operatingCosts.append(OperatingCost(id: "feed:\(feed.id)", unit: "t", driver: .annual(yearly { feed.tonnesPerHeadYear.total($0) }),
                                                         price: feed.price, escalation: feed.escalation, vatRate: feed.vatRate))
        }
        for cost in headCosts {
            scenario.operatingCosts.append(OperatingCost(id: cost.id, unit: "yuan", driver: .annual(yearly { cost.yuanPerHeadYear.total($0) }),
                                                         price: 1, escalation: cost.escalation, vatRate: cost.vatRate))
        }
        if let staff {
            scenario.labour.append(StaffGroup(role: Self.staffRole, headcount: yearly { y in
                y.averageCows / staff.cowsPerWorker + (staff.youngStockPerWorker.map { y.averageYoungStock / $0 } ?? 0)
            }, annualWage: staff.annualWage, onCostRate: staff.onCostRate, escalation: staff.escalation))
        }
        if let insurance {
            let premium = insurance.sumInsuredPerHead * insurance.premiumRate
            scenario.operatingCosts.append(OperatingCost(id: "insurance", unit: "head", driver: .annual(yearly(\.cows)), price: premium))
            scenario.incentives.append(Incentive(
                id: "dairy.cow-insurance-premium", title: "Dairy cow policy insurance: government share of the premium (奶牛保险保费补贴)",
                kind: .inputPrice(costLine: "insurance", discountPerUnit: insurance.governmentShare * premium, overridePrice: nil),
                provenance: insurance.governmentShareSource, enabled: insurance.enabled))
        }
        if let purchases, years.contains(where: { $0.heifersPurchased > 0 }) {
            if let cls = purchases.assetClass {
                for (k, y) in years.enumerated() where y.heifersPurchased > 0 {
                    let price = purchases.pricePerHead * Double.pow1p(purchases.escalation, k)
                    scenario.capex.append(CapexItem(year: first + k, assetClass: cls, amount: y.heifersPurchased * price))
                }
            } else {
                scenario.operatingCosts.append(OperatingCost(id: "heifer-purchases", unit: "head", driver: .annual(yearly(\.heifersPurchased)),
                                                             price: purchases.pricePerHead, escalation: purchases.escalation))
            }
        }
        for (subsidy, amounts) in subsidyAmounts(years) {
            var byYear: [Int: Double] = [:]
            for (k, a) in amounts.enumerated() where a != 0 { byYear[first + k] = a }
            scenario.incentives.append(Incentive(id: subsidy.id, title: subsidy.title, kind: .scheduledAward(amountByYear: byYear),
                                                 taxable: subsidy.taxable, provenance: subsidy.provenance, enabled: subsidy.enabled))
        }
        return report(years, constructionYears: first - scenario.startYear)
    }

    /// The herd and its subsidies by year, from the herd simulation the lines came from.
    func report(_ years: [HerdYear], constructionYears lead: Int) -> ModuleReport {
        func series(_ name: String, _ values: [Double]) -> ModuleReport.Series {
            .init(name, Array(repeating: 0, count: lead) + values)
        }
        var out = [
            series("cowPlaces", (0..<years.count).map { herd.cowPlaces[operatingYear: $0] }),
            series("cows", years.map(\.cows)),
            series("heifers", years.map(\.heifers)),
            series("averageLactatingCows", years.map(\.averageLactatingCows)),
            series("averageDryCows", years.map(\.averageDryCows)),
            series("calvings", years.map(\.calvings)),
            series("heifersEntering", years.map(\.heifersEntering)),
            series("heifersPurchased", years.map(\.heifersPurchased)),
            series("cullCowsSold", years.map(\.cullCowsSold)),
            series("cowDeaths", years.map(\.cowDeaths)),
            series("surplusHeifersSold", years.map(\.surplusHeifersSold)),
            series("surplusCalvesSold", years.map(\.surplusCalvesSold)),
            series("milkSoldTonnes", years.map { $0.milkTonnes * milk.saleableShare }),
            series("milkPerAverageCowTonnes", years.map { $0.averageCows > 0 ? $0.milkTonnes / $0.averageCows : 0 }),
        ]
        for (subsidy, amounts) in subsidyAmounts(years) where subsidy.enabled {
            out.append(series("subsidy:\(subsidy.id)", amounts))
        }
        return ModuleReport(series: out)
    }
}

extension Double {
    /// (1 + rate)^k, for yearly escalation.
    static func pow1p(_ rate: Double, _ k: Int) -> Double {
        var x = 1.0
        for _ in 0..<k { x *= 1 + rate }
        return x
    }
}
