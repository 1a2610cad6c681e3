extension HydrogenPlant {
    /// A number of the plant that a Monte Carlo path may draw (`hydrogen.<field>: {distribution: ...}`),
    /// so that each path dispatches its own plant: the physical risk of the equipment (how large it
    /// turns out, how efficient, how fast it ages, how often it is out) beside the risk of the weather.
    /// The export cap share is not one of them: it is the region's policy (002_4322e846ed20b2fa.txt
    /// L4172-4173), varied by scenario or sweep, not drawn.
    ///
    /// The raw value is the field's key path under the `hydrogen:` section.
    public enum Parameter: String, CaseIterable, Sendable {
        case windCapacity = "wind.capacityMW"
        case solarCapacity = "solar.capacityMW"
        case windDegradation = "wind.degradationPerYear"
        case solarDegradation = "solar.degradationPerYear"
        case electrolyserCapacity = "electrolyser.capacityMW"
        case minimumLoad = "electrolyser.minimumLoad"
        case specificConsumption = "electrolyser.specificConsumption"
        case stackDegradation = "electrolyser.degradationPerThousandHours"
        case stackLife = "electrolyser.stackLifeHours"
        case availability = "electrolyser.availability"
        case batteryPower = "battery.powerMW"
        case batteryEnergy = "battery.energyMWh"
        case batteryEfficiency = "battery.roundTripEfficiency"

        /// The values the file accepts for the field, which every draw must stay in (an open end at
        /// 0 is `leastNonzeroMagnitude`).
        public var accepted: ClosedRange<Double> {
            switch self {
            case .windCapacity, .solarCapacity, .electrolyserCapacity, .batteryPower, .batteryEnergy: 0...Double.infinity
            case .windDegradation, .solarDegradation, .minimumLoad, .stackDegradation: 0...1
            case .specificConsumption, .stackLife: Double.leastNonzeroMagnitude...Double.infinity
            case .availability, .batteryEfficiency: Double.leastNonzeroMagnitude...1
            }
        }

        /// Whether the parameter is a capacity, which sizes the costs stated per kW or kWh (`CapacityCost`).
        public var isCapacity: Bool {
            switch self {
            case .windCapacity, .solarCapacity, .electrolyserCapacity, .batteryPower, .batteryEnergy: true
            default: false
            }
        }

        /// Sets the parameter of `plant` to `x` (a battery parameter of a plant without a battery: nothing).
        @inline(__always)
        public func set(_ x: Double, in plant: inout HydrogenPlant) {
            switch self {
            case .windCapacity: plant.windMW = x
            case .solarCapacity: plant.solarMW = x
            case .windDegradation: plant.windDegradationPerYear = x
            case .solarDegradation: plant.solarDegradationPerYear = x
            case .electrolyserCapacity: plant.electrolyser.capacityMW = x
            case .minimumLoad: plant.electrolyser.minimumLoad = x
            case .specificConsumption: plant.electrolyser.specificConsumption = x
            case .stackDegradation: plant.electrolyser.degradationPerThousandHours = x
            case .stackLife: plant.electrolyser.stackLifeHours = x
            case .availability: plant.electrolyser.availability = x
            case .batteryPower: plant.battery?.powerMW = x
            case .batteryEnergy: plant.battery?.energyMWh = x
            case .batteryEfficiency: plant.battery?.roundTripEfficiency = x
            }
        }
    }
}

extension HydrogenModule {
    /// Whether `scenario` gives a number of the plant as a distribution (each path then dispatches its own plant).
    func drawsPlant(in scenario: Scenario) -> Bool {
        let keys = Set(HydrogenPlant.Parameter.allCases.map { "\(Self.sectionKey).\($0.rawValue)" })
        return scenario.uncertainty.contains { keys.contains($0.keyPath) }
    }
}
