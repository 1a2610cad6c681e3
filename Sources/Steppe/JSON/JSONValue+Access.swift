/// Read access to parsed results: reports look members up by key and tolerate absent ones,
/// so a section whose JSON is missing is simply left out.
extension JSONValue {
    /// The member `key` of an object (the first, if repeated); nil for other values.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// A finite number, or nil (also for `null`).
    public var number: Double? { if case .number(let x) = self, x.isFinite { return x }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var members: [(String, JSONValue)]? { if case .object(let m) = self { return m }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }

    /// The numbers of an array, nil entries for `null` or non-numbers.
    public var numbers: [Double?]? { array?.map(\.number) }
}
