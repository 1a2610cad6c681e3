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
}

extension UncertainInput {
    /// Key-path patterns (indices written `[]`) that may be uncertain: the core keys' and those
    /// each module declares for its section.
    public static var supportedPatterns: [String] { corePatterns + modulePatterns }

    /// Key paths of the module sections' numbers that may be uncertain, as each module declares them.
    static let modulePatterns: [String] = Scenario.moduleReaders.flatMap { module in
        module.uncertainInputs.map { "\(module.key).\($0.field)" }
    }
}
