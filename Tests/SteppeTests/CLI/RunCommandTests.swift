import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("steppe run and merge")
struct RunCommandTests {
    /// The `steppe` executable built beside the test runner by `swift test`.
    static var executable: URL {
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steppe")
        if FileManager.default.isExecutableFile(atPath: besideRunner.path) { return besideRunner }
        return packageRootURL.appendingPathComponent(".build/debug/steppe")
    }

    /// Runs the executable as its own process, with `environment` added to this process's environment.
    static func launch(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out; process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    @Test("One path: the achieved rank correlations are null with their reason, in JSON and text, not a crash")
    func onePathHasUndefinedAchievedCorrelations() throws {
        let json = SteppeCommand.run(["run", "--paths", "1", "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let pairs = try #require(object["rankCorrelations"] as? [[String: Any]])
        #expect(!pairs.isEmpty)
        for pair in pairs {
            #expect(pair["achieved"] is NSNull)
            #expect(pair["achievedUndefined"] as? String == MonteCarloStudy.achievedCorrelationUndefined)
        }
        let text = SteppeCommand.run(["run", "--paths", "1", "--quiet"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("achieved undefined (\(MonteCarloStudy.achievedCorrelationUndefined))"))
    }

    @Test("--threads 1 and --threads 2 give byte-identical JSON")
    func threads() {
        let one = SteppeCommand.run(["run", "--paths", "3000", "--threads", "1", "--format", "json", "--quiet"])
        let two = SteppeCommand.run(["run", "--paths", "3000", "--threads", "2", "--format", "json", "--quiet"])
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(!one.standardOutput.contains("NaN") && !one.standardOutput.lowercased().contains("inf,"))
    }

    @Test("The JSON has paths, seed, sampler and, per metric, the documented statistics", arguments: ["random", "lhs", "sobol"])
    func jsonShape(sampler: String) throws {
        let result = SteppeCommand.run(["run", "--paths", "2048", "--sampler", sampler, "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(root["paths"] as? Int == 2048 && root["seed"] as? String == "1" && root["sampler"] as? String == sampler)
        #expect(root["timing"] == nil)
        let metrics = try #require(root["metrics"] as? [String: [String: Any]])
        let npv = try #require(metrics["equityNPV"])
        for key in ["mean", "sd", "stdError", "min", "max", "p1", "p5", "p10", "p50", "p90", "p95", "p99", "probabilityNegative"] {
            #expect(npv[key] != nil, "equityNPV.\(key)")
        }
        #expect(metrics["equityIRR"]?["probabilityBelowHurdle"] != nil)
        #expect(metrics["minDSCR"]?["probabilityBelowCovenant"] != nil)
        #expect((root["representativePaths"] as? [Any])?.count == 3)
    }

    @Test("Four shards run as separate processes merge into the unsharded result, byte for byte")
    func shardsAsProcesses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let whole = folder.appendingPathComponent("whole.json").path
        let single = try Self.launch(["run", "--paths", "5000", "--seed", "11", "--quiet", "--out", whole])
        #expect(single.status == 0, "\(single.error)")
        var shardFiles: [String] = []
        for i in 1...4 {
            let file = folder.appendingPathComponent("shard-\(i).json").path
            let shard = try Self.launch(["run", "--paths", "5000", "--seed", "11", "--quiet", "--threads", "1",
                                         "--shard", "\(i)/4", "--out", file])
            #expect(shard.status == 0, "\(shard.error)")
            shardFiles.append(file)
        }
        let merged = folder.appendingPathComponent("merged.json").path
        let merge = try Self.launch(["merge"] + shardFiles + ["--out", merged])
        #expect(merge.status == 0, "\(merge.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: whole)))

        // Without shard 3 the merge fails and names it; re-running it repairs the result.
        let missing = try Self.launch(["merge", shardFiles[0], shardFiles[1], shardFiles[3], "--out", merged, "--force"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("missing shard 3/4"), "\(missing.error)")
    }

    @Test("Shards run with a user catalogue merge with that catalogue; without it merge refuses and says why")
    func mergeWithUserCatalogue() throws {
        let catalogueFile = try temporaryFile(named: "power.yaml", newerTariffCatalogueYAML)
        let catalogue = (catalogueFile as NSString).deletingLastPathComponent
        let scenario = try temporaryFile(named: "s.yaml", ZoneProfileTests.yaml(zone: "ejin-horo-mengsu"))
        let folder = (scenario as NSString).deletingLastPathComponent
        let whole = folder + "/whole.json", merged = folder + "/merged.json"
        let run = SteppeCommand.run(["run", scenario, "--paths", "300", "--catalogue", catalogue, "--quiet", "--out", whole])
        #expect(run.status == 0, "\(run.standardError)")
        let shards = (1...2).map { folder + "/shard-\($0).json" }
        for (i, file) in shards.enumerated() {
            let r = SteppeCommand.run(["run", scenario, "--paths", "300", "--catalogue", catalogue, "--quiet",
                                       "--shard", "\(i + 1)/2", "--out", file])
            #expect(r.status == 0, "\(r.standardError)")
        }
        let refused = SteppeCommand.run(["merge"] + shards + ["--out", merged])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("merge with the catalogue the shards used"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: merged))
        let accepted = SteppeCommand.run(["merge"] + shards + ["--catalogue", catalogue, "--out", merged])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: whole)))
    }

    @Test("A shard written in the seven-metric format of earlier versions is refused with a message that says so")
    func earlierShardFormatIsRefused() throws {
        let folder = (try temporaryFile(named: "placeholder.txt", "") as NSString).deletingLastPathComponent
        let shard = folder + "/shard-1.json", merged = folder + "/merged.json"
        let run = SteppeCommand.run(["run", "--paths", "64", "--quiet", "--shard", "1/1", "--out", shard])
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOfFile: shard, encoding: .utf8)
        #expect(text.contains("\"\(RunState.fileFormat)\""))
        try text.replacingOccurrences(of: RunState.fileFormat, with: "steppe-run-state-1").write(toFile: shard, atomically: true, encoding: .utf8)
        let refused = SteppeCommand.run(["merge", shard, "--out", merged])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("written by an earlier Steppe (format steppe-run-state-1, seven metrics)"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: merged))
    }

