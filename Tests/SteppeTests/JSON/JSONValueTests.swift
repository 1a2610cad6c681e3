import Testing
@testable import Steppe

@Suite("JSON values")
struct JSONValueTests {
    @Test("Control characters in strings, C0, DEL and C1 alike, are written as \\u escapes and read back")
    func controlCharactersEscaped() throws {
        let text = "a\u{1B}b\u{7F}c\u{85}d\u{9B}e"
        let serialized = JSONValue.string(text).serialized()
        #expect(serialized == "\"a\\u001bb\\u007fc\\u0085d\\u009be\"")
        #expect(try JSONValue(parsing: serialized).string == text)
    }
}
