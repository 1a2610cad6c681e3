import Foundation
import Testing
import SteppeCLI

@Suite("Output paths checked before the work")
struct OutputTargetTests {
    static let example = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml").path

    /// A new folder with a copy of the example scenario as `s.yaml`.
    static func folderWithScenario() throws -> String {
        let folder = (try temporaryFile(named: "s.yaml", try String(contentsOfFile: example, encoding: .utf8)) as NSString)
            .deletingLastPathComponent
        return folder
    }

    @Test("An empty output path says the path is empty", arguments: [
        ["run", "--paths", "10", "--quiet", "--out", ""], ["run", "--paths", "10", "--quiet", "--report", ""],
        ["evaluate", "--output", ""], ["incentives", "--output", ""], ["sensitivity", "--output", ""],
        ["compare", "--zones", "ejin-horo", "--paths", "10", "--report", ""], ["merge", "x.json", "--out", ""],
    ])
    func emptyPath(_ arguments: [String]) {
        let result = SteppeCommand.run(arguments)
        #expect(result.status == 1)
        // `--out` is the hidden former name of `--output`; messages use the name the help shows.
        let option = arguments[arguments.count - 2] == "--out" ? "--output" : arguments[arguments.count - 2]
        #expect(result.standardError == "\(option): the path is empty\n")
    }

    @Test("An empty input path says the path is empty", arguments: [
        (["validate", ""], "<file>"), (["validate", "--catalogue", ""], "--catalogue"),
        (["merge", ""], "<shard-file>"), (["report", ""], "<result>"),
    ])
    func emptyInputPath(_ arguments: [String], _ name: String) {
        let result = SteppeCommand.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: \(name): the path is empty\n"), "\(result.standardError)")
    }

