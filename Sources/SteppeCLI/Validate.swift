import ArgumentParser

extension SteppeCommand {
    /// `steppe validate FILE`: check a scenario file and report every problem.
    struct Validate: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a scenario file and report every problem with its line.")

        @OptionGroup var scenario: ScenarioOptions

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            do {
                let s = try scenario.load()
                let model = try s.compile()
                return CommandResult(standardOutput:
                    "\(scenario.displayName): ok (\(s.name); \(model.yearCount) years \(s.startYear)-\(model.calendarYear(model.yearCount - 1)), \(s.incentives.count) incentives)\n",
                    standardError: scenario.sectorWarnings(s).map { $0 + "\n" }.joined())
            } catch {
                return .failure(error)
            }
        }
    }
}
