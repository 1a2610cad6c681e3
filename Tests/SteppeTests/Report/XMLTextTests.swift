import Testing
@testable import Steppe

@Suite("XML text")
struct XMLTextTests {
    @Test("XML specials are escaped")
    func specialsAreEscaped() {
        #expect(XMLText.escaped(#"<a & "b" 'c'>"#) == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;")
    }

    @Test("Characters XML 1.0 cannot hold become U+FFFD; tab and newline stay")
    func controlCharactersAreReplaced() {
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\td\ne\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\td\ne\u{FFFD}")
    }
}
