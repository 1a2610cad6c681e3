/// Reads one module's section; returns nil after reporting its problems.
typealias ScenarioModuleReader = @Sendable (SourceField) -> (any ScenarioModule)?

extension Scenario {
    /// The sections a scenario file may hold besides the core keys, in the order modules run.
    /// A new domain module adds one line here.
    static let moduleReaders: [(key: String, read: ScenarioModuleReader)] = [
        (GreenPowerModule.sectionKey, GreenPowerModule.read),
        (HydrogenModule.sectionKey, HydrogenModule.read),
        (DairyModule.sectionKey, DairyModule.read),
        (TalentModule.sectionKey, TalentModule.read),
    ]
}
