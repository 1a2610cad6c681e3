import Foundation
@testable import Steppe
import SteppeCLI
import SteppeFiles

/// Result JSONs of the example scenarios, computed once per test process.
enum ReportFixtures {
    static let examplePath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path
    static let hourlyPath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-hourly.yaml").path

    /// A small Monte Carlo run of the default scenario (exact quantiles, so with histograms).
    static let monteCarlo: JSONValue = json(["run", examplePath, "--paths", "300", "--threads", "2", "--quiet", "--format", "json"])
    static let evaluation: JSONValue = json(["evaluate", examplePath, "--format", "json"])
    static let hourly: JSONValue = json(["evaluate", hourlyPath, "--format", "json"])
    static let incentives: JSONValue = json(["incentives", examplePath, "--format", "json"])

    static func json(_ arguments: [String]) -> JSONValue {
        let result = SteppeCommand.run(arguments)
        precondition(result.status == 0, result.standardError)
        return try! JSONValue(parsing: result.standardOutput)
    }

    /// The default scenario renamed `name`, with extra top-level YAML appended.
    static func evaluation(named name: String, extra: String = "") throws -> JSONValue {
        let yaml = try String(contentsOfFile: examplePath, encoding: .utf8)
        var lines = yaml.components(separatedBy: "\n")
        guard let i = try_index(lines) else { throw ScenarioErrors([]) }
        let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        lines[i] = "name: \(quoted)"
        let text = lines.joined(separator: "\n") + (extra.isEmpty ? "" : "\n" + extra + "\n")
        return try ScenarioFile.parse(text, file: "renamed.yaml").evaluate().json
    }

    private static func try_index(_ lines: [String]) -> Int? { lines.firstIndex { $0.hasPrefix("name:") } }
}
