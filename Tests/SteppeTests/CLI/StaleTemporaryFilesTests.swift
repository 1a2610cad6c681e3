import Foundation
import Testing
@testable import SteppeCLI

@Suite("Stale temporary files")
struct StaleTemporaryFilesTests {
    @Test("Writing into a folder removes this tool's temporary files older than an hour, and nothing else")
    func removesOnlyOldOwnTemporaryFiles() throws {
        let folder = (try temporaryFile(named: "keep.txt", "x") as NSString).deletingLastPathComponent
        let twoHoursAgo = Date(timeIntervalSinceNow: -7200)
        func make(_ name: String, modified: Date?) throws {
            let path = folder + "/" + name
            try "left by a killed write".write(toFile: path, atomically: false, encoding: .utf8)
            if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path) }
        }
        try make(".steppe-tmp-00000000deadbeef", modified: twoHoursAgo)
        try make(".steppe-tmp-0000000000c0ffee", modified: nil)           // a write going on now
        try make(".other-tool.tmp", modified: twoHoursAgo)                  // not ours
        try FileManager.default.createSymbolicLink(atPath: folder + "/.steppe-tmp-link", withDestinationPath: folder + "/keep.txt")
        let result = SteppeCommand.run(["evaluate", "--output", folder + "/out.txt"])
        #expect(result.status == 0, "\(result.standardError)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left == [".steppe-tmp-0000000000c0ffee", ".other-tool.tmp", ".steppe-tmp-link", "keep.txt", "out.txt"])
    }
}
