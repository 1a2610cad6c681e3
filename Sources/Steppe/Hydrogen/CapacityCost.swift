/// A cost stated per unit of one of the hydrogen plant's capacities (yuan per kW of wind, solar,
/// electrolyser or battery power, per kWh of battery energy), so that sizing the plant sizes its
/// costs: a sweep or an optimiser that doubles the electrolyser doubles its capex and O&M instead
/// of getting the extra capacity for free. The amounts are worked out when the section is read, so
/// every reading of an edited capacity sees its own costs. Unit prices are always assumptions (the
/// seeds state no equipment prices); scenarios say their source.
public struct CapacityCost: Sendable, Equatable {
    /// The capacity a cost follows, and the unit it is priced in.
    public enum Capacity: String, Sendable, CaseIterable {
        case wind, solar, electrolyser, batteryPower, batteryEnergy

        /// `kWh` for battery energy, `kW` for the others.
        public var unit: String { self == .batteryEnergy ? "kWh" : "kW" }

        /// The key a cost of this capacity is priced with: `yuanPerKW` or `yuanPerKWh`.
        public var priceKey: String { "yuanPer\(unit == "kWh" ? "KWh" : "KW")" }

        /// The capacity of `plant` in kW or kWh; nil for a battery capacity without a battery.
        public func size(of plant: HydrogenPlant) -> Double? {
            switch self {
            case .wind: plant.windMW * 1000
            case .solar: plant.solarMW * 1000
            case .electrolyser: plant.electrolyser.capacityMW * 1000
            case .batteryPower: plant.battery.map { $0.powerMW * 1000 }
            case .batteryEnergy: plant.battery.map { $0.energyMWh * 1000 }
            }
        }
    }

    /// What the cost is in the pro forma.
    public enum Kind: Sendable, Equatable {
        /// Capex of `assetClass` in calendar `year` (split a build over years with one entry per year).
        case capex(year: Int, assetClass: String)
        /// A fixed O&M cost line `id`, yuan per unit and year from the first operating year,
        /// escalating like any operating cost.
        case fixedOM(id: String, escalation: Double, vatRate: Double)
    }

    public var capacity: Capacity
    /// Yuan per kW (per kWh for `batteryEnergy`); per year for fixed O&M.
    public var yuanPerUnit: Double
    public var kind: Kind

    public init(capacity: Capacity, yuanPerUnit: Double, kind: Kind) {
        self.capacity = capacity; self.yuanPerUnit = yuanPerUnit; self.kind = kind
    }

    /// Yuan (a year, for fixed O&M) for `plant`'s size; nil for a battery cost without a battery.
    public func amount(for plant: HydrogenPlant) -> Double? {
        capacity.amount(yuanPerUnit: yuanPerUnit, for: plant)
    }
}

extension CapacityCost.Capacity {
    /// Yuan at `yuanPerUnit` for `plant`'s size of this capacity (nil: a battery capacity without a
    /// battery); `CapacityCost.amount(for:)`, read without the cost's strings in a path loop.
    @inline(__always)
    public func amount(yuanPerUnit: Double, for plant: HydrogenPlant) -> Double? {
        size(of: plant).map { $0 * yuanPerUnit }
    }
}
