/// How wide a chart's text is drawn, estimated from its characters, so that a chart can give a
/// label the room it needs before the browser lays it out (SVG text does not wrap or shrink).
///
/// A Latin character counts 0.6 em, more than the average glyph of the report's sans-serif
/// fonts (Arial's lower case is about 0.5 em), so the estimate errs on the side of room; a
/// CJK or full-width character counts 1 em, its drawn width.
enum SVGTextWidth {
    /// The estimated width in px of `text` set at `fontSize` px.
    static func of(_ text: String, fontSize: Double) -> Double {
        text.reduce(0.0) { width, character in
            width + (character.unicodeScalars.contains(where: isWide) ? 1 : 0.6) * fontSize
        }
    }

    /// Characters drawn one em wide: Hangul Jamo, CJK (radicals to Yi), Hangul syllables, CJK
    /// compatibility ideographs and forms, full-width forms, and the supplementary ideographs.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return true
        default: return false
        }
    }
}
