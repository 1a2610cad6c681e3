/// One problem found in a scenario: where it is and what is wrong.
///
/// Its description is a single line, `file:line:column: key.path: message`,
/// with the parts the reader could not know left out.
public struct ScenarioIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// Dotted key path with list indices, for example `financing.loans[0].rate`.
    public var keyPath: String
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, keyPath: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.keyPath = keyPath; self.message = message
    }

    public var description: String {
        var location = file ?? "<scenario>"
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let path = keyPath.isEmpty ? "" : " \(keyPath):"
        // One line without control characters, whatever a key or value in the message holds.
        return "\(location):\(path) \(message)".escapingControlCharacters
    }
}

/// All problems of one scenario, reported together.
public struct ScenarioErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    public init(_ issues: [ScenarioIssue]) { self.issues = issues }
    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
