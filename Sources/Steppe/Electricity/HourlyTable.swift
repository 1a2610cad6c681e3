import Foundation

/// Named hourly columns (8760 values each, or whole years of them) read from a CSV file:
/// resource profiles (`wind`, `solar`) and hourly prices (`price`, yuan/kWh).
///
/// Format: an optional run of `#` comment lines, a header row naming the columns, then
/// one row per hour, hour 0 first (see `ResourceProfile` for the hour convention); a file of
/// several years has each year's 8760 rows after the last year's. An optional `hour` column must
/// count 0, 1, ... through the file. Blank lines are ignored.
public struct HourlyTable: Sendable, Equatable {
    public var columns: [String: [Double]]
    /// The file's line of each row (empty for a table not read from text).
    public var rowLines: [Int] = []

    /// A problem in a CSV file, as one line: `file:line: message`. Cells are quoted only as short,
    /// escaped excerpts (`messageExcerpt`): the path may name any readable file.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public init(columns: [String: [Double]]) { self.columns = columns }

    /// Parses CSV text; `file` names it in errors. Reports the first problem found. The rows must be
    /// one year (8760), or with `wholeYears` any positive whole number of years.
    ///
    /// - Complexity: O(rows × columns).
    public init(csv text: String, file: String, wholeYears: Bool = false) throws(ReadError) {
        var header: [String]?
        var values: [[Double]] = []
        var lines: [Int] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let names = header else {
                header = cells.map { $0.lowercased() }
                values = Array(repeating: [], count: cells.count)
                continue
            }
            guard cells.count == names.count else {
                throw ReadError(file: file, line: lineNumber, message: "expected \(names.count) values, got \(cells.count)")
            }
            for (c, cell) in cells.enumerated() {
                guard let x = Double(cell), x.isFinite else {
                    throw ReadError(file: file, line: lineNumber, message: "\(names[c].messageExcerpt()): '\(cell.messageExcerpt())' is not a number")
                }
                if names[c] == "hour", Int(exactly: x) != values[c].count {
                    throw ReadError(file: file, line: lineNumber, message: "hour: expected \(values[c].count), got \(cell.messageExcerpt())")
                }
                values[c].append(x)
            }
            lines.append(lineNumber)
        }
        guard let names = header else { throw ReadError(file: file, line: nil, message: "no header row") }
        let rows = values.first?.count ?? 0, n = ResourceProfile.hoursPerYear
        if wholeYears {
            guard rows > 0, rows % n == 0 else {
                throw ReadError(file: file, line: nil, message: "expected whole years of \(n) hourly rows, got \(rows) (\(rows % n) after the last whole year)")
            }
        } else if rows != n {
            throw ReadError(file: file, line: nil, message: "expected \(n) hourly rows, got \(rows)")
        }
        columns = Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
        rowLines = lines
    }

    /// Reads the CSV file at `path` (one year, or with `wholeYears` any whole number of years).
    public init(contentsOf path: String, wholeYears: Bool = false) throws(ReadError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ReadError(file: path, line: nil, message: "cannot read the file")
        }
        try self.init(csv: text, file: (path as NSString).lastPathComponent, wholeYears: wholeYears)
    }

    /// The resource profile in the `wind` and `solar` columns of a one-year table, each value in [0, 1].
    public func resourceProfile(file: String) throws(ReadError) -> ResourceProfile {
        try resourceProfiles(file: file)[0]
    }

    /// The resource profile of each year in the `wind` and `solar` columns, first year first, each value
    /// in [0, 1] (a value outside is reported with its line and its hour counted through the file).
    public func resourceProfiles(file: String) throws(ReadError) -> [ResourceProfile] {
        for name in ["wind", "solar"] {
            guard let column = columns[name] else {
                // The header of a file that is not a profile (any file the user can read) is quoted only in part.
                let found = columns.keys.sorted().prefix(10).map { $0.messageExcerpt() }.joined(separator: ", ")
                throw ReadError(file: file, line: nil, message: "missing column '\(name)' (columns: \(found)\(columns.count > 10 ? ", ..." : ""))")
            }
            if let h = column.firstIndex(where: { !(0...1).contains($0) }) {
                throw ReadError(file: file, line: h < rowLines.count ? rowLines[h] : nil,
                                message: "\(name) at hour \(h): capacity factor must be in [0, 1] (got \(column[h]))")
            }
        }
        let wind = columns["wind"]!, solar = columns["solar"]!, n = ResourceProfile.hoursPerYear
        return stride(from: 0, to: wind.count, by: n).map {
            ResourceProfile(wind: Array(wind[$0..<($0 + n)]), solar: Array(solar[$0..<($0 + n)]), source: .file(file))
        }
    }
}
