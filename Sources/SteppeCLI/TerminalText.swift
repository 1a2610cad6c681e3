/// Text bound for a terminal with its control characters made visible.
///
/// Names, ids and messages can come from input files; printed raw, an escape sequence in a zone
/// name could recolour, retitle or rewrite the user's terminal. Every command's standard output and
/// standard error pass through `escaped` (in `SteppeCommand.run`), so this is the one place.
enum TerminalText {
    /// `text` with C0 controls other than line feed and tab, DEL and C1 controls written as `\u{1B}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }
}

extension CommandResult {
    /// The result with both streams escaped for a terminal (`TerminalText`).
    var escapedForTerminal: CommandResult {
        CommandResult(status: status, standardOutput: TerminalText.escaped(standardOutput),
                      standardError: TerminalText.escaped(standardError))
    }
}
