/// One CSV cell of text, quoted as RFC 4180 asks and defused for spreadsheets.
///
/// Spreadsheet tools run a cell that starts with `=`, `+`, `-` or `@` (and, in some, tab or carriage
/// return) as a formula, so an id, title or assumption read from a file could run one when the CSV
/// is opened. Such text is prefixed with a single quote inside a quoted cell, which the tools show as
/// text; a plain number such as `-1.5` or `+3e6` is left as it is so it stays a number.
public enum CSVField {
    /// `text` as a CSV field.
    public static func text(_ text: String) -> String {
        if startsLikeFormula(text) && !isPlainNumber(text) {
            return quoted("'" + text)
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }

    /// A decimal number with an optional sign, fraction and exponent (no hex, no inf or nan).
    private static func isPlainNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil
    }
}
