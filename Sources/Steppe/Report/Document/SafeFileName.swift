/// File names made from data, such as the CSV table names that come from keys of a result JSON
/// (`steppe report --csv DIR`). A name made here has no path separator, cannot be `.`, `..` or a
/// hidden file, and is short, so the file stays inside the folder it is written to.
public enum SafeFileName {
    /// Longest stem kept, well under the 255 bytes file systems allow, with room for `-N.csv`.
    public static let maximumStemLength = 100

    /// `text` with every character outside `A-Z a-z 0-9 . _ -` replaced by `_`, a leading dot
    /// replaced by `_`, cut to `maximumStemLength`; `fallback` when nothing is left.
    public static func stem(_ text: String, fallback: String = "table") -> String {
        var scalars = text.unicodeScalars.prefix(maximumStemLength).map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-") ? Character(s) : "_"
        }
        if scalars.first == "." { scalars[0] = "_" }
        return scalars.isEmpty ? fallback : String(scalars)
    }

    /// `stem(text).ext`, or `stem(text)-2.ext`, `-3`, ... if an earlier name (compared without case,
    /// as on case-insensitive file systems) took it; records the name in `taken`.
    public static func unique(_ text: String, extension ext: String, taken: inout Set<String>) -> String {
        let base = stem(text)
        var name = "\(base).\(ext)", n = 1
        while taken.contains(name.lowercased()) {
            n += 1
            name = "\(base)-\(n).\(ext)"
        }
        taken.insert(name.lowercased())
        return name
    }
}
