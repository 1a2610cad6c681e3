/// Resolves a catalogue reference written where a number is expected (`{policy: …}`, `{zone: …}`),
/// recording the value's source; nil after reporting a problem. The policy layer provides it
/// (`CatalogueContext`), so that this reader, below it, needs no policy types.
protocol CatalogueReferenceResolver: AnyObject {
    func number(at field: SourceField) -> Double?
}

/// Collects the issues of one document while it is decoded, with the source position
/// of every key path read so that later semantic checks can name lines too.
final class SourceReader {
    let file: String?
    private(set) var issues: [ScenarioIssue] = []
    /// The policy catalogue and zone that `{zone:}` / `{policy:}` references resolve against.
    var catalogue: (any CatalogueReferenceResolver)?
    /// Numbers given as distributions, per-year multipliers or processes, in document order.
    var uncertain: [UncertainInput] = []
    /// Policy events of incentives, in document order.
    var policyRisks: [PolicyRisk] = []
    private var positions: [String: (line: Int?, column: Int?)] = [:]

    init(file: String?) { self.file = file }

    func fail(_ node: SourceNode?, _ path: String, _ message: String) {
        issues.append(ScenarioIssue(file: file, line: node?.line, column: node?.column, keyPath: path, message: message))
    }

    func record(_ path: String, _ node: SourceNode) { positions[path] = (node.line, node.column) }

    /// Reports a problem at a key path read earlier, at its recorded position.
    func fail(at path: String, _ message: String) {
        issues.append(locate(ScenarioIssue(keyPath: path, message: message)))
    }

    /// Adds file and the closest known position to an issue found after decoding.
    func locate(_ issue: ScenarioIssue) -> ScenarioIssue {
        var located = issue
        located.file = file
        var path = issue.keyPath
        while true {
            if let p = positions[path] { located.line = p.line; located.column = p.column; return located }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return located }
            path = String(path[..<cut])
        }
    }
}

/// One value in the document at a key path.
struct SourceField {
    let node: SourceNode
    let path: String
    let reader: SourceReader

    private func typeError<T>(_ expected: String) -> T? {
        reader.fail(node, path, "expected \(expected), got \(node.kindDescription)")
        return nil
    }

    private var plainText: String? {
        if case .scalar(let s, true) = node.value { return s }
        return nil
    }

    func double(min: Double? = nil, max: Double? = nil, above: Double? = nil) -> Double? {
        let x: Double, text: String
        if case .mapping(let entries) = node.value {
            // A distribution, per-year multiplier or process makes the number uncertain.
            if entries.contains(where: { SourceField.uncertaintyKeys.contains($0.key) }) {
                return uncertainNumber(min: min ?? above, max: max)
            }
            // A catalogue reference.
            guard let references = reader.catalogue else {
                reader.fail(node, path, "expected a number (catalogue references need a catalogue)")
                return nil
            }
            guard let resolved = references.number(at: self) else { return nil }
            x = resolved; text = resolved.formattedPlain
        } else {
            guard let plain = plainText, let parsed = Double(SourceField.digitsWithoutSeparators(plain)), parsed.isFinite else {
                return typeError("a number")
            }
            x = parsed; text = plain
        }
        // Beyond this no project quantity is meaningful, and products of such numbers could overflow.
        if abs(x) > SourceField.largestMagnitude {
            reader.fail(node, path, "must be at most 1e15 in magnitude (got \(text))")
            return nil
        }
        if let min, x < min { reader.fail(node, path, "must be >= \(min.formattedPlain) (got \(text))"); return nil }
        if let above, x <= above { reader.fail(node, path, "must be > \(above.formattedPlain) (got \(text))"); return nil }
        if let max, x > max { reader.fail(node, path, "must be <= \(max.formattedPlain) (got \(text))"); return nil }
        return x
    }

    /// The largest magnitude a number of a scenario may have.
    static let largestMagnitude = Scenario.largestNumber

    /// A discount or interest rate per year, from -50 % to 100 %.
    ///
    /// Why: over a horizon of up to 200 years, a rate near -100 % makes discount factors of 1e300
    /// and more, and a rate of 1e15 makes interest no double can hold; neither is a real project's.
    func rate() -> Double? { double(min: SourceField.rateBounds.lowerBound, max: SourceField.rateBounds.upperBound) }

    /// Discount and interest rates a scenario may give.
    static let rateBounds = -0.5...1.0

    /// An escalation or growth rate per year: above -100 %, at most 100 % (2^200 over 200 years is
    /// already far beyond any price; an escalation of 1e6 overflows the pro forma).
    func growthRate() -> Double? { double(max: SourceField.largestGrowthRate, above: -1) }

    /// The largest escalation or growth rate per year a scenario may give.
    static let largestGrowthRate = 1.0

