/// Hourly dispatch of an integrated wind/solar-to-hydrogen plant over one year, with the
/// annual grid-export cap (002_4322e846ed20b2fa.txt L4172-4173).
///
/// Two passes per year:
/// 1. **Electrolyser first**, hour by hour in time order: wind and solar feed the
///    electrolyser up to its capacity (less when a full hydrogen buffer limits it); a
///    battery covers shortfalls and absorbs surplus; grid import follows
///    `HydrogenPlant.GridImport.Rule`; below the minimum load the electrolyser is off.
///    What is left in an hour is its *surplus*. Without battery and buffer no hour depends on
///    another, and `runIndependentHours` applies the same rules to two hours per SIMD register.
///    With degradation but no buffer, hydrogen decides nothing: each hour's load is stored and
///    `degradedHydrogen` sums the year's hydrogen from the loads a day at a time.
/// 2. **Export cap** (`allocateExport`): the surplus of the most valuable hours is exported
///    within the year's budget, the rest curtailed.
///
/// Conventions: hours as in `ResourceProfile`; energy in MWh per hour; prices in yuan/kWh.
/// Each hour closes: generation = electrolyser (from wind and solar) + battery charge +
/// export + curtailment. The battery never charges from the grid and never exports.
///
/// The buffers are allocated once, in `init`; `run` allocates nothing, so a year can be
/// dispatched in a benchmark or a Monte Carlo loop. Hourly results of the last run stay in
/// the buffers for inspection, unless `recordsHours` is off (a year's totals need no buffer).
///
/// Results equal the plain hour-by-hour rules except for summation order (export totals are
/// summed per price level, generation per SIMD lane, the year's surplus as Σ generation −
/// Σ electrolyser − Σ charge), without degradation and buffer hydrogen computed as the load
/// times a constant kg per MWh instead of a division per hour, with degradation and no buffer
/// a day's hydrogen from the moments of its loads (`degradedHydrogen`: the series it cuts is
/// below a double's rounding), and the battery multiplied by
/// 1/√η instead of divided by √η and left exactly empty or full at its limits (ulp-level
/// differences; `DispatchReferenceTests` checks them against the plain rules).
public struct Dispatch: Sendable {
    /// State carried from one year to the next.
    public struct State: Sendable, Equatable {
        /// Stack operating hours since the last replacement.
        public var stackHours: Double
        /// Energy stored in the battery (MWh).
        public var batteryEnergy: Double
        /// Hydrogen in the buffer (kg).
        public var hydrogenStock: Double

        /// The state of `plant` at the start of its first operating year: new stacks, the battery
        /// and the buffer at their initial shares.
        public static func initial(_ plant: HydrogenPlant) -> State {
            State(stackHours: 0,
                  batteryEnergy: plant.battery.map { $0.energyMWh * $0.initialStateOfCharge } ?? 0,
                  hydrogenStock: plant.hydrogenStorage.map { $0.capacityKg * $0.initialFill } ?? 0)
        }
    }

    /// The plant dispatched; `start(_:)` replaces it (a Monte Carlo path's own plant).
    public private(set) var plant: HydrogenPlant
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
    /// Whether `run` fills the hourly buffers above (on by default). Off, a year only sums:
    /// the buffers keep what the last traced run left, and the year's totals are the same,
    /// since they are summed the same way either way.
    public var recordsHours = true
    /// Export price levels, found once because prices are fixed (see `allocateExport`).
    let _levels: ExportPriceLevels
    /// Scratch for `run`: each hour's surplus, when the hourly trace is off.
    var _surplusScratch: [Double]
    /// Scratch for `run`: each hour's electrolyser load when it degrades, then zeros (`loadHours` values).
    var _loadScratch: [Double]
    /// The load scratch's length: the year's hours and zeros to a whole number of day pairs
    /// (`degradedHydrogen` sums two days at a time).
    static var loadHours: Int { (ResourceProfile.hoursPerYear / 24 + 1) / 2 * 48 }

    /// - Precondition: `exportPrice` and `importPrice` have 8760 values.
    public init(plant: HydrogenPlant, exportPrice: [Double], importPrice: [Double]) {
        let n = ResourceProfile.hoursPerYear
        precondition(exportPrice.count == n && importPrice.count == n, "prices need \(n) hours")
        self.plant = plant; self.exportPrice = exportPrice; self.importPrice = importPrice
        state = .initial(plant)
        let zeros = [Double](repeating: 0, count: n)
        generation = zeros; electrolyserFromRenewables = zeros; batteryCharge = zeros; batteryDischarge = zeros
        gridImport = zeros; surplus = zeros; export = zeros; curtailment = zeros; hydrogen = zeros
        _levels = ExportPriceLevels(exportPrice)
        _surplusScratch = zeros
        _loadScratch = [Double](repeating: 0, count: Self.loadHours)
    }

