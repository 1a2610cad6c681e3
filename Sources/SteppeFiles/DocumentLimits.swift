import CYaml
import Foundation

/// Bounds on what a scenario or catalogue document may make the reader build, and the check for
/// repeated keys, both made in one scan of the document's events before Yams composes it.
///
/// A YAML alias repeats the node its anchor names, so a few hundred bytes of nested aliases
/// ("billion laughs") stand for billions of nodes. Yams shares the aliased nodes while composing,
/// but hashing alias keys (its duplicate-key check) and every walk of the tree expand them. So
/// the document's libyaml events are scanned first, in one pass and constant memory per
/// anchor, counting what the document expands to; a document over a limit is refused before
/// Yams composes it.
public enum DocumentLimits {
    /// Largest file read, in bytes. The largest shipped document is a few kilobytes.
    public static let maximumFileBytes = 4 << 20
    /// Largest number of nodes (scalars, lists, mappings) once every alias is expanded.
    public static let maximumExpandedNodes = 500_000
    /// Largest total length of the scalars once every alias is expanded, in bytes.
    public static let maximumExpandedScalarBytes = 16 << 20
    /// Deepest nesting of lists and mappings.
    public static let maximumNestingDepth = 100

    /// Checks `text` against the limits; syntax errors are left to the parser proper.
    ///
    /// - Throws: `ScenarioErrors` naming `file` and the line where a limit is passed.
    static func check(_ text: String, file: String) throws(ScenarioErrors) {
        let size = text.utf8.count
        if size > maximumFileBytes {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "",
                message: "the file is larger than the limit of \(maximumFileBytes) bytes (it has \(size))")])
        }
        var scan = ExpansionScan()
        var keys = DuplicateKeyScan()
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(ScenarioErrors) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                // A syntax error is reported, with its position, by Yams on the real parse.
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                if let problem = scan.take(event) {
                    throw ScenarioErrors([ScenarioIssue(file: file, line: line, column: column, keyPath: "", message: problem)])
                }
                if let repeated = keys.take(event) {
                    throw ScenarioErrors([ScenarioIssue(file: file, line: line, column: column,
                                                        keyPath: repeated.keyPath.messageExcerpt(limit: 200), message: repeated.message)])
                }
            }
        }
    }
}

/// The running count of one document's expanded size, fed one libyaml event at a time.
private struct ExpansionScan {
    /// The expanded size of a node: its nodes and its scalars' bytes.
    struct Size { var nodes = 0; var bytes = 0 }
    /// An open list or mapping: its anchor and the size of what it holds so far.
    struct Open { var anchor: String?; var size = Size() }

    var open: [Open] = []
    var anchors: [String: Size] = [:]
    var total = Size()

    /// Accounts for one event; returns the problem when it passes a limit.
    mutating func take(_ event: yaml_event_t) -> String? {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            return add(Size(nodes: 1, bytes: Int(scalar.length)), anchor: Self.name(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            return push(Self.name(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT:
            return push(Self.name(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = open.popLast() else { return nil }
            let size = Size(nodes: closed.size.nodes + 1, bytes: closed.size.bytes)
            if let anchor = closed.anchor { anchors[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size.nodes += size.nodes; open[open.count - 1].size.bytes += size.bytes }
            return nil
        case YAML_ALIAS_EVENT:
            // An unknown alias is the parser's error to report.
            guard let name = Self.name(event.data.alias.anchor), let size = anchors[name] else { return nil }
            return add(size, anchor: nil)
        default:
            return nil
        }
    }

    private mutating func push(_ anchor: String?) -> String? {
        open.append(Open(anchor: anchor))
        if open.count > DocumentLimits.maximumNestingDepth {
            return "lists and mappings are nested more than \(DocumentLimits.maximumNestingDepth) deep"
        }
        return count(Size(nodes: 1, bytes: 0))
    }

    /// Adds a complete node (a scalar or an alias's target) to the list or mapping it is in.
    private mutating func add(_ size: Size, anchor: String?) -> String? {
        if let anchor { anchors[anchor] = size }
        if !open.isEmpty { open[open.count - 1].size.nodes += size.nodes; open[open.count - 1].size.bytes += size.bytes }
        return count(size)
    }

    /// Both totals stay within their limits before each addition, and an anchor's size never
    /// exceeds them, so the sums cannot overflow.
    private mutating func count(_ size: Size) -> String? {
        total.nodes += size.nodes
        total.bytes += size.bytes
        if total.nodes > DocumentLimits.maximumExpandedNodes {
            return "the document expands to more than \(DocumentLimits.maximumExpandedNodes) values (YAML aliases repeat what their anchor names)"
        }
        if total.bytes > DocumentLimits.maximumExpandedScalarBytes {
            return "the document expands to more than \(DocumentLimits.maximumExpandedScalarBytes) bytes of text (YAML aliases repeat what their anchor names)"
        }
        return nil
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
