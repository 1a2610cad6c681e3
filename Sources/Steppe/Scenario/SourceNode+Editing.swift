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
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        return try replacing(steps[...], with: text, keyPath: keyPath)
    }

    enum Step { case key(String), index(Int) }

    private func replacing(_ steps: ArraySlice<Step>, with text: String, keyPath: String) throws(EditError) -> SourceNode {
        guard let step = steps.first else {
            switch value {
            case .scalar, .mapping, .null: return SourceNode(.scalar(text, plain: true), line: line, column: column)
            case .sequence: throw EditError(keyPath: keyPath, message: "is a list, not a number")
            }
        }
        var copy = self
        switch (step, value) {
        case (.key(let key), .mapping(var entries)):
            guard let i = entries.firstIndex(where: { $0.key == key }) else {
                throw EditError(keyPath: keyPath, message: "'\(key)' is not in the scenario")
            }
            entries[i].value = try entries[i].value.replacing(steps.dropFirst(), with: text, keyPath: keyPath)
            copy.value = .mapping(entries)
        case (.index(let i), .sequence(var items)):
            guard items.indices.contains(i) else { throw EditError(keyPath: keyPath, message: "index \(i) is out of range") }
            items[i] = try items[i].replacing(steps.dropFirst(), with: text, keyPath: keyPath)
            copy.value = .sequence(items)
        default:
            throw EditError(keyPath: keyPath, message: "does not match the scenario's structure")
        }
        return copy
    }
}
