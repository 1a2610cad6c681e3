/// A domain model (a hydrogen plant, a dairy herd, a staffing plan) that turns its own
/// section of a scenario file into yearly lines of the pro forma.
///
/// This is the one interface between the domains and the engine: a module runs before
/// compilation and contributes products, operating costs, capex, staff groups or
/// incentives in the scenario's own terms, so the engine core knows nothing of any domain.
/// Modules are value types; `contribute` is a pure function of the module and the scenario.
///
/// Life cycle: `prepared(for:)` runs when the scenario is read and may do the module's expensive
/// work (the hourly dispatch) for the scenario's calendar; `contribute` adds the lines and returns
/// what the module reports, from the same run of its model (`ContributedScenario`). So each
/// module's work runs once per evaluation, and once in all for a scenario evaluated as read.
public protocol ScenarioModule: Sendable {
    /// The scenario-file key of the module's section, e.g. `hydrogen`.
    static var sectionKey: String { get }
    /// The module with the work that depends only on itself and the scenario's calendar done, so
    /// that every later `contribute` for the same calendar reuses it. Default: the module itself.
    func prepared(for scenario: Scenario) -> Self
    /// Adds the module's lines to `scenario` and returns its yearly physical results and how a
    /// report shows them. The scenario's years are fixed when this runs (`startYear`,
    /// `resolvedOperationStartYear`, `operatingYears`).
    ///
    /// - Throws: `ScenarioErrors` for inputs that only make sense in the module's context,
    ///   with key paths under `sectionKey`.
    func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport
    /// The numbers of the section that may be uncertain, and the contributed line each one drives.
    static var uncertainInputs: [ModuleUncertainInput] { get }
    /// The asset classes the section names, each with its key path: checked against the file's
    /// `assetClasses` while the file is read, so that an unknown one is reported with the file's
    /// other errors rather than after they are fixed.
    var assetClassReferences: [(keyPath: String, assetClass: String)] { get }
    /// The module's own model run on each Monte Carlo path (`ModulePathModel`), or nil when every path's
    /// lines are the contributed ones (the default).
    ///
    /// - Throws: `ScenarioErrors` for a section whose per-path model cannot be built.
    func pathModel(_ context: ModulePathContext) throws(ScenarioErrors) -> (any ModulePathModel)?
}

extension ScenarioModule {
    public func prepared(for scenario: Scenario) -> Self { self }
    public static var uncertainInputs: [ModuleUncertainInput] { [] }
    public var assetClassReferences: [(keyPath: String, assetClass: String)] { [] }
    public func pathModel(_ context: ModulePathContext) throws(ScenarioErrors) -> (any ModulePathModel)? { nil }

    /// The section's references to asset classes that `known` lacks, each with a did-you-mean.
    public func unknownAssetClassIssues(known: [String]) -> [ScenarioIssue] {
        assetClassReferences.filter { !known.contains($0.assetClass) }.map {
            ScenarioIssue(keyPath: $0.keyPath, message: "unknown asset class '\($0.assetClass)'\(suggestion($0.assetClass, known))")
        }
    }
}

extension Scenario {
    /// The scenario after every module has contributed its lines, with what each module reports.
    public func withModuleContributions() throws(ScenarioErrors) -> ContributedScenario {
        var contributed = self
        contributed.modules = []
        var reports: [(module: String, report: ModuleReport)] = []
        for module in modules {
            reports.append((type(of: module).sectionKey, try module.contribute(to: &contributed)))
        }
        return ContributedScenario(scenario: contributed, moduleReports: reports, asRead: self)
    }

    /// Every module prepared for the scenario's calendar (see `ScenarioModule.prepared(for:)`).
    func preparingModules() -> Scenario {
        var scenario = self
        scenario.modules = modules.map { $0.prepared(for: self) }
        return scenario
    }
}
