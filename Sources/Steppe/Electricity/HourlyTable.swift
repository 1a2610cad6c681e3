import Foundation

/// Named hourly columns (8760 values each) read from a CSV file: resource profiles
/// (`wind`, `solar`) and hourly prices (`price`, yuan/kWh).
///
/// Format: an optional run of `#` comment lines, a header row naming the columns, then
/// one row per hour, hour 0 first (see `ResourceProfile` for the hour convention). An
/// optional `hour` column must count 0, 1, ... 8759. Blank lines are ignored.
public struct HourlyTable: Sendable, Equatable {
    public var columns: [String: [Double]]

    /// A problem in a CSV file, as one line: `file:line: message`. Cells are quoted only as short,
    /// escaped excerpts (`messageExcerpt`): the path may name any readable file.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public init(columns: [String: [Double]]) { self.columns = columns }

    /// Parses CSV text; `file` names it in errors. Reports the first problem found.
    ///
    /// - Complexity: O(rows × columns).
    public init(csv text: String, file: String) throws(ReadError) {
        var header: [String]?
        var values: [[Double]] = []
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
        }
        guard let names = header else { throw ReadError(file: file, line: nil, message: "no header row") }
        let rows = values.first?.count ?? 0
        guard rows == ResourceProfile.hoursPerYear else {
            throw ReadError(file: file, line: nil, message: "expected \(ResourceProfile.hoursPerYear) hourly rows, got \(rows)")
        }
        columns = Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
    }

    /// Reads the CSV file at `path`.
    public init(contentsOf path: String) throws(ReadError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ReadError(file: path, line: nil, message: "cannot read the file")
        }
        try self.init(csv: text, file: (path as NSString).lastPathComponent)
    }

    /// The resource profile in the `wind` and `solar` columns, each value in [0, 1].
    public func resourceProfile(file: String) throws(ReadError) -> ResourceProfile {
        for name in ["wind", "solar"] {
            guard let column = columns[name] else {
                // The header of a file that is not a profile (any file the user can read) is quoted only in part.
                let found = columns.keys.sorted().prefix(10).map { $0.messageExcerpt() }.joined(separator: ", ")
                throw ReadError(file: file, line: nil, message: "missing column '\(name)' (columns: \(found)\(columns.count > 10 ? ", ..." : ""))")
            }
            if let h = column.firstIndex(where: { !(0...1).contains($0) }) {
                throw ReadError(file: file, line: nil, message: "\(name) at hour \(h): capacity factor must be in [0, 1] (got \(column[h]))")
            }
        }
        return ResourceProfile(wind: columns["wind"]!, solar: columns["solar"]!, source: .file(file))
    }
}
