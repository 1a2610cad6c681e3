/// What a command printed and its exit status, so tests can run commands in-process.
public struct CommandResult: Sendable, Equatable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    public init(status: Int32 = 0, standardOutput: String = "", standardError: String = "") {
        self.status = status; self.standardOutput = standardOutput; self.standardError = standardError
    }

    /// Exit status 1 with each issue on its own line of standard error.
    static func failure(_ errors: ScenarioErrorsConvertible) -> CommandResult {
        CommandResult(status: 1, standardError: errors.lines.joined(separator: "\n") + "\n")
    }
}

/// Errors printed one per line.
protocol ScenarioErrorsConvertible {
    var lines: [String] { get }
}

import ArgumentParser

/// `--format text|json` of the commands that have those two.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
