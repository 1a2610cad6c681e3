extension SourceNode {
    /// Why a key path cannot be set.
    public struct EditError: Error, Sendable, CustomStringConvertible {
        public var keyPath: String
        public var message: String
        public var description: String { "\(keyPath): \(message)" }
    }

    /// The document with the number at `keyPath` (e.g. `products[0].price` or
    /// `hydrogen.electrolyserMW`) replaced by `value`. The path must exist; the old value may be
    /// a number or a distribution (which the number then replaces).
    public func setting(_ keyPath: String, to value: Double) throws(EditError) -> SourceNode {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        return try setting(keyPath, to: SourceNode(.scalar(text, plain: true)), creating: false)
    }

    /// The document with the string at `keyPath` replaced by `value` (a quoted scalar, so it never
    /// reads as a number); a missing last key is added, so `setting("zone", toString: "baotou")`
    /// also sites a scenario that names no zone.
    public func setting(_ keyPath: String, toString value: String) throws(EditError) -> SourceNode {
        try setting(keyPath, to: SourceNode(.scalar(value, plain: false)), creating: true)
    }

    /// The document with the node at `keyPath` replaced by `node` (any value: a number, a string,
    /// a list, a mapping). With `creating`, a missing last key of a mapping is appended; the keys
    /// before it must exist. The new node keeps the old one's position, so errors in it point there.
    public func setting(_ keyPath: String, to node: SourceNode, creating: Bool) throws(EditError) -> SourceNode {
        let steps = try Self.steps(of: keyPath)
        return try replacing(steps[...], with: node, keyPath: keyPath, creating: creating)
    }

    /// The node at `keyPath`, or nil when the document has none there.
    public func node(at keyPath: String) -> SourceNode? {
        guard let steps = try? Self.steps(of: keyPath) else { return nil }
        var current = self
        for step in steps {
            switch (step, current.value) {
            case (.key(let key), .mapping(let entries)):
                guard let entry = entries.first(where: { $0.key == key }) else { return nil }
                current = entry.value
            case (.index(let i), .sequence(let items)):
                guard items.indices.contains(i) else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }

    /// The steps of a key path such as `products[0].price`.
    static func steps(of keyPath: String) throws(EditError) -> [Step] {
        var steps: [Step] = []
        var current = ""
        var index = ""
        var inIndex = false
        for ch in keyPath {
            switch ch {
            case "." where !inIndex:
                if !current.isEmpty { steps.append(.key(current)); current = "" }
            case "[":
                if !current.isEmpty { steps.append(.key(current)); current = "" }
                inIndex = true; index = ""
            case "]":
                guard inIndex, let i = Int(index) else { throw EditError(keyPath: keyPath, message: "malformed index") }
                steps.append(.index(i)); inIndex = false
            default:
                if inIndex { index.append(ch) } else { current.append(ch) }
            }
        }
        if !current.isEmpty { steps.append(.key(current)) }
        guard !steps.isEmpty else { throw EditError(keyPath: keyPath, message: "empty key path") }
        return steps
    }

    /// The node as one line of flow YAML (`{distribution: triangular, min: 17, ...}`), for listings.
    public var flowText: String {
        switch value {
        case .scalar(let s, let plain): return plain ? s : "\"\(s)\""
        case .null: return "null"
        case .sequence(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    enum Step { case key(String), index(Int) }

    private func replacing(_ steps: ArraySlice<Step>, with node: SourceNode, keyPath: String, creating: Bool) throws(EditError) -> SourceNode {
        guard let step = steps.first else {
            if case .sequence = value, case .scalar = node.value {
                throw EditError(keyPath: keyPath, message: "is a list, not a number")
            }
            return SourceNode(node.value, line: line, column: column)
        }
        var copy = self
        switch (step, value) {
        case (.key(let key), .mapping(var entries)):
            if let i = entries.firstIndex(where: { $0.key == key }) {
                entries[i].value = try entries[i].value.replacing(steps.dropFirst(), with: node, keyPath: keyPath, creating: creating)
            } else if creating && steps.count == 1 {
                entries.append(Entry(key: key, value: node))
            } else {
                throw EditError(keyPath: keyPath, message: "'\(key)' is not in the scenario")
            }
            copy.value = .mapping(entries)
        case (.index(let i), .sequence(var items)):
            guard items.indices.contains(i) else { throw EditError(keyPath: keyPath, message: "index \(i) is out of range") }
            items[i] = try items[i].replacing(steps.dropFirst(), with: node, keyPath: keyPath, creating: creating)
            copy.value = .sequence(items)
        default:
            throw EditError(keyPath: keyPath, message: "does not match the scenario's structure")
        }
        return copy
    }
}

extension SourceNode {
    /// The document without the entry at `keyPath` (the last step must be a mapping key); the
    /// document unchanged when there is none.
    public func removing(_ keyPath: String) throws(EditError) -> SourceNode {
        let steps = try Self.steps(of: keyPath)
        return try removing(steps[...], keyPath: keyPath)
    }

    private func removing(_ steps: ArraySlice<Step>, keyPath: String) throws(EditError) -> SourceNode {
        guard let step = steps.first else { return self }
        var copy = self
        switch (step, value) {
        case (.key(let key), .mapping(var entries)):
            guard let i = entries.firstIndex(where: { $0.key == key }) else { return self }
            if steps.count == 1 { entries.remove(at: i) } else {
                entries[i].value = try entries[i].value.removing(steps.dropFirst(), keyPath: keyPath)
            }
            copy.value = .mapping(entries)
        case (.index(let i), .sequence(var items)):
            guard items.indices.contains(i), steps.count > 1 else {
                throw EditError(keyPath: keyPath, message: "only a mapping's key can be removed")
            }
            items[i] = try items[i].removing(steps.dropFirst(), keyPath: keyPath)
            copy.value = .sequence(items)
        default:
            throw EditError(keyPath: keyPath, message: "does not match the scenario's structure")
        }
        return copy
    }
}
