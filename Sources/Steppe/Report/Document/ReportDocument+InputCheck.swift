/// What a result JSON must satisfy before a report is built from it.
///
/// Result files are often edited by hand or produced by other tools, and the report builders
/// turn counts, years and percentiles into whole numbers and bins into chart elements. So the
/// whole document is checked first, and anything a builder could not represent is refused with
/// its key path instead of trapping or running without bound.
extension ReportDocument {
    /// Most bins a histogram may have: each becomes a chart element and a table row, and Steppe
    /// itself writes a few dozen.
    public static let maximumHistogramBins = 10_000

    /// Largest whole number accepted where one is expected: every such integer is exact in a `Double`.
    public static let largestWholeNumber = 9_007_199_254_740_992.0

    /// Keys whose numbers are counts, years, percentiles or path numbers, which the builders
    /// use as whole numbers (alone or as the elements of a list). Other types under these keys
    /// are left to the builders, which skip what they cannot read.
    static let wholeNumberKeys: Set<String> = [
        "year", "years", "startYear", "endYear", "operationStartYear", "percentile", "path", "paths",
        "completedPaths", "count", "counts", "undefined", "chunkSize",
    ]

    /// Checks every value of `json`.
    ///
    /// - Throws: `InputError` naming the key path of the first value a report cannot show.
    static func checkInput(_ json: JSONValue) throws(InputError) {
        try check(json, path: "", key: nil)
    }

    private static func check(_ value: JSONValue, path: String, key: String?) throws(InputError) {
        switch value {
        case .number(let x):
            if let key, wholeNumberKeys.contains(key), !(x == x.rounded() && x >= 0 && x <= largestWholeNumber) {
                throw InputError(description: "\(path): expected a whole number from 0 to 9007199254740992, got \(ReportFormat.plain(x))")
            }
        case .string, .bool, .null:
            break
        case .array(let items):
            if key == "counts", items.count > maximumHistogramBins {
                throw InputError(description: "\(path): a histogram may have at most \(maximumHistogramBins) bins (got \(items.count))")
            }
            for (i, item) in items.enumerated() { try check(item, path: "\(path)[\(i)]", key: key) }
        case .object(let members):
            for (name, member) in members {
                try check(member, path: path.isEmpty ? name : "\(path).\(name)", key: name)
            }
        }
    }
}
