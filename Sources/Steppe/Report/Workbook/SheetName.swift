import Foundation

/// Sheet names Excel and LibreOffice accept: at most 31 characters, none of `[ ] : * ? / \`,
/// not starting or ending with an apostrophe, not "History" (reserved by Excel), and unique
/// without regard to case. Table ids and captions can come from a result JSON, so every name
/// is made safe here rather than trusted.
public enum SheetName {
    public static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `text` made valid: forbidden and control characters become `_`, apostrophes at the ends
    /// are dropped, the rest is cut to 31 characters; `fallback` if nothing is left.
    public static func valid(_ text: String, fallback: String = "Sheet") -> String {
        var name = String(text.map { forbidden.contains($0) || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        name = String(name.prefix(maximumLength))
        while name.hasSuffix("'") { name.removeLast() }
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.lowercased() == "history" { return fallback }
        return name
    }

    /// `valid(text)`, or with " (2)", " (3)", ... fitted within 31 characters when an earlier
    /// name took it (compared without case, as Excel does); records the name in `taken`.
    public static func unique(_ text: String, taken: inout Set<String>) -> String {
        let base = valid(text)
        var name = base, n = 1
        while taken.contains(name.lowercased()) {
            n += 1
            let suffix = " (\(n))"
            name = String(base.prefix(maximumLength - suffix.count)) + suffix
        }
        taken.insert(name.lowercased())
        return name
    }
}
