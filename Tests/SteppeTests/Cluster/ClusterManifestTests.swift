import Foundation
import Testing
import Yams

/// The Kubernetes manifests of `scripts/cluster/` (no cluster runs them here): their structure, their
/// agreement with each other, and the shard arithmetic of their shell steps, run with a stub `steppe`.
/// The Slurm scripts are exercised on a real cluster by `scripts/cluster/test-slurm.sh`.
@Suite("Kubernetes Indexed Job manifests")
struct ClusterManifestTests {
    static let folder = packageRootURL.appendingPathComponent("scripts/cluster")

    static func manifest(_ name: String) throws -> (text: String, job: [String: Any]) {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let documents = try Yams.load_all(yaml: text).map { $0 }
        #expect(documents.count == 1, "\(name): one document expected")
        let job = try #require(documents.first as? [String: Any], "\(name): not a mapping")
        return (text, job)
    }

    /// The single container of a Job, with its env as a dictionary and its shell script.
    static func container(_ job: [String: Any]) throws -> (env: [String: String], script: String, container: [String: Any]) {
        let spec = try #require(job["spec"] as? [String: Any])
        let template = try #require(spec["template"] as? [String: Any])
        let podSpec = try #require(template["spec"] as? [String: Any])
        #expect(podSpec["restartPolicy"] as? String == "Never")
        let containers = try #require(podSpec["containers"] as? [[String: Any]])
        #expect(containers.count == 1)
        let container = try #require(containers.first)
        var env: [String: String] = [:]
        for entry in container["env"] as? [[String: Any]] ?? [] {
            if let name = entry["name"] as? String, let value = entry["value"] as? String { env[name] = value }
        }
        #expect(container["command"] as? [String] == ["/bin/sh", "-c"])
        let args = try #require(container["args"] as? [String])
        #expect(args.count == 1)
        return (env, try #require(args.first), container)
    }

    @Test("The shard job is an Indexed Job: completions = parallelism = SHARDS, shard from JOB_COMPLETION_INDEX")
    func indexedJob() throws {
        let (_, job) = try Self.manifest("k8s-indexed-job.yaml")
        #expect(job["apiVersion"] as? String == "batch/v1")
        #expect(job["kind"] as? String == "Job")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        #expect(spec["parallelism"] as? Int == completions)
        let (env, script, container) = try Self.container(job)
        #expect(env["SHARDS"] == String(completions))
        for name in ["PATHS", "SEED", "SAMPLER"] { #expect(env[name] != nil, "\(name) not set") }
        #expect(script.contains("JOB_COMPLETION_INDEX + 1"))
        #expect(script.contains("--shard \"$shard/$SHARDS\""))
        #expect(script.contains("steppe run "))
        let mounts = try #require(container["volumeMounts"] as? [[String: Any]])
        #expect(mounts.contains { $0["name"] as? String == "shared" && $0["mountPath"] as? String == "/shared" })
    }

    @Test("The merge job reads the shard job's shared volume and shard count")
    func mergeJobAgrees() throws {
        let (_, shardJob) = try Self.manifest("k8s-indexed-job.yaml")
        let (_, mergeJob) = try Self.manifest("k8s-merge-job.yaml")
        #expect(mergeJob["kind"] as? String == "Job")
        let spec = try #require(mergeJob["spec"] as? [String: Any])
        #expect(spec["completionMode"] == nil)
        #expect(spec["backoffLimit"] as? Int == 0)
        let shard = try Self.container(shardJob), merge = try Self.container(mergeJob)
        #expect(merge.env["SHARDS"] == shard.env["SHARDS"])
        #expect(merge.script.contains("steppe merge "))
        func claim(_ job: [String: Any]) -> String? {
            let template = (job["spec"] as? [String: Any])?["template"] as? [String: Any]
            let volumes = (template?["spec"] as? [String: Any])?["volumes"] as? [[String: Any]] ?? []
            let shared = volumes.first { $0["name"] as? String == "shared" }
            return (shared?["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String
        }
        #expect(claim(shardJob) == "steppe-shared")
        #expect(claim(mergeJob) == claim(shardJob))
    }

    @Test("Run with a stub steppe, indexes 0..n-1 write shards 1..n where the merge step finds them")
    func shellStepsAgree() throws {
        let shard = try Self.container(try Self.manifest("k8s-indexed-job.yaml").job)
        let merge = try Self.container(try Self.manifest("k8s-merge-job.yaml").job)
        let count = try #require(shard.env["SHARDS"].flatMap { Int($0) })
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-k8s-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = root.appendingPathComponent("calls.log").path
        // The stub logs its arguments and, for `run`, creates the --out file.
        let stub = """
            #!/bin/sh
            echo "$*" >> "\(log)"
            [ "$1" = run ] || exit 0
            while [ $# -gt 0 ]; do [ "$1" = --out ] && : > "$2"; shift; done
            """
        let stubURL = bin.appendingPathComponent("steppe")
        try Data(stub.utf8).write(to: stubURL)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stubURL.path)
        let shared = root.appendingPathComponent("shared").path
        func sh(_ script: String, _ extra: [String: String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let local = script.replacingOccurrences(of: "/shared", with: shared)
            process.arguments = ["-c", local]
            process.environment = ["PATH": "\(bin.path):/usr/bin:/bin"].merging(extra) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // The merge step fails, naming the problem, when no shard ran.
        #expect(try sh(merge.script, merge.env) == 1)
        for index in 0..<count {
            #expect(try sh(shard.script, shard.env.merging(["JOB_COMPLETION_INDEX": String(index)]) { $1 }) == 0)
        }
        // Re-running one shard by its 1-based number.
        #expect(try sh(shard.script, shard.env.merging(["JOB_COMPLETION_INDEX": "0", "SHARD_INDEX": "3"]) { $1 }) == 0)
        #expect(try sh(merge.script, merge.env) == 0)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let runs = calls.filter { $0.hasPrefix("run ") }
        #expect(runs.count == count + 1)
        for i in 1...count {
            #expect(runs[i - 1].contains("--shard \(i)/\(count) "), "index \(i - 1): \(runs[i - 1])")
            #expect(runs[i - 1].contains("--out \(shared)/shards/shard-\(i)-of-\(count).json"))
        }
        #expect(runs[count].contains("--shard 3/\(count) "))
        let mergeCall = try #require(calls.first { $0.hasPrefix("merge ") })
        for i in 1...count { #expect(mergeCall.contains("\(shared)/shards/shard-\(i)-of-\(count).json")) }
        #expect(mergeCall.hasSuffix("--out \(shared)/result.json --force"))
    }
}
