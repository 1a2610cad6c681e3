/// The styles part of a workbook: a default style, a bold one for headers, a quote-prefix one
/// for text that looks like a formula, and one per number format the sheets use (custom formats
/// are numbered from 164, as the format requires).
struct WorkbookStyles {
    /// Number formats in first-use order; the cell style of format k is `firstNumberStyle + k`.
    let formats: [String]
    static let boldStyle = 1, quotePrefixStyle = 2, boldQuotePrefixStyle = 3, firstNumberStyle = 4

    init(sheets: [WorkbookSheet]) {
        var formats: [String] = [], seen: Set<String> = []
        for sheet in sheets {
            for row in sheet.rows {
                for case .number(_, let format) in row where seen.insert(format).inserted { formats.append(format) }
            }
        }
        self.formats = formats
    }

    func index(ofFormat format: String) -> Int { Self.firstNumberStyle + (formats.firstIndex(of: format) ?? 0) }

    /// Spreadsheets take text starting with `= + - @` as a formula when it is edited or pasted.
    func textStyle(_ text: String, bold: Bool) -> Int {
        let formulaLike = text.unicodeScalars.first.map { ["=", "+", "-", "@"].contains($0) } ?? false
        switch (bold, formulaLike) {
        case (false, false): return 0
        case (true, false): return Self.boldStyle
        case (false, true): return Self.quotePrefixStyle
        case (true, true): return Self.boldQuotePrefixStyle
        }
    }

    var xml: String {
        var xml = Workbook.header + #"<styleSheet xmlns="\#(Workbook.mainNamespace)">"#
        let custom = formats.enumerated().filter { $0.element != "General" }
        if !custom.isEmpty {
            xml += #"<numFmts count="\#(custom.count)">"#
            for (k, f) in custom { xml += #"<numFmt numFmtId="\#(164 + k)" formatCode="\#(HTMLNode.escape(f))"/>"# }
            xml += "</numFmts>"
        }
        xml += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += #"<cellXfs count="\#(Self.firstNumberStyle + formats.count)">"#
        xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        xml += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>"#
        xml += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>"#
        for (k, f) in formats.enumerated() {
            xml += #"<xf numFmtId="\#(f == "General" ? 0 : 164 + k)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }
}
