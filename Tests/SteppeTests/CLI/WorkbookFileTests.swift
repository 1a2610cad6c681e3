import Foundation
import Testing
@testable import Steppe
@testable import SteppeCLI
import ZIPFoundation

@Suite("--xlsx workbook")
struct WorkbookFileTests {
    /// The parts of the xlsx file at `path`, unzipped with ZIPFoundation.
    static func unzip(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    static func folder() throws -> String { (try temporaryFile(named: "x", "") as NSString).deletingLastPathComponent }

    @Test("evaluate --xlsx writes a workbook whose parts are well-formed and whose metrics equal the JSON's, in the report's units")
    func evaluateWritesWorkbook() throws {
        let path = try Self.folder() + "/evaluation.xlsx"
        let result = SteppeCommand.run(["evaluate", ReportFixtures.examplePath, "--xlsx", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Excel workbook written to \(path)"))
        let parts = try Self.unzip(path)
        for (_, xml) in parts { _ = try WorkbookXMLReader.read(xml) }
        let document = try ReportDocument(json: ReportFixtures.evaluation)
        let index = try #require(document.tables.firstIndex { $0.id == "metrics" })
        let sheet = try WorkbookXMLReader.read(try #require(parts["xl/worksheets/sheet\(index + 2).xml"]))
        let metrics = try #require(ReportFixtures.evaluation["metrics"]?.members)
        let names = sheet.texts
        var compared = 0
        for (r, (name, value)) in metrics.enumerated() {
            guard let expected = value.number else { continue }
            #expect(names["A\(r + 3)"] == ReportBuilder.title(name))
            let shown = try #require(sheet.numbers["B\(r + 3)"], "\(name)")
            // As the report shows them (its unit column says which): money in the report unit, rates in
            // percent, years, prices and ratios as they are.
            #expect([expected, expected / document.unit.divisor, expected * 100].contains(shown), "\(name): \(shown) vs \(expected)")
            compared += 1
        }
        #expect(compared >= 5)
    }

    @Test("The workbook of equal results is byte-identical")
    func workbookIsDeterministic() throws {
        let folder = try Self.folder()
        let a = folder + "/a.xlsx", b = folder + "/b.xlsx"
        #expect(SteppeCommand.run(["evaluate", ReportFixtures.examplePath, "--xlsx", a]).status == 0)
        #expect(SteppeCommand.run(["evaluate", ReportFixtures.examplePath, "--xlsx", b]).status == 0)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    @Test("An existing workbook is refused without --force, before the work, and replaced with it")
    func refusesToOverwrite() throws {
        let path = try temporaryFile(named: "existing.xlsx", "keep me")
        let refused = SteppeCommand.run(["evaluate", ReportFixtures.examplePath, "--xlsx", path])
        #expect(refused.status == 1 && refused.standardError.contains("\(path) exists; pass --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(SteppeCommand.run(["evaluate", ReportFixtures.examplePath, "--xlsx", path, "--force"]).status == 0)
        #expect(try Self.unzip(path)["xl/workbook.xml"] != nil)
    }

    @Test("report --xlsx writes the workbook of a run result, without writing an HTML report")
    func reportWritesWorkbook() throws {
        let input = try temporaryFile(named: "run.json", ReportFixtures.monteCarlo.serialized() + "\n")
        let path = try Self.folder() + "/run.xlsx"
        let result = SteppeCommand.run(["report", input, "--xlsx", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: String(input.dropLast(5)) + ".html"))
        let workbook = try #require(Self.unzip(path)["xl/workbook.xml"])
        #expect(workbook.contains(#"name="Conventions""#) && workbook.contains(#"name="statistics""#))
    }

    @Test("run --xlsx writes the workbook of the study")
    func runWritesWorkbook() throws {
        let path = try Self.folder() + "/study.xlsx"
        let result = SteppeCommand.run(["run", "--paths", "64", "--quiet", "--xlsx", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Excel workbook written to \(path)"))
        #expect(try Self.unzip(path)["xl/worksheets/sheet2.xml"] != nil)
    }

    @Test("run --shard refuses --xlsx, which needs the whole run")
    func shardRefusesWorkbook() throws {
        let folder = try Self.folder()
        let result = SteppeCommand.run(["run", "--paths", "64", "--quiet", "--shard", "1/2", "--output", folder + "/s.json", "--xlsx", folder + "/s.xlsx"])
        #expect(result.status != 0 && result.standardError.contains("--xlsx needs the whole run"))
    }
}
