/// The workbook as the XML parts of an Office Open XML spreadsheet (ECMA-376 SpreadsheetML):
/// content types, relationships, the workbook, one worksheet per sheet and the styles. Text is
/// written as inline strings (`t="inlineStr"`), which a spreadsheet never evaluates, so a label
/// such as `=cmd|...` stays text; such text also gets the quote-prefix style, so editing the
/// cell in Excel or LibreOffice keeps it text. Text and attributes are escaped by the one XML
/// escaper (`HTMLNode.escape`: specials escaped, characters XML 1.0 forbids dropped). Numbers are
/// numeric cells at full precision.
extension Workbook {
    /// (path inside the ZIP container, XML text) of every part, in a fixed order.
    public var parts: [(path: String, contents: String)] {
        let styles = WorkbookStyles(sheets: sheets)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", workbookXML),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles.xml),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", Self.worksheet(sheet, styles: styles)))
        }
        return parts
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        var xml = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in sheets.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private var workbookXML: String {
        var xml = Self.header + #"<workbook xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipNamespace)"><sheets>"#
        for (i, sheet) in sheets.enumerated() {
            xml += #"<sheet name="\#(HTMLNode.escape(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var xml = Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            xml += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.relationshipNamespace)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(Self.relationshipNamespace)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    private static func worksheet(_ sheet: WorkbookSheet, styles: WorkbookStyles) -> String {
        var xml = header + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0""# + (sheet.frozenRows > 0 ? ">" : "/>")
        if sheet.frozenRows > 0 && sheet.frozenColumns > 0 {
            // Rows and columns frozen: the pane below and right of both is the active one.
            let corner = columnName(sheet.frozenColumns) + String(sheet.frozenRows + 1)
            xml += #"<pane xSplit="\#(sheet.frozenColumns)" ySplit="\#(sheet.frozenRows)" topLeftCell="\#(corner)" activePane="bottomRight" state="frozen"/>"#
            xml += #"<selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight"/></sheetView>"#
        } else if sheet.frozenRows > 0 {
            xml += #"<pane ySplit="\#(sheet.frozenRows)" topLeftCell="A\#(sheet.frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft"/></sheetView>"#
        }
        xml += "</sheetViews>"
        let widths = sheet.columnWidths
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, w) in widths.enumerated() { xml += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"# }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let reference = columnName(c) + String(r + 1)
                switch cell {
                case .number(let x, let format) where x.isFinite:
                    xml += #"<c r="\#(reference)" s="\#(styles.index(ofFormat: format))"><v>\#(ReportFormat.plain(x))</v></c>"#
                case .number:
                    xml += #"<c r="\#(reference)" t="inlineStr"><is><t>–</t></is></c>"#
                case .text(let t) where t.isEmpty:
                    continue
                case .text(let t):
                    let style = styles.textStyle(t, bold: sheet.boldRows.contains(r))
                    xml += #"<c r="\#(reference)"\#(style == 0 ? "" : #" s="\#(style)""#) t="inlineStr"><is><t xml:space="preserve">\#(HTMLNode.escape(t))</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// The column letters of a 0-based index: A ... Z, AA ... ZZ, AAA ...
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