    /// A number's text without its `_` digit separators (YAML's `1_000_000`). Plain Swift rather than
    /// Foundation's `replacingOccurrences`, which bridged every number of every file through NSString
    /// (about a tenth of reading the default scenario at start).
    static func digitsWithoutSeparators(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
    }

    func int(min: Int? = nil, max: Int? = nil) -> Int? {
        guard let text = plainText, let x = Int(SourceField.digitsWithoutSeparators(text)) else {
            return typeError("a whole number")
        }
        if let min, x < min { reader.fail(node, path, "must be >= \(min) (got \(x))"); return nil }
        if let max, x > max { reader.fail(node, path, "must be <= \(max) (got \(x))"); return nil }
        return x
    }

    func year() -> Int? { int(min: 1900, max: 2300) }

    func string() -> String? {
        guard case .scalar(let s, _) = node.value, !s.isEmpty else { return typeError("a text value") }
        return s
    }

    func bool() -> Bool? {
        switch plainText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return typeError("true or false")
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        guard let s = string() else { return nil }
        if let e = E(rawValue: s) { return e }
        let names = E.allCases.map(\.rawValue)
        let hint = closestMatch(to: s, in: names).map { "; did you mean '\($0)'?" } ?? ""
        reader.fail(node, path, "'\(s)' is not one of \(names.joined(separator: ", "))\(hint)")
        return nil
    }

    /// A number, or a list of numbers (one per operating year, the last repeating).
    func yearly(min: Double? = nil) -> YearlyValue? {
        if case .sequence(let items) = node.value {
            guard !items.isEmpty else { reader.fail(node, path, "must list at least one value"); return nil }
            let values = items.enumerated().map { SourceField(node: $1, path: "\(path)[\($0)]", reader: reader).double(min: min) }
            let found = values.compactMap { $0 }
            return found.count == values.count ? YearlyValue(found) : nil
        }
        return double(min: min).map { YearlyValue([$0]) }
    }

    /// - Parameter maxCount: the most entries allowed; a longer list is refused before any entry is read.
    func list<T>(maxCount: Int? = nil, _ element: (SourceField) -> T?) -> [T]? {
        guard case .sequence(let items) = node.value else { return typeError("a list") }
        if let maxCount, items.count > maxCount {
            reader.fail(node, path, Scenario.tooManyEntries(items.count))
            return nil
        }
        var out: [T] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let path = "\(path)[\(i)]"
            reader.record(path, item)
            if let v = element(SourceField(node: item, path: path, reader: reader)) { out.append(v) } else { ok = false }
        }
        return ok ? out : nil
    }

    func object() -> SourceObject? {
        guard case .mapping(let entries) = node.value else { return typeError("a mapping") }
        return SourceObject(node: node, entries: entries, path: path, reader: reader)
    }
}

/// A mapping in the document; reports missing and unknown keys.
final class SourceObject {
    let node: SourceNode
    let entries: [SourceNode.Entry]
    let path: String
    let reader: SourceReader
    private var known: [String] = []

    init(node: SourceNode, entries: [SourceNode.Entry], path: String, reader: SourceReader) {
        self.node = node; self.entries = entries; self.path = path; self.reader = reader
        var seen = Set<String>()
        for e in entries where !seen.insert(e.key).inserted {
            reader.fail(SourceNode(.null, line: e.keyLine, column: e.keyColumn), childPath(e.key), "duplicate key")
        }
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The field, or nil when absent or null. Every key asked for counts as known.
    func optional(_ key: String) -> SourceField? {
        known.append(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .null = entry.value.value { return nil }
        reader.record(childPath(key), entry.value)
        return SourceField(node: entry.value, path: childPath(key), reader: reader)
    }

    /// The field; a missing one is reported.
    func required(_ key: String) -> SourceField? {
        if let f = optional(key) { return f }
        reader.fail(node, childPath(key), "missing required key")
        return nil
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Keys whose meaning depends on a value that is itself wrong (an unknown `kind` or `mode`)
    /// are not reported as unknown: the wrong value is the one error to fix.
    func leaveRemainingKeysUnchecked() { remainingKeysUnchecked = true }
    private var remainingKeysUnchecked = false

    /// Reports keys that no reader asked for, with the closest known key.
    func finish() {
        if remainingKeysUnchecked { return }
        for e in entries where !known.contains(e.key) {
            let hint = closestMatch(to: e.key, in: known).map { "; did you mean '\($0)'?" } ?? ""
            reader.fail(SourceNode(.null, line: e.keyLine, column: e.keyColumn), childPath(e.key), "unknown key\(hint)")
        }
    }
}

extension Double {
    /// `5` rather than `5.0`, for messages.
    var formattedPlain: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
