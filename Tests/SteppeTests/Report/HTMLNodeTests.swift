import Testing
@testable import Steppe

@Suite("HTML builder")
struct HTMLNodeTests {
    @Test("Text and attribute values are escaped")
    func escapes() {
        let node = HTMLNode.element("p", [.init("title", "a\"b'<c>&")], text: "<b>x</b> & y")
        #expect(node.rendered() == "<p title=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;b&gt;x&lt;/b&gt; &amp; y</p>\n")
    }

    @Test("Void elements and SVG shapes close themselves; other empty elements get a closing tag")
    func closing() {
        #expect(HTMLNode.element("meta", [.init("charset", "utf-8")]).rendered() == "<meta charset=\"utf-8\" />\n")
        #expect(HTMLNode.element("rect").rendered() == "<rect />")
        #expect(HTMLNode.element("td").rendered() == "<td></td>")
    }

    @Test("Control characters XML forbids are dropped from text")
    func controlCharacters() {
        #expect(HTMLNode.escape("a\u{1}b\u{0}c\td") == "ab" + "c\td")
    }
}

@Suite("Report formatting")
struct ReportFormatTests {
    @Test("Money is grouped and divided by the unit; undefined is a dash", arguments: [
        (290_886_418.07, ReportUnit.millionYuan, "290.89 million CNY"),
        (290_886_418.07, ReportUnit.wanYuan, "29,088.64 万元"),
        (-1_234_567_890, ReportUnit.millionYuan, "-1,234.57 million CNY"),
        (-1, ReportUnit.millionYuan, "0.00 million CNY"),
    ])
    func money(_ yuan: Double, _ unit: ReportUnit, _ expected: String) {
        #expect(ReportFormat.money(yuan, unit) == expected)
    }

    @Test("Non-finite numbers never print as nan or inf")
    func nonFinite() {
        #expect(ReportFormat.money(.nan, .millionYuan) == "–")
        #expect(ReportFormat.percent(.infinity) == "–")
        #expect(ReportFormat.plain(.nan) == "")
        #expect(ReportFormat.tick(.nan, step: 1) == "–")
    }

    @Test("Nice axis ticks are round and cover the data")
    func ticks() {
        let s = LinearScale(values: [3.7, 51.2], from: 0, to: 100)
        #expect(s.ticks == [0, 10, 20, 30, 40, 50, 60])
        let constant = LinearScale(values: [5, 5], from: 0, to: 100)
        #expect(constant.lower < 5 && constant.upper > 5)
    }
}

@Suite("JSON reading")
struct JSONParsingTests {
    @Test("Serialized results read back equal, keys in order")
    func roundTrip() throws {
        let json = ReportFixtures.incentives
        #expect(try JSONValue(parsing: json.serialized()) == json)
        let parsed = try JSONValue(parsing: "{\"b\": [1, 2.5e3, null, true], \"a\": \"\\u00e9\\ud83d\\ude00\\n\"}")
        #expect(parsed.members?.map(\.0) == ["b", "a"])
        #expect(parsed["a"]?.string == "é😀\n")
        #expect(parsed["b"]?.numbers == [1, 2500, nil, nil])
    }

    @Test("Malformed JSON is an error with its offset", arguments: ["{", "[1,]", "{\"a\" 1}", "nan", "[1] x", "\"\\x\""])
    func malformed(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
    }
}
