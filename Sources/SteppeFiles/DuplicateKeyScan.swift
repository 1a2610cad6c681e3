import CYaml

/// Finds a repeated key of a mapping while the document's libyaml events are scanned, with the
/// key path and the line of the repeat. Yams refuses duplicates too, but names neither.
struct DuplicateKeyScan {
    private enum Frame {
        /// The keys read so far (with their lines), the key whose value is being read, and
        /// whether the next node is a key. `isKey`: this collection is itself a (complex) key.
        case mapping(keys: [String: Int], key: String?, expectingKey: Bool, isKey: Bool)
        case sequence(index: Int, isKey: Bool)
    }
    private var frames: [Frame] = []

    /// Accounts for one event; returns the key path and message of a repeated key.
    mutating func take(_ event: yaml_event_t) -> (keyPath: String, message: String)? {
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            if case .mapping(var keys, _, true, let isKey) = frames.last {
                let scalar = event.data.scalar
                let key = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self) } ?? ""
                if let first = keys[key] { return (path(key), "duplicate key; first at line \(first)") }
                keys[key] = line
                frames[frames.count - 1] = .mapping(keys: keys, key: key, expectingKey: false, isKey: isKey)
            } else {
                valueCompleted()
            }
        case YAML_ALIAS_EVENT:
            if !startKeyOtherThanScalar() { valueCompleted() }
        case YAML_SEQUENCE_START_EVENT:
            let isKey = startKeyOtherThanScalar()
            frames.append(.sequence(index: 0, isKey: isKey))
        case YAML_MAPPING_START_EVENT:
            let isKey = startKeyOtherThanScalar()
            frames.append(.mapping(keys: [:], key: nil, expectingKey: true, isKey: isKey))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = frames.popLast() else { return nil }
            switch closed {
            case .mapping(_, _, _, let isKey), .sequence(_, let isKey): if !isKey { valueCompleted() }
            }
        default:
            break
        }
        return nil
    }

    /// When the next node of the enclosing mapping is a key, records that this key is not a
    /// scalar (it cannot repeat a written key) and returns true.
    private mutating func startKeyOtherThanScalar() -> Bool {
        guard case .mapping(let keys, _, true, let isKey) = frames.last else { return false }
        frames[frames.count - 1] = .mapping(keys: keys, key: nil, expectingKey: false, isKey: isKey)
        return true
    }

    private mutating func valueCompleted() {
        switch frames.last {
        case .mapping(let keys, _, _, let isKey)?: frames[frames.count - 1] = .mapping(keys: keys, key: nil, expectingKey: true, isKey: isKey)
        case .sequence(let index, let isKey)?: frames[frames.count - 1] = .sequence(index: index + 1, isKey: isKey)
        case nil: break
        }
    }

    /// The dotted key path, with list indices, of `key` in the innermost mapping.
    private func path(_ key: String) -> String {
        var path = ""
        for frame in frames.dropLast() {
            switch frame {
            case .mapping(_, let k, _, _): path += path.isEmpty ? (k ?? "?") : ".\(k ?? "?")"
            case .sequence(let index, _): path += "[\(index)]"
            }
        }
        return path.isEmpty ? key : "\(path).\(key)"
    }
}
