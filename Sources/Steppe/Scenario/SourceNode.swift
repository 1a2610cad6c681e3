/// A parsed scenario document with source positions, independent of the file syntax.
///
/// The YAML/JSON reader (`SteppeFiles`) builds it; `Scenario(reading:)` decodes it.
/// Keeping positions here is what lets every error name its line.
public struct SourceNode: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLine: Int?
        public var keyColumn: Int?
        public var value: SourceNode
        public init(key: String, keyLine: Int? = nil, keyColumn: Int? = nil, value: SourceNode) {
            self.key = key; self.keyLine = keyLine; self.keyColumn = keyColumn; self.value = value
        }
    }
    public enum Value: Sendable {
        case mapping([Entry])
        case sequence([SourceNode])
        /// A scalar's text; `plain` is false when it was quoted (and so is a string, never a number).
        case scalar(String, plain: Bool)
        case null
    }
    public var value: Value
    /// 1-based line and column, when the parser gives them.
    public var line: Int?
    public var column: Int?

    public init(_ value: Value, line: Int? = nil, column: Int? = nil) {
        self.value = value; self.line = line; self.column = column
    }

    /// What the node is, for "expected X, got Y" messages.
    var kindDescription: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s, let plain):
            // Keep messages on one line and short, whatever the value holds.
            let shown = s.messageExcerpt()
            return plain ? "'\(shown)'" : "the string \"\(shown)\""
        case .null: return "nothing"
        }
    }
}
