import Testing
@testable import Steppe

@Suite("Message excerpts")
struct MessageExcerptTests {
    @Test("text longer than the limit is cut to the limit, ending in ...")
    func cut() {
        let excerpt = String(repeating: "x", count: 100).messageExcerpt()
        #expect(excerpt == String(repeating: "x", count: 37) + "...")
    }

    @Test("C0, DEL and C1 control characters are written as escapes")
    func controls() {
        #expect("a\nb\tc\u{1B}d\u{7F}e\u{9B}f".escapingControlCharacters == "a\\nb\\tc\\u{1B}d\\u{7F}e\\u{9B}f")
    }
}
