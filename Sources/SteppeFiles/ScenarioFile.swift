import Foundation
import Yams

/// Reads scenario files (YAML, or JSON, which the YAML parser also reads) into `Scenario`s.
///
/// Every failure is a `ScenarioErrors` whose issues each print as one line naming
/// the file, the line where the parser gives one, and the key path.
public enum ScenarioFile {
    /// Loads and validates the scenario at `path`; `catalogue` defaults to the shipped one.
    public static func load(path: String, catalogue: PolicyCatalogue? = nil) throws(ScenarioErrors) -> Scenario {
        try loadWithText(path: path, catalogue: catalogue).scenario
    }

    /// Loads and validates the scenario at `path`, and returns its text too.
    public static func loadWithText(path: String, catalogue: PolicyCatalogue? = nil) throws(ScenarioErrors) -> (scenario: Scenario, text: String) {
        let source = try loadDocument(path: path)
        return (try read(source.document, file: source.file, catalogue: catalogue), source.text)
    }

    /// The parsed document of the scenario at `path`, not yet read into a `Scenario`, with its
    /// text and its file name (as errors name it): for commands that edit the document before
    /// reading it (`steppe sweep`), which then read it with `read`, as `load` does.
    public static func loadDocument(path: String) throws(ScenarioErrors) -> (document: SourceNode, text: String, file: String) {
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScenarioErrors([ScenarioIssue(file: path, keyPath: "", message: "no such file")])
        }
        let text = try readText(path: path, file: name)
        return (try sourceNode(text, file: name), text, name)
    }

    /// The UTF-8 text of the file at `path`, read no further than `DocumentLimits.maximumFileBytes`
    /// (so that a huge file or an endless device is refused instead of filling the memory);
    /// `file` names it in errors.
    static func readText(path: String, file: String) throws(ScenarioErrors) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioErrors([ScenarioIssue(file: path, keyPath: "", message: "the file cannot be read")])
        }
        defer { try? handle.close() }
        let limit = DocumentLimits.maximumFileBytes
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw ScenarioErrors([ScenarioIssue(file: path, keyPath: "", message: "the file cannot be read")])
        }
        if data.count > limit {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "", message: "the file is larger than the limit of \(limit) bytes")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "", message: "the file is not UTF-8 text")])
        }
        return text
    }

    /// Parses and validates scenario text; `file` names it in errors. `zone`, `policies` and
    /// catalogue references resolve against `catalogue` (default: the shipped catalogue).
    public static func parse(_ text: String, file: String, catalogue: PolicyCatalogue? = nil) throws(ScenarioErrors) -> Scenario {
        try read(try sourceNode(text, file: file), file: file, catalogue: catalogue)
    }

    /// Reads and validates a parsed document; `zone`, `policies` and catalogue references resolve
    /// against `catalogue` (default: the shipped catalogue).
    public static func read(_ document: SourceNode, file: String, catalogue: PolicyCatalogue? = nil) throws(ScenarioErrors) -> Scenario {
        let resolved: PolicyCatalogue
        if let catalogue { resolved = catalogue } else { resolved = try CatalogueFiles.standard() }
        return try Scenario(reading: document, file: file, catalogue: resolved)
    }

    /// Parses YAML or JSON text into a position-carrying document tree.
    public static func sourceNode(_ text: String, file: String) throws(ScenarioErrors) -> SourceNode {
        try DocumentLimits.check(text, file: file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioErrors([issue(for: error, file: file, text: text)])
        } catch {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "", message: "cannot parse: \(error)")])
        }
        guard let node else {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "", message: "the file is empty")])
        }
        return convert(node)
    }

    static func convert(_ node: Node) -> SourceNode {
        let mark = node.mark
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return SourceNode(.null, line: mark?.line, column: mark?.column)
            }
            return SourceNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                              line: mark?.line, column: mark?.column)
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                SourceNode.Entry(key: key.string ?? "\(key)", keyLine: key.mark?.line, keyColumn: key.mark?.column,
                                 value: convert(value))
            }
            return SourceNode(.mapping(entries), line: mark?.line, column: mark?.column)
        case .sequence(let sequence):
            return SourceNode(.sequence(sequence.map(convert)), line: mark?.line, column: mark?.column)
        case .alias:
            return SourceNode(.null, line: mark?.line, column: mark?.column)
        }
    }

    static func issue(for error: YamlError, file: String, text: String) -> ScenarioIssue {
        func flat(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(flat($0.text)) (line \($0.mark.line)): " } ?? ""
            return ScenarioIssue(file: file, line: mark.line, column: mark.column, keyPath: "",
                                 message: "not valid YAML/JSON: \(detail)\(flat(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioIssue(file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                                 message: "duplicate keys: \(duplicates.map { $0.messageExcerpt() }.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            // Yams's own description quotes the whole line, which may be any file's contents: give its position instead.
            let (line, column) = offset.map { position(ofByte: $0, in: text) } ?? (nil, nil)
            return ScenarioIssue(file: file, line: line, column: column, keyPath: "", message: "not valid YAML/JSON: \(flat(problem))")
        default:
            return ScenarioIssue(file: file, keyPath: "", message: "not valid YAML/JSON: \(flat("\(error)").messageExcerpt(limit: 200))")
        }
    }

    /// The 1-based line and column (in characters) of the byte at `offset` of `text`.
    static func position(ofByte offset: Int, in text: String) -> (Int?, Int?) {
        let bytes = text.utf8.prefix(max(0, offset))
        let line = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = bytes.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
        let column = String(decoding: text.utf8[lineStart..<bytes.endIndex], as: UTF8.self).count + 1
        return (line, column)
    }
}