    /// Makes `plant` the plant dispatched, in its initial state (no allocation: the hourly buffers and
    /// the export-price levels do not depend on the plant).
    public mutating func start(_ plant: HydrogenPlant) {
        self.plant = plant
        state = .initial(plant)
    }

    /// Dispatches one year of `profile`, with wind and solar output scaled by
    /// `windFactor` and `solarFactor` (degradation), and advances `state`.
    ///
    /// - Complexity: O(*n* + *L*) for *n* hours and *L* distinct export prices; no allocation.
    public mutating func run(_ profile: ResourceProfile, windFactor: Double = 1, solarFactor: Double = 1) -> DispatchYear {
        let pass = ElectrolyserFirst(plant, windFactor: windFactor, solarFactor: solarFactor)
        // A battery without power neither charges nor discharges: dispatched as none.
        return (plant.battery?.powerMW ?? 0) > 0 ? run(profile, pass, FlagOn.self) : run(profile, pass, FlagOff.self)
    }

    // The equipment and trace flags, one at a time, as types for `ElectrolyserFirst.run`.

    private mutating func run<B: StaticFlag>(_ profile: ResourceProfile, _ pass: ElectrolyserFirst, _ b: B.Type) -> DispatchYear {
        plant.hydrogenStorage == nil ? run(profile, pass, b, FlagOff.self) : run(profile, pass, b, FlagOn.self)
    }

    private mutating func run<B: StaticFlag, S: StaticFlag>(_ profile: ResourceProfile, _ pass: ElectrolyserFirst,
                                                            _ b: B.Type, _ s: S.Type) -> DispatchYear {
        plant.gridImport.rule == .none ? run(profile, pass, b, s, FlagOff.self) : run(profile, pass, b, s, FlagOn.self)
    }

    private mutating func run<B: StaticFlag, S: StaticFlag, I: StaticFlag>(_ profile: ResourceProfile, _ pass: ElectrolyserFirst,
                                                                           _ b: B.Type, _ s: S.Type, _ i: I.Type) -> DispatchYear {
        recordsHours ? run(profile, pass, b, s, i, FlagOn.self) : run(profile, pass, b, s, i, FlagOff.self)
    }

    private mutating func run<B: StaticFlag, S: StaticFlag, I: StaticFlag, T: StaticFlag>(
        _ profile: ResourceProfile, _ pass: ElectrolyserFirst, _ b: B.Type, _ s: S.Type, _ i: I.Type, _ t: T.Type
    ) -> DispatchYear {
        var year = DispatchYear()
        var state = self.state
        let levelPrice = _levels.price, levelStart = _levels.levelStart, capShare = plant.exportCapShare, enforced = plant.enforceExportCap
        withHourlyBuffers(profile) { buffers in
            let surplus: Double
            if !B.isOn, !S.isOn {
                surplus = pass.degrading ? pass.runIndependentHours(buffers, state: &state, year: &year, i, t, FlagOn.self)
                    : pass.runIndependentHours(buffers, state: &state, year: &year, i, t, FlagOff.self)
            } else if pass.countsHourByHour {
                surplus = pass.run(buffers, state: &state, year: &year, b, s, i, t, FlagOn.self, FlagOff.self)
            } else if pass.degrading {
                surplus = pass.run(buffers, state: &state, year: &year, b, s, i, t, FlagOff.self, FlagOn.self)
            } else {
                surplus = pass.run(buffers, state: &state, year: &year, b, s, i, t, FlagOff.self, FlagOff.self)
            }
            year.selfConsumption = year.electrolyserFromRenewables + year.batteryCharge
            // Each level's surplus is summed only if the export allocation asks for it (levels
            // below the marginal one never are), from the hours' surplus the pass stored.
            let rest = UnsafePointer(t.isOn ? buffers.surplus : buffers.surplusScratch)
            let levelSurplus = { (k: Int) in
                Self.sum(rest, over: buffers.hoursByLevel + levelStart[k], count: levelStart[k + 1] - levelStart[k])
            }
            Self.allocateExport(buffers, levelPrice: levelPrice, capShare: capShare, enforced: enforced, year: &year,
                                surplus: surplus, neverExported: levelSurplus(levelPrice.count),
                                levelSurplus: levelSurplus, t)
        }
        self.state = state
        return year
    }
}
