/// A domain model (a hydrogen plant, a dairy herd, a staffing plan) that turns its own
/// section of a scenario file into yearly lines of the pro forma.
///
/// This is the one interface between the domains and the engine: a module runs before
/// compilation and contributes products, operating costs, capex, staff groups or
/// incentives in the scenario's own terms, so the engine core knows nothing of any domain.
/// Modules are value types; `contribute` is a pure function of the module and the scenario.
public protocol ScenarioModule: Sendable {
    /// The scenario-file key of the module's section, e.g. `hydrogen`.
    static var sectionKey: String { get }
    /// Adds the module's lines to `scenario`. The scenario's years are fixed when this runs
    /// (`startYear`, `resolvedOperationStartYear`, `operatingYears`).
    ///
    /// - Throws: `ScenarioErrors` for inputs that only make sense in the module's context,
    ///   with key paths under `sectionKey`.
    func contribute(to scenario: inout Scenario) throws(ScenarioErrors)
    /// Yearly physical results worth reporting (e.g. curtailment, export share), by name;
    /// each array has one value per project year.
    func yearlyReport(for scenario: Scenario) -> [(name: String, values: [Double])]
    /// The numbers of the section that may be uncertain, and the contributed line each one drives.
    static var uncertainInputs: [ModuleUncertainInput] { get }
}

extension ScenarioModule {
    public static var uncertainInputs: [ModuleUncertainInput] { [] }
    public func yearlyReport(for scenario: Scenario) -> [(name: String, values: [Double])] { [] }
}

/// Reads one module's section; returns nil after reporting its problems.
typealias ScenarioModuleReader = @Sendable (SourceField) -> (any ScenarioModule)?

extension Scenario {
    /// The sections a scenario file may hold besides the core keys, in the order modules run.
    /// A new domain module adds one line here: its key, its reader and the uncertain inputs it declares.
    static let moduleReaders: [(key: String, read: ScenarioModuleReader, uncertainInputs: [ModuleUncertainInput])] = [
        (GreenPowerModule.sectionKey, GreenPowerModule.read, GreenPowerModule.uncertainInputs),
        (HydrogenModule.sectionKey, HydrogenModule.read, HydrogenModule.uncertainInputs),
        (DairyModule.sectionKey, DairyModule.read, DairyModule.uncertainInputs),
        (TalentModule.sectionKey, TalentModule.read, TalentModule.uncertainInputs),
    ]

    /// The scenario after every module has contributed its lines.
    public func withModuleContributions() throws(ScenarioErrors) -> Scenario {
        var contributed = self
        contributed.modules = []
        for module in modules { try module.contribute(to: &contributed) }
        return contributed
    }
}
