import Foundation
import Testing
@testable import SteppeCLI

@Suite("Signals that stop a run")
struct InterruptFlagTests {
    /// Whether `signal` is ignored by process `pid` (`SigIgn` of /proc/PID/status): the run has set up
    /// its interrupt flag. Where there is no /proc, after a second.
    static func ignores(_ signal: Int32, pid: Int32, since start: Date) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return Date().timeIntervalSince(start) > 1
        }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
              let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Whether `signal`'s action in process `pid` is not the default: ignored (SigIgn) or caught (SigCgt).
    static func handlesNotByDefault(_ signal: Int32, pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        let bit = UInt64(1) << UInt64(signal - 1)
        return ["SigIgn:", "SigCgt:"].contains { key in
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
                  let mask = UInt64(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
            return mask & bit != 0
        }
    }

    static func waitForExit(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    @Test("SIGTERM, like SIGINT, stops a run and writes its partial result to OUT.partial", arguments: [SIGTERM, SIGINT])
    func signalWritesPartial(_ signal: Int32) throws {
        let folder = (try temporaryFile(named: "placeholder", "") as NSString).deletingLastPathComponent
        let out = folder + "/r.json"
        let process = Process()
        process.executableURL = RunCommandTests.executable
        process.arguments = ["run", "--paths", "1000000000", "--threads", "1", "--exact-limit", "0", "--quiet", "--out", out]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let start = Date()
        try process.run()
        while process.isRunning && !Self.ignores(signal, pid: process.processIdentifier, since: start) && Date().timeIntervalSince(start) < 60 {
            usleep(20_000)
        }
        usleep(300_000)  // the signal sources are set up right after the dispositions
        kill(process.processIdentifier, signal)
        // A signal inherited as ignored may have come before the flag: send it once more, late.
        if !Self.waitForExit(process, seconds: 20) { kill(process.processIdentifier, signal) }
        if !Self.waitForExit(process, seconds: 40) { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit, "ended by a signal: \(message)")
        #expect(process.terminationStatus == 128 + signal, "\(message)")
        #expect(message.contains("interrupted"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: out + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    #if os(Linux)
    @Test("While one run's flag is alive, another's going does not restore the signals' default actions")
    func overlappingFlags() {
        let pid = getpid()
        var first: InterruptFlag? = InterruptFlag()
        let second = InterruptFlag()
        first = nil
        // Not the default action: ignored, or caught by the dispatch source that libdispatch may install in its place.
        #expect(first == nil && Self.handlesNotByDefault(SIGTERM, pid: pid) && Self.handlesNotByDefault(SIGINT, pid: pid))
        withExtendedLifetime(second) {}
    }
    #endif
}
