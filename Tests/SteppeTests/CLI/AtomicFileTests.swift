import Foundation
import Testing
@testable import SteppeCLI

@Suite("Atomic file writes")
struct AtomicFileTests {
    static func folder() throws -> String {
        (try temporaryFile(named: "placeholder", "") as NSString).deletingLastPathComponent
    }

    @Test("A symbolic link planted at the old predictable temporary name is not followed")
    func plantedLinkIsNotFollowed() throws {
        let folder = try Self.folder()
        let victim = folder + "/victim.txt"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        // Earlier versions wrote to `.NAME.PID.tmp` through any link there; plant one for every
        // process id an in-process test could have.
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(atPath: folder + "/.result.json.\(pid).tmp", withDestinationPath: victim)
        try AtomicFile.write("new result\n", to: folder + "/result.json", force: false)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: folder + "/result.json", encoding: .utf8) == "new result\n")
    }

    @Test("Temporary files have the recognisable prefix, random names, and are created exclusively")
    func temporaryNames() throws {
        let folder = try Self.folder()
        let a = try AtomicFile.createTemporary(in: folder, for: folder + "/x")
        let b = try AtomicFile.createTemporary(in: folder, for: folder + "/x")
        defer { close(a.descriptor); close(b.descriptor); unlink(a.path); unlink(b.path) }
        let names = [a.path, b.path].map { ($0 as NSString).lastPathComponent }
        #expect(names.allSatisfy { $0.hasPrefix(".steppe-tmp-") && $0.count == ".steppe-tmp-".count + 16 })
        #expect(names[0] != names[1])
        // O_EXCL: opening an existing name again fails instead of reusing or following it.
        #expect(open(a.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600) == -1 && errno == EEXIST)
    }

    @Test("A write leaves only the target in the folder, with the mode the umask allows")
    func leavesOnlyTheTarget() throws {
        let folder = try Self.folder()
        try FileManager.default.removeItem(atPath: folder + "/placeholder")
        try AtomicFile.write("text\n", to: folder + "/out.txt", force: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
        let mask = umask(0); umask(mask)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/out.txt")[.posixPermissions] as? Int)
        #expect(mode == 0o666 & ~Int(mask))
    }
}
