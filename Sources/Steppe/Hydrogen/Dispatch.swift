/// Hourly dispatch of an integrated wind/solar-to-hydrogen plant over one year, with the
/// annual grid-export cap (002_4322e846ed20b2fa.txt L4172-4173).
///
/// Two passes per year:
/// 1. **Electrolyser first**, hour by hour in time order: wind and solar feed the
///    electrolyser up to its capacity (less when a full hydrogen buffer limits it); a
///    battery covers shortfalls and absorbs surplus; grid import follows
///    `HydrogenPlant.GridImport.Rule`; below the minimum load the electrolyser is off.
///    What is left in an hour is its *surplus*.
/// 2. **Export cap** (`allocateExport`): the surplus of the most valuable hours is exported
///    within the year's budget, the rest curtailed.
///
/// Conventions: hours as in `ResourceProfile`; energy in MWh per hour; prices in yuan/kWh.
/// Each hour closes: generation = electrolyser (from wind and solar) + battery charge +
/// export + curtailment. The battery never charges from the grid and never exports.
///
/// The buffers are allocated once, in `init`; `run` allocates nothing, so a year can be
/// dispatched in a benchmark or a Monte Carlo loop. Hourly results of the last run stay in
/// the buffers for inspection.
public struct Dispatch: Sendable {
    /// State carried from one year to the next.
    public struct State: Sendable, Equatable {
        /// Stack operating hours since the last replacement.
        public var stackHours: Double
        /// Energy stored in the battery (MWh).
        public var batteryEnergy: Double
        /// Hydrogen in the buffer (kg).
        public var hydrogenStock: Double
    }

    public let plant: HydrogenPlant
    /// Export price of each hour (yuan/kWh); hours at or below zero are never exported.
    public let exportPrice: [Double]
    /// All-in grid import price of each hour (yuan/kWh).
    public let importPrice: [Double]
    public var state: State

    // Hourly results of the last run (MWh, hydrogen in kg).
    public internal(set) var generation: [Double]
    public internal(set) var electrolyserFromRenewables: [Double]
    public internal(set) var batteryCharge: [Double]
    public internal(set) var batteryDischarge: [Double]
    public internal(set) var gridImport: [Double]
    /// Energy left after the electrolyser and the battery: export plus curtailment.
    public internal(set) var surplus: [Double]
    public internal(set) var export: [Double]
    public internal(set) var curtailment: [Double]
    public internal(set) var hydrogen: [Double]
    /// Hours by export price, highest first (ties: earlier hour first): the order in which
    /// surplus hours are exported when the cap binds. Sorted once, since prices are fixed.
    let _priceOrder: [Int32]

    /// - Precondition: `exportPrice` and `importPrice` have 8760 values.
    public init(plant: HydrogenPlant, exportPrice: [Double], importPrice: [Double]) {
        let n = ResourceProfile.hoursPerYear
        precondition(exportPrice.count == n && importPrice.count == n, "prices need \(n) hours")
        self.plant = plant; self.exportPrice = exportPrice; self.importPrice = importPrice
        state = State(stackHours: 0,
                      batteryEnergy: plant.battery.map { $0.energyMWh * $0.initialStateOfCharge } ?? 0,
                      hydrogenStock: plant.hydrogenStorage.map { $0.capacityKg * $0.initialFill } ?? 0)
        let zeros = [Double](repeating: 0, count: n)
        generation = zeros; electrolyserFromRenewables = zeros; batteryCharge = zeros; batteryDischarge = zeros
        gridImport = zeros; surplus = zeros; export = zeros; curtailment = zeros; hydrogen = zeros
        _priceOrder = (0..<n).map(Int32.init).sorted { a, b in
            let pa = exportPrice[Int(a)], pb = exportPrice[Int(b)]
            return pa > pb || (pa == pb && a < b)
        }
    }

    /// Dispatches one year of `profile`, with wind and solar output scaled by
    /// `windFactor` and `solarFactor` (degradation), and advances `state`.
    ///
    /// - Complexity: O(*n* + *k* log *n*) for *n* hours and *k* exported hours; no allocation.
    public mutating func run(_ profile: ResourceProfile, windFactor: Double = 1, solarFactor: Double = 1) -> DispatchYear {
        var year = DispatchYear()
        let n = ResourceProfile.hoursPerYear
        let elz = plant.electrolyser
        let pMax = elz.capacityMW, pMin = elz.capacityMW * elz.minimumLoad
        let windMW = plant.windMW * windFactor, solarMW = plant.solarMW * solarFactor
        let batteryPower = plant.battery?.powerMW ?? 0, batteryEnergy = plant.battery?.energyMWh ?? 0
        let leg = (plant.battery?.roundTripEfficiency ?? 1).squareRoot()   // one-way efficiency
        let storage = plant.hydrogenStorage
        var s = state

        for h in 0..<n {
            let g = windMW * profile.wind[h] + solarMW * profile.solar[h]
            let sec = elz.specificConsumption(afterHours: s.stackHours)   // kWh/kg this hour
            // The buffer limits production to what the offtake and the free space take.
            var cap = pMax
            if let storage {
                let room = storage.capacityKg - s.hydrogenStock + storage.offtakeKgPerHour
                cap = min(cap, max(0, room) * sec / 1000)
            }
            var direct = min(g, cap)
            let dischargeable = min(batteryPower, s.batteryEnergy * leg)
            var discharge = min(cap - direct, dischargeable)
            var imported = 0.0
            switch plant.gridImport.rule {
            case .none:
                break
            case .keepMinimumLoad:
                if direct + discharge < pMin, cap >= pMin { imported = pMin - direct - discharge }
            case .belowPrice(let maxPrice):
                if importPrice[h] <= maxPrice { imported = cap - direct - discharge }
            }
            if direct + discharge + imported < pMin || cap < pMin {
                direct = 0; discharge = 0; imported = 0    // off: too little power for the minimum load
            }
            var rest = g - direct
            var charge = 0.0
            if batteryPower > 0, rest > 0 {
                charge = min(rest, batteryPower, (batteryEnergy - s.batteryEnergy) / leg)
                charge = max(0, charge)
                rest -= charge
            }
            s.batteryEnergy += charge * leg - (leg > 0 ? discharge / leg : 0)
            let load = direct + discharge + imported
            let kg = load * 1000 / sec
            if load > 0 {
                s.stackHours += 1
                year.electrolyserOperatingHours += 1
                if let life = elz.stackLifeHours, s.stackHours >= life {
                    s.stackHours = 0
                    year.stackReplacements += 1
                }
            }
            if let storage {
                let available = s.hydrogenStock + kg
                let delivered = min(storage.offtakeKgPerHour, available)
                s.hydrogenStock = min(storage.capacityKg, available - delivered)
                year.hydrogenDelivered += delivered
                year.unmetHydrogenDemand += storage.offtakeKgPerHour - delivered
            } else {
                year.hydrogenDelivered += kg
            }
            generation[h] = g; electrolyserFromRenewables[h] = direct; batteryDischarge[h] = discharge
            batteryCharge[h] = charge; gridImport[h] = imported; surplus[h] = rest; hydrogen[h] = kg
            year.availableGeneration += g
            year.electrolyserFromRenewables += direct
            year.batteryCharge += charge; year.batteryDischarge += discharge
            year.gridImport += imported
            year.importCost += imported * 1000 * importPrice[h]
            year.hydrogenProduced += kg
        }
        state = s
        year.selfConsumption = year.electrolyserFromRenewables + year.batteryCharge
        allocateExport(&year)
        return year
    }
}
