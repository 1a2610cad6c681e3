/// A scenario after its domain modules have contributed their lines: what `compile` flattens.
///
/// Distinct from the `Scenario` as read, so that the modules' work is done once per evaluation
/// and the yearly results a module reports come from the same run of its model as its lines
/// (before, the hourly dispatch ran again for the report).
public struct ContributedScenario: Sendable {
    /// The scenario with every module's products, cost lines, staff, capex and incentives added,
    /// and no modules left.
    public var scenario: Scenario
    /// What each module reports, by section key, in the order the modules ran.
    public var moduleReports: [(module: String, report: ModuleReport)]
    /// The scenario as read, whose key paths uncertain inputs name (`Scenario.inputBindings(in:)`).
    public var asRead: Scenario

    public init(scenario: Scenario, moduleReports: [(module: String, report: ModuleReport)], asRead: Scenario) {
        self.scenario = scenario; self.moduleReports = moduleReports; self.asRead = asRead
    }
}
