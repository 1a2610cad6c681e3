import Testing
@testable import Steppe

/// A profile path may name any file the user can read; its errors quote only a short, escaped
/// excerpt of the offending cell, never the file's lines.
@Suite("Hourly table errors")
struct HourlyTableExcerptTests {
    static let passwordLike = """
        root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin-and-a-long-tail-of-secret-text
        """

    @Test("a cell that is not a number is quoted in at most 40 characters, never whole lines")
    func shortExcerpt() {
        do {
            _ = try HourlyTable(csv: Self.passwordLike, file: "passwd")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("secret"))
            #expect(error.description.contains("'daemon:x:1:1:daemon:/usr/sbin:/usr/sb...' is not a number"))
        }
    }

    @Test("control characters of a cell are escaped, not echoed")
    func controlCharacters() {
        do { _ = try HourlyTable(csv: "wind,solar\n\u{1B}[2J,0\n", file: "p.csv") } catch {
            #expect(error.description == "p.csv:2: wind: '\\u{1B}[2J' is not a number")
        }
    }

    @Test("a missing column lists at most ten of the columns found, each shortened")
    func missingColumnList() {
        let long = String(repeating: "c", count: 100)
        let table = HourlyTable(columns: Dictionary(uniqueKeysWithValues: (0..<12).map { ("\($0)\(long)", [0.0]) }))
        do { _ = try table.resourceProfile(file: "p.csv") } catch {
            #expect(!error.description.contains(long))
            #expect(error.description.components(separatedBy: ", ").count == 11)
            #expect(error.description.hasSuffix(", ...)"))
        }
    }
}
