import Foundation
import Testing
@testable import Steppe
import SteppeFiles

/// The folder of test fixtures.
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
/// The package root.
let packageRootURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Relative difference, scaled by the larger magnitude (absolute below 1).
func relativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(1, max(abs(a), abs(b)))
}

/// Parses scenario YAML text as a file named `file`.
func scenario(_ yaml: String, file: String = "test.yaml") throws -> Scenario {
    try ScenarioFile.parse(yaml, file: file)
}

/// Parses, compiles and evaluates scenario YAML text.
func evaluate(_ yaml: String) throws -> Evaluation {
    try scenario(yaml).evaluate()
}

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(named name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A user catalogue file that overrides the shipped 110 kV industrial tariff (0.401 -> 0.38 yuan/kWh).
let newerTariffCatalogueYAML = """
    domain: electricity
    policies:
      - id: electricity.industrial-110kv
        title: {zh: 工业用电（110KV）, en: "Industrial tariff, 110 kV (2026 list)"}
        level: ejinHoro
        kind: tariff
        parameters:
          price: {value: 0.38, unit: yuan/kWh}
        assumption: "a newer tariff list, for the test"
    """
