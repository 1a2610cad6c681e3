import Foundation
import Testing
@testable import Steppe

@Suite("Report workbook")
struct ReportDocumentWorkbookTests {
    static let document = try! ReportDocument(json: ReportFixtures.evaluation)

    @Test("Every part of the workbook is well-formed XML")
    func partsAreWellFormed() throws {
        let parts = Self.document.workbook.parts
        #expect(parts.contains { $0.path == "xl/workbook.xml" } && parts.contains { $0.path == "[Content_Types].xml" })
        for part in parts { _ = try WorkbookXMLReader.read(part.contents) }
    }

    @Test("The first sheet is Conventions, with the conventions and the provenance of every policy value")
    func conventionsSheetComesFirst() throws {
        // The hourly example takes values from the zone profile, so it has provenance rows.
        let document = try ReportDocument(json: ReportFixtures.hourly)
        let sheets = document.workbook.sheets
        #expect(sheets.first?.name == "Conventions")
        let texts = sheets[0].rows.flatMap { $0 }.compactMap { if case .text(let t) = $0 { t } else { nil } }
        let provenance = try #require(document.tables.first { $0.id == "provenance" })
        for row in provenance.rows { #expect(texts.contains(row[0].text) && texts.contains(row[4].text)) }
        let conventions = try #require(document.tables.first { $0.id == "conventions" })
        for row in conventions.rows { #expect(texts.contains(row[1].text)) }
    }

    @Test("Each table of the report has a sheet whose number cells hold the report's values")
    func numberCellsEqualTheReport() throws {
        let workbook = Self.document.workbook
        let parts = Dictionary(uniqueKeysWithValues: workbook.parts.map { ($0.path, $0.contents) })
        #expect(workbook.sheets.count == Self.document.tables.count + 1)
        var checked = 0
        for (k, table) in Self.document.tables.enumerated() {
            let sheet = try WorkbookXMLReader.read(try #require(parts["xl/worksheets/sheet\(k + 2).xml"]))
            let numbers = sheet.numbers
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    let reference = Workbook.columnName(c) + String(r + 3)
                    if let value = cell.value, value.isFinite {
                        #expect(numbers[reference] == value, "\(table.id) \(reference)")
                        checked += 1
                    } else {
                        #expect(numbers[reference] == nil, "\(table.id) \(reference) should be text")
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test("Money cells carry the report's number format")
    func moneyCellsAreFormatted() throws {
        let parts = Self.document.workbook.parts
        let styles = try #require(parts.first { $0.path == "xl/styles.xml" }?.contents)
        #expect(styles.contains(##"formatCode="#,##0.00""##))
        let index = try #require(Self.document.tables.firstIndex { $0.id == "cash-flows" })
        let sheet = try WorkbookXMLReader.read(try #require(parts.first { $0.path == "xl/worksheets/sheet\(index + 2).xml" }?.contents))
        let moneyStyle = WorkbookStyles(sheets: Self.document.workbook.sheets).index(ofFormat: "#,##0.00")
        #expect(sheet.cells.first { $0.reference == "B3" }?.style == moneyStyle)
    }

    @Test("Sheets freeze their caption and header rows")
    func headersAreFrozen() throws {
        let part = try #require(Self.document.workbook.parts.first { $0.path == "xl/worksheets/sheet2.xml" }?.contents)
        let pane = try #require(try WorkbookXMLReader.read(part).attributes.first { $0.element == "pane" }?.attributes)
        #expect(pane["state"] == "frozen" && pane["ySplit"] == "2" && pane["topLeftCell"] == "A3")
    }

    @Test("Columns are as wide as their longest entry")
    func columnsFitTheirText() {
        let sheet = WorkbookSheet(name: "s", rows: [[.text("a"), .text(String(repeating: "w", count: 20))], [.text("b"), .number(1234.5, format: "#,##0.00")]])
        #expect(sheet.columnWidths == [8, 22])
    }

    @Test("Sheet names in the workbook are valid and unique")
    func sheetNamesAreValid() throws {
        let sheets = Self.document.workbook.sheets
        #expect(Set(sheets.map { $0.name.lowercased() }).count == sheets.count)
        for sheet in sheets {
            #expect(sheet.name.count <= 31 && !sheet.name.contains { "[]:*?/\\".contains($0) })
        }
    }

    @Test("Hostile text stays inline text: no formula, XML specials escaped, control characters dropped, formula-like text quote-prefixed")
    func hostileTextIsNeutralised() throws {
        let hostile = "=cmd|' /C calc'!A0 <&> \u{1}\u{7}"
        let workbook = Workbook(sheets: [WorkbookSheet(name: SheetName.valid(hostile), rows: [[.text(hostile), .number(-1.5, format: "0.0")]])])
        let parts = workbook.parts
        for part in parts { _ = try WorkbookXMLReader.read(part.contents) }
        let sheet = try WorkbookXMLReader.read(try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }?.contents))
        let cell = try #require(sheet.cells.first { $0.reference == "A1" })
        #expect(cell.type == "inlineStr" && !cell.hasFormula)
        #expect(cell.value == "=cmd|' /C calc'!A0 <&> ")
        #expect(cell.style == WorkbookStyles.quotePrefixStyle)
        #expect(sheet.numbers["B1"] == -1.5)
    }
}
