import Foundation
import Testing
@testable import Steppe
import SteppeCLI

/// The workbook opened by a real spreadsheet: LibreOffice converts every sheet to CSV (raw
/// values, not as shown), which it does only for a file it can read, and every number must come
/// back equal to the report's value. Skipped, saying so, where LibreOffice is not installed
/// (`.ci/run` installs libreoffice-calc-nogui when it can).
@Suite("Workbook in LibreOffice")
struct WorkbookLibreOfficeTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The fields of one CSV line as LibreOffice writes it (double quotes around text with commas).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character = " "
        for ch in line {
            if ch == "\"" { quoted.toggle(); if quoted && previous == "\"" { field.append("\"") } }
            else if ch == "," && !quoted { fields.append(field); field = "" }
            else { field.append(ch) }
            previous = ch
        }
        return fields + [field]
    }

    /// A raw value as LibreOffice writes it: a number, or a number with a percent sign for a cell in a
    /// percent format (its value is the fraction).
    static func number(_ field: String) -> Double? {
        field.hasSuffix("%") ? Double(field.dropLast()).map { $0 / 100 } : Double(field)
    }

    /// The default example, and the feasibility-study example with the method's tables (years across, frozen line names).
    static let examples = [ReportFixtures.examplePath, FeasibilityReportFixture.path]

    @Test("LibreOffice opens the evaluation workbook and reads every number as the report's value",
          .enabled(if: soffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui): skipping the LibreOffice check"),
          arguments: examples)
    func libreOfficeReadsTheValues(scenario: String) throws {
        let folder = (try temporaryFile(named: "x", "") as NSString).deletingLastPathComponent + "/libreoffice"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/evaluation.xlsx"
        #expect(SteppeCommand.run(["evaluate", scenario, "--xlsx", path, "--force"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.soffice))
        // Field separator, text delimiter, UTF-8, start row, -, language, -, -, not "as shown", -, -, every sheet.
        process.arguments = ["-env:UserInstallation=file://\(folder)/profile", "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
                             "--outdir", folder, path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let workbook = try ReportDocument(json: scenario == ReportFixtures.examplePath ? ReportFixtures.evaluation : FeasibilityReportFixture.json).workbook
        var compared = 0
        for sheet in workbook.sheets.dropFirst() {
            let csv = try String(contentsOfFile: folder + "/evaluation-\(sheet.name).csv", encoding: .utf8)
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(Self.fields)
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    guard case .number(let expected, _) = cell else { continue }
                    let read = r < lines.count && c < lines[r].count ? Self.number(lines[r][c]) : nil
                    let value = try #require(read, "\(sheet.name) row \(r + 1) column \(c + 1)")
                    #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "\(sheet.name) row \(r + 1) column \(c + 1): \(value) vs \(expected)")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }
}
