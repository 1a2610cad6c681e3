import Foundation
import Testing
@testable import Steppe
import SteppeCLI

/// `steppe run` with the hydrogen section's weather drawn per path.
@Suite("steppe run with weather drawn per path")
struct RunCommandWeatherTests {
    /// The small hydrogen scenario of `PathWeatherTests` in a file.
    static func scenarioFile(_ text: String = PathWeatherTests.yaml()) throws -> String {
        try temporaryFile(named: "weather.yaml", text)
    }

    @Test("--threads 1 and --threads 2 and a merge of four shards give byte-identical JSON")
    func threadsAndShardsAgree() throws {
        let file = try Self.scenarioFile()
        let folder = (file as NSString).deletingLastPathComponent
        let options = ["--paths", "96", "--chunk-size", "16", "--seed", "3", "--quiet"]
        let one = SteppeCommand.run(["run", file, "--threads", "1", "--format", "json"] + options)
        let two = SteppeCommand.run(["run", file, "--threads", "2", "--format", "json"] + options)
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.contains("\"hydrogenWeather\""))
        var shards: [String] = []
        for i in 1...4 {
            let shard = folder + "/weather-shard-\(i).json"
            let r = SteppeCommand.run(["run", file, "--threads", "2", "--shard", "\(i)/4", "--out", shard, "--force"] + options)
            #expect(r.status == 0, "\(r.standardError)")
            shards.append(shard)
        }
        let merged = SteppeCommand.run(["merge"] + shards + ["--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == one.standardOutput)
    }

    @Test("With the weather fixed, a run gives the same JSON as without the weather key")
    func fixedWeatherIsTodaysStudy() throws {
        let base = HydrogenModuleTests.yaml(extra: "  battery: {powerMW: 10, energyMWh: 20}")
            .replacingOccurrences(of: "hydrogenSales: {price: 20}", with: "hydrogenSales: {price: {distribution: uniform, min: 15, max: 25, base: 20}}")
        let withoutKey = SteppeCommand.run(["run", try Self.scenarioFile(base), "--paths", "64", "--format", "json", "--quiet"])
        let fixed = SteppeCommand.run(["run", try Self.scenarioFile(base + "\n  weather: {draw: fixed}"), "--paths", "64", "--format", "json", "--quiet"])
        #expect(withoutKey.status == 0, "\(withoutKey.standardError)")
        // Only the fingerprint of the scenario's text differs.
        func withoutFingerprint(_ json: String) -> [Substring] { json.split(separator: "\n").filter { !$0.contains("\"fingerprint\"") } }
        #expect(withoutFingerprint(withoutKey.standardOutput) == withoutFingerprint(fixed.standardOutput))
        #expect(withoutKey.standardOutput.contains("\"fingerprint\""))
        #expect(!withoutKey.standardOutput.contains("hydrogenWeather"))
    }

    @Test("The text summary of a drawn-weather run has the yearly P10/P50/P90 table and the cap-binding probability")
    func textHasTheWeatherTable() throws {
        let r = SteppeCommand.run(["run", try Self.scenarioFile(), "--paths", "32", "--quiet"])
        #expect(r.status == 0, "\(r.standardError)")
        #expect(r.standardOutput.contains("weather drawn per path (6 synthetic years), first 32 paths: P10 / P50 / P90"), "\(r.standardOutput)")
        #expect(r.standardOutput.contains("cap binds"))
        #expect(r.standardOutput.components(separatedBy: "\n").filter { $0.hasPrefix("life ") }.count == 1)
    }
}
