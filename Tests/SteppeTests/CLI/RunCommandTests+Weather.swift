import Foundation
import Testing
@testable import Steppe
import SteppeCLI

/// `steppe run` with the hydrogen section's weather drawn per path.
@Suite("steppe run with weather drawn per path")
struct RunCommandWeatherTests {
    /// The small hydrogen scenario of `HydrogenPathModelTests` in a file.
    static func scenarioFile(_ text: String = HydrogenPathModelTests.yaml()) throws -> String {
        try temporaryFile(named: "weather.yaml", text)
    }

    /// Expects `--threads 1`, `--threads 2` and a merge of four shards of `file` to give the same JSON, with `member` in it.
    static func expectThreadsAndShardsAgree(_ file: String, name: String, options: [String], member: String) {
        let folder = (file as NSString).deletingLastPathComponent
        let one = SteppeCommand.run(["run", file, "--threads", "1", "--format", "json"] + options)
        let two = SteppeCommand.run(["run", file, "--threads", "2", "--format", "json"] + options)
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.contains(member))
        var shards: [String] = []
        for i in 1...4 {
            let shard = folder + "/\(name)-shard-\(i).json"
            let r = SteppeCommand.run(["run", file, "--threads", "2", "--shard", "\(i)/4", "--out", shard, "--force"] + options)
            #expect(r.status == 0, "\(r.standardError)")
            shards.append(shard)
        }
        let merged = SteppeCommand.run(["merge"] + shards + ["--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == one.standardOutput)
    }

    @Test("--threads 1 and --threads 2 and a merge of four shards give byte-identical JSON")
    func threadsAndShardsAgree() throws {
        Self.expectThreadsAndShardsAgree(try Self.scenarioFile(), name: "weather",
                                         options: ["--paths", "96", "--chunk-size", "16", "--seed", "3", "--quiet"], member: "\"hydrogenWeather\"")
    }

    @Test("With drawn plants and weather, --threads 1 and 2 and a merge of four shards give byte-identical JSON")
    func threadsAndShardsAgreeWithDrawnPlants() throws {
        Self.expectThreadsAndShardsAgree(try temporaryFile(named: "plant.yaml", HydrogenPathModelTests.plantYAML()), name: "plant",
                                         options: ["--paths", "64", "--chunk-size", "8", "--seed", "4", "--quiet"],
                                         member: "\"hydrogen.electrolyser.capacityMW\"")
    }

    @Test("With every plant distribution degenerate and the weather fixed, the study equals today's: same JSON but the drawn-plant summary")
    func degeneratePlantDrawsAreTodaysStudy() throws {
        let base = HydrogenModuleTests.yaml(extra: "  battery: {powerMW: 10, energyMWh: 20}")
            .replacingOccurrences(of: "amount: 500.0e6", with: "amount: {distribution: uniform, min: 450.0e6, max: 550.0e6, base: 500.0e6}")
        let degenerate = base
            .replacingOccurrences(of: "wind: {capacityMW: 100}", with: "wind: {capacityMW: {distribution: fixed, value: 100}}")
            .replacingOccurrences(of: "electrolyser: {capacityMW: 50.0,", with: "electrolyser: {capacityMW: {distribution: fixed, value: 50.0}, availability: {distribution: fixed, value: 1},")
            .replacingOccurrences(of: "specificConsumption: 52", with: "specificConsumption: {distribution: fixed, value: 52}")
            .replacingOccurrences(of: "stackLifeHours: 12000", with: "stackLifeHours: {distribution: fixed, value: 12000}")
            .replacingOccurrences(of: "battery: {powerMW: 10,", with: "battery: {powerMW: {distribution: fixed, value: 10},")
        #expect(degenerate.components(separatedBy: "distribution: fixed").count == 7, "six plant numbers are degenerate")
        let options = ["--paths", "64", "--format", "json", "--quiet"]
        let today = SteppeCommand.run(["run", try Self.scenarioFile(base)] + options)
        let drawn = SteppeCommand.run(["run", try Self.scenarioFile(degenerate)] + options)
        #expect(today.status == 0 && drawn.status == 0, "\(today.standardError) \(drawn.standardError)")
        let a = try JSONValue(parsing: today.standardOutput), b = try JSONValue(parsing: drawn.standardOutput)
        #expect(a["hydrogenWeather"] == nil)
        let summary = try #require(b["hydrogenWeather"])
        #expect(summary["poolYears"] == .null && summary["plantParameters"]?.array?.count == 6)
        // Every path dispatched the base plant: no spread in the hydrogen produced.
        let p10 = summary["hydrogenProduced"]?["p10"]?.numbers, p90 = summary["hydrogenProduced"]?["p90"]?.numbers
        #expect(p10 != nil && p10 == p90)
        // The tornado lists the plant numbers, each without swing.
        let plantBars = b["tornado"]?.array?.filter { $0["input"]?.string?.hasPrefix("hydrogen.") == true } ?? []
        #expect(plantBars.count == 6 && plantBars.allSatisfy { $0["swing"]?.number == 0 })
        // The rest is today's study, but for the fingerprint of the file's text (and the list naming the module summary).
        func todays(_ json: JSONValue) -> [(String, JSONValue)] {
            guard case .object(let members) = json else { return [] }
            return members.filter { $0.0 != "hydrogenWeather" && $0.0 != "modulePaths" }.map { name, value in
                switch name {
                case "scenario": return (name, value["name"] ?? .null)
                case "tornado": return (name, .array(value.array?.filter { $0["input"]?.string?.hasPrefix("hydrogen.") != true } ?? []))
                default: return (name, value)
                }
            }
        }
        let x = todays(a), y = todays(b)
        #expect(x.map(\.0) == y.map(\.0))
        for ((name, u), (_, v)) in zip(x, y) { #expect(u == v, "\(name) differs") }
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