    @Test("--until-se doubles the paths until the standard error is small enough, and equals that fixed-path run")
    func untilStandardError() {
        let adaptive = SteppeCommand.run(["run", "--paths", "500", "--until-se", "3", "--format", "json", "--quiet"])
        #expect(adaptive.status == 0)
        #expect(adaptive.standardError.contains("with 1000 paths"), "\(adaptive.standardError)")
        let fixed = SteppeCommand.run(["run", "--paths", "1000", "--format", "json", "--quiet"])
        #expect(adaptive.standardOutput == fixed.standardOutput)
    }

    @Test("--until-se from a whole number of chunks runs only the new paths of each doubling, and equals that fixed-path run")
    func untilStandardErrorContinuesWholeChunks() {
        let adaptive = SteppeCommand.run(["run", "--paths", "512", "--chunk-size", "256", "--until-se", "3", "--format", "json", "--quiet"])
        #expect(adaptive.status == 0)
        #expect(adaptive.standardError.contains("with 1024 paths"), "\(adaptive.standardError)")
        let fixed = SteppeCommand.run(["run", "--paths", "1024", "--chunk-size", "256", "--format", "json", "--quiet"])
        #expect(adaptive.standardOutput == fixed.standardOutput)
    }

    @Test("Bad run options are usage errors with a clear message")
    func badOptions() {
        let zero = SteppeCommand.run(["run", "--paths", "0"])
        #expect(zero.status != 0 && zero.standardError.contains("--paths must be at least 1"))
        let shard = SteppeCommand.run(["run", "--shard", "5/4", "--out", "/tmp/x.json"])
        #expect(shard.status != 0 && shard.standardError.contains("--shard must be i/n"))
        let huge = SteppeCommand.run(["run", "--paths", "50000000", "--exact-limit", "50000000"])
        #expect(huge.status != 0 && huge.standardError.contains("needs about 19240 MB, more than --max-memory 4096"), "\(huge.standardError)")
        #expect(huge.standardError.contains("--shard"))
        let noOut = SteppeCommand.run(["run", "--shard", "1/4"])
        #expect(noOut.status != 0 && noOut.standardError.contains("--out"))
    }

