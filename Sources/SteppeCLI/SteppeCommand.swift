import ArgumentParser
import Foundation

/// The `steppe` command: simulate the economics of industrial projects in Inner Mongolia.
public struct SteppeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "steppe",
        abstract: "Simulate the multi-year economics of industrial projects under Inner Mongolia's policies.",
        version: SteppeVersion.string,
        subcommands: [Validate.self, Evaluate.self, Run.self, Merge.self, Incentives.self, Compare.self, Sensitivity.self, Diff.self, Report.self, Sweep.self, Optimise.self, Policies.self, Zones.self]
    )
    public init() {}

    /// Parses `arguments` (without the program name), runs the command and captures its output,
    /// with control characters escaped for a terminal.
    public static func run(_ arguments: [String]) -> CommandResult {
        unescapedRun(arguments).escapedForTerminal
    }

    private static func unescapedRun(_ arguments: [String]) -> CommandResult {
        do {
            let command = try parseAsRoot(arguments)
            if let producing = command as? ProducesResult { return producing.perform() }
            var mutable = command
            try mutable.run()
            return CommandResult()
        } catch {
            let status = exitCode(for: error).rawValue
            let message = fullMessage(for: error) + "\n"
            return status == 0 ? CommandResult(standardOutput: message) : CommandResult(status: status, standardError: message)
        }
    }
}

/// A command whose work returns its output instead of printing it.
protocol ProducesResult {
    func perform() -> CommandResult
}

extension ProducesResult {
    /// Performs the command, prints its output and exits with its status.
    func printResult() throws {
        let result = perform().escapedForTerminal
        FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
        FileHandle.standardError.write(Data(result.standardError.utf8))
        if result.status != 0 { throw ExitCode(result.status) }
    }
}

extension ScenarioErrors: ScenarioErrorsConvertible {
    var lines: [String] { issues.map(\.description) }
}

/// The scenario file argument shared by the commands.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Scenario file (YAML or JSON).",
        discussion: "Without a file, the embedded default scenario (Scenarios/ejin-horo-green-hydrogen.yaml) is used.",
        valueName: "file"))
    var file: String?

    @OptionGroup var catalogue: CatalogueOptions

    func validate() throws {
        if file == "" { throw ValidationError("<file>: the path is empty") }
    }

    func load() throws(ScenarioErrors) -> Scenario {
        try loadWithText().scenario
    }

    /// The scenario and its source text.
    func loadWithText() throws(ScenarioErrors) -> (scenario: Scenario, text: String) {
        let source = try loadDocument()
        return (try source.read(source.document), source.text)
    }

    /// The scenario's parsed document and text, and `read`, which turns it (or an edited copy, as
    /// `sweep` makes) into a scenario exactly as `load` does: same file name, same catalogue.
    func loadDocument() throws(ScenarioErrors) -> ScenarioSource {
        let catalogue = try catalogue.load()
        guard let file else {
            // The document parsed when the package was built: no YAML parsing at start.
            return ScenarioSource(document: DefaultScenario.document, text: DefaultScenario.yaml, file: DefaultScenario.fileName, catalogue: catalogue)
        }
        let loaded = try ScenarioFile.loadDocument(path: file)
        return ScenarioSource(document: loaded.document, text: loaded.text, file: loaded.file, catalogue: catalogue)
    }

    var displayName: String { file ?? DefaultScenario.fileName }

    /// `SectorEligibility` warnings of a loaded scenario (the catalogue loaded without error before).
    func sectorWarnings(_ scenario: Scenario) -> [String] {
        guard let catalogue = try? catalogue.load() else { return [] }
        return SectorEligibility.warnings(for: scenario, catalogue: catalogue)
    }
}

/// A scenario file parsed but not yet read, with the catalogue it is read against.
struct ScenarioSource {
    var document: SourceNode
    var text: String
    var file: String
    var catalogue: PolicyCatalogue

    /// `document` (or an edited copy of it) read and validated as the scenario file would be.
    func read(_ document: SourceNode) throws(ScenarioErrors) -> Scenario {
        try ScenarioFile.read(document, file: file, catalogue: catalogue)
    }
}
