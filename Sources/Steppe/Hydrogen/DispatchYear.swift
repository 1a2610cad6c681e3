/// One year of hourly dispatch, summed. Energy in MWh, hydrogen in kg, money in yuan.
///
/// The export-cap denominator is `generation`, the energy the wind and solar plants
/// actually deliver (after curtailment): curtailed energy is not generated (发电量).
/// So `generation = selfConsumption + export` and `availableGeneration = generation + curtailment`.
public struct DispatchYear: Sendable, Equatable {
    /// Wind and solar energy before curtailment.
    public var availableGeneration = 0.0
    /// Wind and solar energy delivered (after curtailment): the export-cap denominator.
    public var generation = 0.0
    /// Own generation used by the project: electrolyser directly plus battery charging.
    public var selfConsumption = 0.0
    public var electrolyserFromRenewables = 0.0
    public var batteryCharge = 0.0
    public var batteryDischarge = 0.0
    public var gridImport = 0.0
    public var export = 0.0
    public var curtailment = 0.0
    /// The export budget: cap × generation (with the cap enforced, `export <= exportBudget`).
    public var exportBudget = 0.0
    /// Export over generation; 0 with no generation.
    public var exportShare = 0.0
    /// Whether the export share is within the cap (tolerance 1e-9).
    public var compliant = true
    /// Whether the enforced cap held the export below the surplus that could have been sold
    /// (positive-price surplus beyond the budget was curtailed).
    public var capBinds = false
    public var hydrogenProduced = 0.0
    public var hydrogenDelivered = 0.0
    public var unmetHydrogenDemand = 0.0
    public var exportRevenue = 0.0
    public var importCost = 0.0
    /// Hours with the electrolyser running.
    public var electrolyserOperatingHours = 0.0
    public var stackReplacements = 0
    public init() {}

    /// Energy-weighted mean export price (yuan/kWh); 0 without export.
    public var exportCapturePrice: Double { export > 0 ? exportRevenue / (export * 1000) : 0 }
    /// Electrolyser energy (all sources) over hydrogen produced, kWh/kg; 0 without hydrogen.
    public var averageSpecificConsumption: Double {
        hydrogenProduced > 0 ? (electrolyserFromRenewables + batteryDischarge + gridImport) * 1000 / hydrogenProduced : 0
    }
}
