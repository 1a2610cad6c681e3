import Foundation
import Testing
@testable import Steppe
import SteppeCLI

/// A result JSON is checked whole before a report is built: values the report cannot show are
/// refused with the file and the key path, never a trap or a run without bound.
@Suite("Report input check")
struct ReportDocumentInputCheckTests {
    /// The Monte Carlo fixture as text with the first `"key": value` member's value replaced.
    static func editedRun(_ key: String, to value: String) -> String {
        let text = ReportFixtures.monteCarlo.serialized()
        guard let member = text.range(of: "\"\(key)\": ") else { return text }
        let rest = text[member.upperBound...]
        let end = rest.hasPrefix("[") ? rest.firstIndex(of: "]").map(text.index(after:)) ?? text.endIndex
            : rest.firstIndex { $0 == "," || $0 == "\n" || $0 == "]" } ?? text.endIndex
        return text.replacingCharacters(in: member.upperBound..<end, with: value)
    }

    static func report(_ text: String) throws -> CommandResult {
        let input = try temporaryFile(named: "edited.json", text)
        let html = (input as NSString).deletingLastPathComponent + "/edited.html"
        return SteppeCommand.run(["report", input, "--html", html])
    }

    @Test("a year that is not a whole number from 0 up is refused with its key path", arguments: ["1e300", "-3", "2026.5"])
    func yearNotWhole(value: String) throws {
        let result = try Self.report(Self.editedRun("year", to: value))
        #expect(result.status == 1)
        #expect(result.standardError.contains(": representativePaths[0].cashFlows[0].year: expected a whole number from 0 to 9007199254740992, got "))
    }

    @Test("a percentile of 1e300 in the representative paths is refused with its key path")
    func percentileNotWhole() throws {
        let result = try Self.report(Self.editedRun("percentile", to: "1e300"))
        #expect(result.status == 1)
        #expect(result.standardError.contains("representativePaths[0].percentile: expected a whole number"))
    }

    @Test("a count of undefined paths of 1e300 is refused with its key path")
    func undefinedCountNotWhole() throws {
        let result = try Self.report(Self.editedRun("undefined", to: "1e300"))
        #expect(result.status == 1)
        #expect(result.standardError.contains("metrics.equityNPV.undefined: expected a whole number"))
    }

    @Test("a histogram of 2 million bins is refused, naming the limit")
    func hugeHistogram() throws {
        let bins = "[" + Array(repeating: "1", count: 2_000_000).joined(separator: ",") + "]"
        let result = try Self.report(Self.editedRun("counts", to: bins))
        #expect(result.status == 1)
        #expect(result.standardError.contains("histogram.counts: a histogram may have at most \(ReportDocument.maximumHistogramBins) bins (got 2000000)"))
    }

    @Test("money values at the ends of the Double range still give a report")
    func extremeMoney() throws {
        var text = Self.editedRun("equityCashFlow", to: "1e300")
        text = text.replacingOccurrences(of: "\"p10\": [", with: "\"p10\": [-1e300, 5e-324, ")
        #expect(try Self.report(text).status == 0)
    }
}
