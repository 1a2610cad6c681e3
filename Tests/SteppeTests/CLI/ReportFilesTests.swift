import Foundation
import Testing
@testable import Steppe
@testable import SteppeCLI

@Suite("Report files")
struct ReportFilesTests {
    @Test("report --csv writes a table named by a hostile module key inside the folder, not outside")
    func traversalStaysInside() throws {
        guard case .object(var members) = ReportFixtures.evaluation else { Issue.record("not an object"); return }
        members.removeAll { $0.0 == "modules" }
        // A series for every year, so the module also gets a chart, whose table is named `NAME-SERIES`.
        let years = ReportFixtures.evaluation["cashFlows"]?.array?.count ?? 0
        let series = JSONValue.array((0..<years).map { .number(Double($0)) })
        members.append(("modules", .object([("../../../../outside/PWNED", .object([("x", series)]))])))
        let input = try temporaryFile(named: "evil.json", JSONValue.object(members).serialized())
        let base = (input as NSString).deletingLastPathComponent
        let outside = base + "/a/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let csv = base + "/a/b/c/d/tables"
        let result = SteppeCommand.run(["report", input, "--csv", csv])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        let tables = try FileManager.default.contentsOfDirectory(atPath: csv)
        #expect(tables.contains("_._.._.._.._outside_PWNED-x.csv"))
        #expect(tables.contains("module-.._.._.._.._outside_PWNED.csv"))
    }

    @Test("A file name that would leave the folder is refused, whatever made it", arguments: ["../x.csv", "a/b.csv", "..", ".", ""])
    func pathOutsideRefused(_ name: String) {
        #expect(throws: OutputError.self) { try ReportFiles.path(of: name, inside: "/tmp/tables") }
    }

    @Test("An existing CSV table is refused before any report file is written")
    func checksAllBeforeWriting() throws {
        let input = try temporaryFile(named: "result.json", ReportFixtures.evaluation.serialized())
        let folder = (input as NSString).deletingLastPathComponent
        let first = SteppeCommand.run(["report", input, "--csv", folder + "/csv"])
        #expect(first.status == 0, "\(first.standardError)")
        let again = SteppeCommand.run(["report", input, "--html", folder + "/r.html", "--csv", folder + "/csv"])
        #expect(again.status == 1 && again.standardError.contains("pass --force"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r.html"))
    }

    @Test("--csv naming a file that is not a folder is refused before anything is written")
    func csvFolderMustBeAFolder() throws {
        let input = try temporaryFile(named: "result.json", ReportFixtures.evaluation.serialized())
        let folder = (input as NSString).deletingLastPathComponent
        try "not a folder\n".write(toFile: folder + "/tables", atomically: false, encoding: .utf8)
        let result = SteppeCommand.run(["report", input, "--html", folder + "/r.html", "--csv", folder + "/tables"])
        #expect(result.status == 1)
        #expect(result.standardError == "\(input): \(folder)/tables is not a folder; --csv needs a folder for the tables\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/r.html"))
    }
}
