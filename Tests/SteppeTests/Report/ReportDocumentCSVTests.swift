import Testing
@testable import Steppe

@Suite("Report CSV tables")
struct ReportDocumentCSVTests {
    /// The example evaluation with `modules` replaced, as in a hand-edited or hostile result JSON.
    static func evaluation(modules: JSONValue) throws -> ReportDocument {
        guard case .object(var members) = ReportFixtures.evaluation else { throw CSVTestError.notAnObject }
        members.removeAll { $0.0 == "modules" }
        members.append(("modules", modules))
        return try ReportDocument(json: .object(members))
    }

    enum CSVTestError: Error { case notAnObject }

    @Test("A module name with a path in it gives a plain CSV file name")
    func fileNamesFromDataAreSafe() throws {
        let document = try Self.evaluation(modules: .object([("../../../../outside/PWNED", .object([("x", .array([.number(1)]))]))]))
        let names = document.csvFiles.map(\.name)
        #expect(names.contains("module-.._.._.._.._outside_PWNED.csv"))
        for name in names { #expect(!name.contains("/") && !name.hasPrefix(".")) }
    }

    @Test("A series name that starts with = is written as quoted text with a leading quote")
    func formulaHeadersAreDefused() throws {
        let series = "=HYPERLINK(\"http://evil\",\"x\")"
        let document = try Self.evaluation(modules: .object([("m", .object([(series, .array([.number(-1.5)]))]))]))
        let table = try #require(document.csvFiles.first { $0.name == "module-m.csv" })
        let header = table.contents.split(separator: "\n")[0]
        #expect(header == "year,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
        #expect(table.contents.split(separator: "\n")[1].hasSuffix(",-1.5"))
    }
}
