extension String {
    /// Text from an input file made safe to quote in a one-line error message: control
    /// characters (a terminal would act on them) are written as escapes, and more than `limit`
    /// characters are cut with "...", so that a message never carries a file's contents.
    public func messageExcerpt(limit: Int = 40) -> String {
        var shown = count > limit ? String(prefix(limit - 3)) + "..." : self
        shown = shown.escapingControlCharacters
        return shown
    }

    /// Control characters (C0, DEL, C1) written as `\n`, `\r`, `\t` or `\u{1B}`; the rest unchanged.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isMessageControl) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case _ where scalar.isMessageControl:
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

private extension Unicode.Scalar {
    var isMessageControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
