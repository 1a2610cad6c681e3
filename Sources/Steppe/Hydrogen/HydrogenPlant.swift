/// A grid-connected integrated wind/solar-to-hydrogen plant (并网型风光制氢一体化项目): what
/// the hourly dispatch needs to know about its equipment and its grid connection.
///
/// Energy is in MWh per hour (so MW and MWh per hour coincide), hydrogen in kg.
/// The seeds state no electrolyser or battery parameter (002-B notes: SEC, minimum load,
/// stack life are external), so every technical value here is a scenario assumption.
public struct HydrogenPlant: Sendable, Equatable {
    public var windMW: Double
    public var solarMW: Double
    /// Yearly relative loss of wind and solar output (0.005 = 0.5% a year), from the first operating year.
    public var windDegradationPerYear: Double
    public var solarDegradationPerYear: Double
    public var electrolyser: Electrolyser
    public var battery: Battery?
    public var hydrogenStorage: HydrogenStorage?
    public var gridImport: GridImport
    /// The largest share of the year's generation that may be sold to the grid; the region's rule
    /// is `regionalExportCapShare`, a scenario may give another (`gridExport.capShare`).
    public var exportCapShare: Double
    /// `false` drops the cap (a counterfactual); the compliance flag then shows the breach.
    public var enforceExportCap: Bool

    public init(windMW: Double, solarMW: Double, windDegradationPerYear: Double = 0, solarDegradationPerYear: Double = 0,
                electrolyser: Electrolyser, battery: Battery? = nil, hydrogenStorage: HydrogenStorage? = nil,
                gridImport: GridImport = GridImport(), exportCapShare: Double = HydrogenPlant.regionalExportCapShare, enforceExportCap: Bool = true) {
        self.windMW = windMW; self.solarMW = solarMW
        self.windDegradationPerYear = windDegradationPerYear; self.solarDegradationPerYear = solarDegradationPerYear
        self.electrolyser = electrolyser; self.battery = battery; self.hydrogenStorage = hydrogenStorage
        self.gridImport = gridImport; self.exportCapShare = exportCapShare; self.enforceExportCap = enforceExportCap
    }

    /// Integrated wind/solar-hydrogen projects sell at most 20% of the year's generation to the grid
    /// (年上网电量不超过项目年总发电量的 20%, 002_4322e846ed20b2fa.txt L4172-4173).
    public static let regionalExportCapShare = 0.20

    /// An electrolyser system (stacks and balance of plant).
    public struct Electrolyser: Sendable, Equatable {
        public var capacityMW: Double
        /// Lowest load as a share of capacity; below it the electrolyser is off.
        public var minimumLoad: Double
        /// System specific consumption at the beginning of stack life, kWh per kg, including
        /// balance of plant (compression, purification, cooling).
        public var specificConsumption: Double
        /// Relative rise of specific consumption per 1000 stack operating hours
        /// (0.001 = +0.1% per 1000 h): the stack makes less hydrogen from the same power.
        public var degradationPerThousandHours: Double
        /// Stack operating hours after which the stacks are replaced (nil: never).
        public var stackLifeHours: Double?
        /// Capex of one stack replacement (yuan) and its asset class.
        public var stackReplacementCost: Double
        public var stackAssetClass: String?
        /// The replacement's cost per kW when the file states it so (`stackReplacement.yuanPerKW`): then a
        /// path's drawn capacity prices its own replacements (`stackReplacementCost(capacityMW:)`).
        public var stackReplacementYuanPerKW: Double?
        /// Share of the hours the electrolyser is not on forced outage. Modelled as a derating: every
        /// hour has `availability` × capacity available (and the same share of the minimum load), as
        /// for a plant of many stacks that fail independently; outages as whole-plant events are not
        /// modelled. An assumption of the scenario (the seeds state none); 1 by default.
        public var availability: Double = 1

        public init(capacityMW: Double, minimumLoad: Double = 0.1, specificConsumption: Double,
                    degradationPerThousandHours: Double = 0, stackLifeHours: Double? = nil,
                    stackReplacementCost: Double = 0, stackAssetClass: String? = nil) {
            self.capacityMW = capacityMW; self.minimumLoad = minimumLoad; self.specificConsumption = specificConsumption
            self.degradationPerThousandHours = degradationPerThousandHours; self.stackLifeHours = stackLifeHours
            self.stackReplacementCost = stackReplacementCost; self.stackAssetClass = stackAssetClass
        }

        /// The cost of one stack replacement (yuan) for an electrolyser of `capacityMW`: per kW when so
        /// stated, else the stated cost.
        public func stackReplacementCost(capacityMW mw: Double) -> Double {
            stackReplacementYuanPerKW.map { $0 * mw * 1000 } ?? stackReplacementCost
        }

        /// Specific consumption after `hours` of stack operation (kWh/kg).
        @inline(__always)
        public func specificConsumption(afterHours hours: Double) -> Double {
            specificConsumption * (1 + degradationPerThousandHours * hours / 1000)
        }
    }

    /// A battery charged only from the project's own wind and solar surplus and discharged
    /// only into the electrolyser; it never exports. Round-trip losses are split evenly
    /// (√η on charge and on discharge).
    public struct Battery: Sendable, Equatable {
        public var powerMW: Double
        public var energyMWh: Double
        public var roundTripEfficiency: Double
        /// State of charge at the start of the first operating year, as a share of energy.
        public var initialStateOfCharge: Double

        public init(powerMW: Double, energyMWh: Double, roundTripEfficiency: Double = 0.88, initialStateOfCharge: Double = 0.5) {
            self.powerMW = powerMW; self.energyMWh = energyMWh; self.roundTripEfficiency = roundTripEfficiency
            self.initialStateOfCharge = initialStateOfCharge
        }
    }

    /// A hydrogen buffer between the electrolyser and an offtake that draws a steady flow.
    /// When the buffer is full, the electrolyser is turned down to what the offtake and the
    /// free space can take; when it is empty, the shortfall is reported as unmet demand.
    public struct HydrogenStorage: Sendable, Equatable {
        public var capacityKg: Double
        public var offtakeKgPerHour: Double
        /// Fill at the start of the first operating year, as a share of capacity.
        public var initialFill: Double

        public init(capacityKg: Double, offtakeKgPerHour: Double, initialFill: Double = 0.5) {
            self.capacityKg = capacityKg; self.offtakeKgPerHour = offtakeKgPerHour; self.initialFill = initialFill
        }
    }

    /// When the electrolyser may buy grid power, and at what price.
    ///
    /// The seeds do not say whether an integrated project may import (002-B notes it as
    /// not stated); `none` keeps the hydrogen fully green and is the default. Imported power
    /// is not generation: it counts neither in the export-cap denominator nor as self-consumption,
    /// and it pays the full price of `pricing` (no self-use exemption).
    public struct GridImport: Sendable, Equatable {
        public enum Rule: Sendable, Equatable {
            /// Never import.
            case none
            /// Import only what keeps the electrolyser at its minimum load when wind, solar
            /// and battery fall short (avoids cold stops).
            case keepMinimumLoad
            /// Import up to full load in hours whose all-in import price is at most `maxPrice` yuan/kWh.
            case belowPrice(maxPrice: Double)
        }
        public var rule: Rule
        public var pricing: GreenPowerPricing

        public init(rule: Rule = .none, pricing: GreenPowerPricing = GreenPowerPricing(voltage: .kV110)) {
            self.rule = rule; self.pricing = pricing
        }
    }
}
