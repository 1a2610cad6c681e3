extension FeasibilityTable {
    /// One entry of the evaluation JSON's `feasibilityTables`: `id`, `title`, `titleEnglish`, `note`,
    /// `years` (calendar years, the columns) and `rows`: [{`code`, `name`, `nameEnglish`, `values`
    /// (yuan a year, ratios for `ratio` rows; null where undefined; empty for a heading line), `total`
    /// (the sum over the years, or null for balances and ratios), `ratio` (only when true)}].
    public func json(years: [Int]) -> JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("titleEnglish", .string(titleEnglish)), ("note", .string(note)),
            ("years", .array(years.map { .number(Double($0)) })),
            ("rows", .array(rows.map { row in
                var members: [(String, JSONValue)] = [
                    ("code", .string(row.code)), ("name", .string(row.name)), ("nameEnglish", .string(row.nameEnglish)),
                    ("values", .array(row.values.map { $0.map(JSONValue.number) ?? .null })),
                    ("total", row.total.map(JSONValue.number) ?? .null),
                ]
                if row.ratio { members.append(("ratio", .bool(true))) }
                return .object(members)
            })),
        ])
    }
}