    @Test("run --out r.json --report missing-dir/r.html fails before the run and writes nothing")
    func missingReportFolder() throws {
        let folder = try Self.folderWithScenario()
        let result = SteppeCommand.run(["run", folder + "/s.yaml", "--paths", "20000", "--quiet",
                                        "--out", folder + "/r.json", "--report", folder + "/missing-dir/r.html"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/missing-dir/r.html: the folder \(folder)/missing-dir does not exist\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["s.yaml"])
    }

    @Test("An output inside a path that is a file, not a folder, says so")
    func parentIsNotAFolder() throws {
        let folder = try Self.folderWithScenario()
        let result = SteppeCommand.run(["evaluate", "--output", folder + "/s.yaml/r.txt"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/s.yaml/r.txt: \(folder)/s.yaml is not a folder\n")
    }

    @Test("An existing --report is refused before the run, so --out is not written either")
    func existingReportRefusedBeforeTheRun() throws {
        let folder = try Self.folderWithScenario()
        try "old\n".write(toFile: folder + "/r.html", atomically: false, encoding: .utf8)
        let result = SteppeCommand.run(["run", folder + "/s.yaml", "--paths", "2000", "--quiet",
                                        "--out", folder + "/r.json", "--report", folder + "/r.html"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/r.html exists; pass --force to overwrite it\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/r.json"))
    }

    @Test("A symbolic link as output is refused, even with --force, and its target is untouched")
    func symbolicLinkRefused() throws {
        let folder = try Self.folderWithScenario()
        try "precious\n".write(toFile: folder + "/victim", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: folder + "/victim")
        let result = SteppeCommand.run(["evaluate", "--format", "json", "--output", folder + "/link.json", "--force"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/link.json is a symbolic link; steppe does not write through links (give the path of the file itself)\n")
        #expect(try String(contentsOfFile: folder + "/victim", encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.json") == folder + "/victim")
    }

    @Test("A FIFO, a socket, a device or a folder as output is refused, even with --force")
    func specialFilesRefused() throws {
        // Special files made in a temporary folder: a test must never aim at the system's devices,
        // which a regression would replace.
        let folder = try Self.folderWithScenario()
        #expect(mkfifo(folder + "/fifo", 0o600) == 0)
        let fifo = SteppeCommand.run(["evaluate", "--output", folder + "/fifo", "--force"])
        #expect(fifo.status == 1)
        #expect(fifo.standardError == "\(folder)/fifo is not a regular file (a FIFO); steppe writes only regular files\n")
        var info = stat()
        #expect(lstat(folder + "/fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)

        try Self.makeSocket(at: folder + "/socket")
        let socket = SteppeCommand.run(["evaluate", "--output", folder + "/socket", "--force"])
        #expect(socket.standardError == "\(folder)/socket is not a regular file (a socket); steppe writes only regular files\n")

        #if os(Linux)
        // Root (as in the report that found this) can make a copy of the null device (major 1, minor 3).
        if geteuid() == 0, mknod(folder + "/null", S_IFCHR | 0o666, 0x103) == 0 {
            let device = SteppeCommand.run(["evaluate", "--output", folder + "/null", "--force"])
            #expect(device.standardError == "\(folder)/null is not a regular file (a character device); steppe writes only regular files\n")
            #expect(lstat(folder + "/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        }
        #endif

        let directory = SteppeCommand.run(["evaluate", "--output", folder, "--force"])
        #expect(directory.standardError == "\(folder) is not a regular file (a folder); steppe writes only regular files\n")
    }

    /// A Unix-domain socket file at `path`.
    static func makeSocket(at path: String) throws {
        #if os(Linux)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
    }

    @Test("--out naming the scenario, or a hard link to it, is refused even with --force")
    func scenarioIsProtected() throws {
        let folder = try Self.folderWithScenario()
        let scenario = folder + "/s.yaml"
        let before = try String(contentsOfFile: scenario, encoding: .utf8)
        let run = SteppeCommand.run(["run", scenario, "--paths", "10", "--quiet", "--out", scenario, "--force"])
        #expect(run.status == 1)
        #expect(run.standardError == "\(scenario) is an input of this command; write the output elsewhere\n")
        try FileManager.default.linkItem(atPath: scenario, toPath: folder + "/alias.yaml")
        let evaluate = SteppeCommand.run(["evaluate", scenario, "--output", folder + "/alias.yaml", "--force"])
        #expect(evaluate.standardError == "\(folder)/alias.yaml is an input of this command (the same file as \(scenario)); write the output elsewhere\n")
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == before)
    }

    @Test("A catalogue file, a shard of merge and the result JSON of report are inputs too")
    func otherInputsAreProtected() throws {
        let catalogueFile = try temporaryFile(named: "power.yaml", newerTariffCatalogueYAML)
        let catalogue = (catalogueFile as NSString).deletingLastPathComponent
        let withCatalogue = SteppeCommand.run(["evaluate", "--catalogue", catalogue, "--output", catalogueFile, "--force"])
        #expect(withCatalogue.standardError.contains("is an input of this command"))

        let folder = try Self.folderWithScenario()
        let shard = folder + "/shard.json"
        let ran = SteppeCommand.run(["run", folder + "/s.yaml", "--paths", "64", "--quiet", "--shard", "1/1", "--out", shard])
        #expect(ran.status == 0, "\(ran.standardError)")
        let merge = SteppeCommand.run(["merge", shard, "--out", shard, "--force"])
        #expect(merge.standardError == "\(shard) is an input of this command; write the output elsewhere\n")

        let result = folder + "/r.json"
        #expect(SteppeCommand.run(["evaluate", folder + "/s.yaml", "--format", "json", "--output", result]).status == 0)
        let report = SteppeCommand.run(["report", result, "--html", result, "--force"])
        #expect(report.status == 1 && report.standardError.contains("\(result) is an input of this command"))
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result)))) != nil)
    }

    @Test("Two options naming the same file are refused")
    func sameFileTwice() throws {
        let folder = try Self.folderWithScenario()
        let result = SteppeCommand.run(["evaluate", "--output", folder + "/r", "--report", folder + "/./r"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/./r: --output and --report name the same file\n")
    }

    @Test("incentives --output does not replace an existing file without --force")
    func incentivesNeedsForce() throws {
        let path = try temporaryFile(named: "incentives.txt", "old\n")
        let result = SteppeCommand.run(["incentives", "--output", path])
        #expect(result.status == 1 && result.standardError == "\(path) exists; pass --force to overwrite it\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(SteppeCommand.run(["incentives", "--output", path, "--force"]).status == 0)
    }
}
