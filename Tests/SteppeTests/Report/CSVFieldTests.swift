import Testing
@testable import Steppe

@Suite("CSV fields")
struct CSVFieldTests {
    @Test("Text a spreadsheet would run as a formula gets a leading quote inside a quoted cell",
          arguments: ["=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    func formulasAreDefused(_ text: String) {
        #expect(CSVField.text(text) == "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    @Test("Plain numbers stay numbers", arguments: ["-1.5", "+3e6", "-0.25E-3", "-.5", "12"])
    func numbersStay(_ text: String) {
        #expect(CSVField.text(text) == text)
    }

    @Test("Text with a comma, quote or line break is quoted with doubled quotes (RFC 4180)")
    func quoting() {
        #expect(CSVField.text("a,b") == "\"a,b\"")
        #expect(CSVField.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.text("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.text("plain text") == "plain text")
    }
}
