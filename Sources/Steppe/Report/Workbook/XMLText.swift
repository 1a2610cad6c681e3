/// Text as XML 1.0 character data or attribute values: `& < > " '` escaped, and the characters
/// XML 1.0 cannot hold at all (controls other than tab, newline and carriage return, U+FFFE and
/// U+FFFF) replaced by U+FFFD, so a label read from a file can never make a part ill-formed.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(s)
            default:
                let allowed = s.value >= 0x20 && s.value != 0xFFFE && s.value != 0xFFFF
                out.unicodeScalars.append(allowed ? s : "\u{FFFD}")
            }
        }
        return out
    }
}
