import Testing
@testable import Steppe

/// Hand-edited result files reach the JSON reader; malformed text is an error at its byte, never a trap.
@Suite("JSON reading of malformed text")
struct JSONValueParsingTests {
    @Test("a high surrogate followed by an escape that is not a low surrogate is refused at the escape")
    func highSurrogateWithoutLow() {
        #expect(throws: JSONValue.ParseError(offset: 1, message: "a \\u escape of a high surrogate is not followed by a low one")) {
            try JSONValue(parsing: "\"\\uD800\\u0041\"")
        }
    }

    @Test("a lone surrogate is refused at its escape")
    func loneSurrogate() {
        #expect(throws: JSONValue.ParseError(offset: 2, message: "a \\u escape of a lone surrogate")) {
            try JSONValue(parsing: "\"a\\uDC00\"")
        }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: "\"\\uD800\"") }
    }

    @Test("a surrogate pair still reads as one character")
    func surrogatePair() throws {
        #expect(try JSONValue(parsing: "\"\\uD83D\\uDE00\"") == .string("\u{1F600}"))
    }

    @Test("a \\u escape takes exactly four hexadecimal digits")
    func signedEscape() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: "\"\\u+041\"") }
    }
}