    @Test("Merging files of different runs fails and says why")
    func differentRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let a = folder.appendingPathComponent("a.json").path, b = folder.appendingPathComponent("b.json").path
        _ = SteppeCommand.run(["run", "--paths", "2048", "--seed", "1", "--shard", "1/2", "--out", a, "--quiet"])
        _ = SteppeCommand.run(["run", "--paths", "2048", "--seed", "2", "--shard", "2/2", "--out", b, "--quiet"])
        let merge = SteppeCommand.run(["merge", a, b])
        #expect(merge.status == 1 && merge.standardError.contains("not of the same run"), "\(merge.standardError)")
    }

    // MARK: Hardening (issue 26): extreme scenarios, the memory guard, damaged shards

    @Test("A valid scenario whose metrics reach 1e75 runs: its paths count as undefined and nothing non-finite is written")
    func hugeFiniteMetricsAreUndefined() throws {
        // Escalation 100 % a year for 200 years on a revenue of 1e30: valid, but no sum of squares can hold it.
        let file = try temporaryFile(named: "extreme.yaml", """
            name: extreme
            startYear: 2026
            operatingYears: 200
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 1000}]
            products: [{id: widget, unit: unit, quantity: 1e15, price: {distribution: uniform, min: 9e14, max: 1e15}, escalation: 1}]
            discounting: {projectRate: -0.5, equityRate: -0.5}
            """)
        #expect(SteppeCommand.run(["validate", file]).status == 0)
        let result = SteppeCommand.run(["run", file, "--paths", "64", "--format", "json", "--quiet", "--threads", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let npv = try #require((root["metrics"] as? [String: [String: Any]])?["equityNPV"])
        #expect(npv["undefined"] as? Int == 64 && npv["count"] as? Int == 0)
        let text = SteppeCommand.run(["run", file, "--paths", "64", "--quiet", "--threads", "1"])
        #expect(text.status == 0 && !text.standardOutput.lowercased().contains("nan") && !text.standardOutput.contains("inf"))
    }

    @Test("A metric undefined on some paths is reported with the reason, in JSON and text")
    func undefinedMetricsGiveTheirReason() throws {
        // No debt: the minimum DSCR is undefined on every path.
        let file = try temporaryFile(named: "no-debt.yaml", """
            name: no debt
            startYear: 2026
            operatingYears: 5
            assetClasses: [{id: plant, lifeYears: 5}]
            capex: [{year: 2026, assetClass: plant, amount: 1000}]
            products: [{id: widget, unit: unit, quantity: 100, price: {distribution: uniform, min: 9, max: 11}}]
            discounting: {projectRate: 0.08, equityRate: 0.08}
            """)
        let result = SteppeCommand.run(["run", file, "--paths", "16", "--format", "json", "--quiet", "--threads", "1"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let metrics = try #require(root["metrics"] as? [String: [String: Any]])
        #expect(metrics["minDSCR"]?["undefinedReason"] as? String == PathMetric.minDSCR.undefinedReason)
        #expect(metrics["equityNPV"]?["undefinedReason"] == nil)
        let text = SteppeCommand.run(["run", file, "--paths", "16", "--quiet", "--threads", "1"])
        #expect(text.standardOutput.contains("undefined on 16 paths: no year has scheduled debt service"))
    }

    @Test("The memory guard counts all eight kept metrics whatever --metrics selects")
    func memoryGuardCountsEveryKeptMetric() {
        let result = SteppeCommand.run(["run", "--metrics", "equityNPV", "--paths", "1000000", "--max-memory", "100", "--quiet"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("a run of 1000000 paths needs about 424 MB, more than --max-memory 100"), "\(result.standardError)")
    }

    @Test("--until-se checks the memory before each doubling and stops with a message, not in the allocator")
    func untilStandardErrorChecksMemoryBeforeEachDoubling() {
        let result = SteppeCommand.run(["run", "--paths", "1000", "--until-se", "0.000001", "--max-paths", "1000000", "--max-memory", "100",
                                        "--quiet", "--metrics", "equityNPV"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("at 128000 paths, and a run of 256000 paths needs about 139 MB, more than --max-memory 100"),
                "\(result.standardError)")
    }

    /// Shard files 1/2 and 2/2 of one 600-path run, and a folder for more.
    static func twoShards() throws -> (folder: String, files: [String]) {
        let folder = (try temporaryFile(named: "placeholder.txt", "") as NSString).deletingLastPathComponent
        let files = (1...2).map { folder + "/part-\($0).json" }
        for (i, file) in files.enumerated() {
            let r = SteppeCommand.run(["run", "--paths", "600", "--quiet", "--threads", "1", "--chunk-size", "100",
                                       "--shard", "\(i + 1)/2", "--out", file, "--force"])
            #expect(r.status == 0, "\(r.standardError)")
        }
        return (folder, files)
    }

    @Test("merge refuses a shard file edited by hand, naming the file and the checksum")
    func mergeRefusesAnEditedShard() throws {
        let (folder, files) = try Self.twoShards()
        let text = try String(contentsOfFile: files[1], encoding: .utf8)
        let edited = try #require(text.range(of: #""defined": \d+"#, options: .regularExpression))
        try text.replacingCharacters(in: edited, with: "\"defined\": 1").write(toFile: files[1], atomically: true, encoding: .utf8)
        let merged = folder + "/merged.json"
        let result = SteppeCommand.run(["merge"] + files + ["--out", merged])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(files[1]): the checksum does not match the content"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: merged))
    }

    @Test("A shard of the format without a checksum is refused with a message that says so")
    func shardWithoutChecksumFormatIsRefused() throws {
        let (_, files) = try Self.twoShards()
        let text = try String(contentsOfFile: files[0], encoding: .utf8)
        try text.replacingOccurrences(of: RunState.fileFormat, with: "steppe-run-state-2").write(toFile: files[0], atomically: true, encoding: .utf8)
        let result = SteppeCommand.run(["merge"] + files)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(files[0]): written by an earlier Steppe (format steppe-run-state-2, without a checksum)"),
                "\(result.standardError)")
    }

    @Test("merge of overlapping shards names both files")
    func mergeOverlapNamesTheFiles() throws {
        let (folder, files) = try Self.twoShards()
        let quarter = folder + "/quarter-1.json"
        let r = SteppeCommand.run(["run", "--paths", "600", "--quiet", "--threads", "1", "--chunk-size", "100",
                                   "--shard", "1/4", "--out", quarter, "--force"])
        #expect(r.status == 0, "\(r.standardError)")
        let result = SteppeCommand.run(["merge", files[0], quarter, files[1]])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(files[0]) and \(quarter): paths"), "\(result.standardError)")
        #expect(result.standardError.contains("overlap"))
    }

    @Test("merge with a missing shard names the files given")
    func mergeMissingShardNamesTheFiles() throws {
        let (_, files) = try Self.twoShards()
        let result = SteppeCommand.run(["merge", files[1]])
        #expect(result.status == 1)
        #expect(result.standardError.contains("missing shard 1/2 (paths 0..<300); given: \(files[1]) (shard 2/2)"), "\(result.standardError)")
    }
}
