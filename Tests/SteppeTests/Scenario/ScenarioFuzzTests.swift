import Foundation
import PropertyBased
import Testing
@testable import Steppe
import SteppeFiles

/// Random and mutated scenario files never crash the reader or the engine: each gives
/// either clean errors (one line each, naming the file) or a finite evaluation.
@Suite("Scenario fuzzing")
struct ScenarioFuzzTests {
    static let example = try! String(contentsOf: packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen.yaml"),
                                     encoding: .utf8)
    static let fragments = ["-", ":", "[", "]", "{", "}", "\"", "'", "#", "&a", "*a", "!!int", "~", "null", "1e308", "-1",
                            "NaN", ".inf", "0x1F", "\t", "\n", "  ", "---", "? ", "|", ">", "%YAML 1.2", "中文", "\u{0}"]

    /// Applies 1-8 random edits: delete, duplicate or swap lines; replace a number; insert a fragment.
    static func mutate(_ text: String, seed: Int) -> String {
        var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(max(n, 1))) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + int(8)) {
            let i = int(lines.count)
            switch int(6) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, int(lines.count))
            case 3:
                let numbers = ["0", "-5", "1e15", "1e16", "2.5", "-0.999", "1000000", "7", "2031", "1800"]
                lines[i] = lines[i].replacingOccurrences(of: #"\d+(\.\d+)?(e\d+)?"#, with: numbers[int(numbers.count)], options: .regularExpression)
            case 4:
                var chars = Array(lines[i])
                chars.insert(contentsOf: fragments[int(fragments.count)], at: int(chars.count + 1))
                lines[i] = String(chars)
            default:
                lines[i] = String(lines[i].prefix(int(lines[i].count + 1)))
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    static func checkCleanOutcome(_ text: String, _ context: String) {
        do {
            let s = try ScenarioFile.parse(text, file: "fuzz.yaml")
            do {
                let e = try s.evaluate()
                for (name, value) in e.metrics.all { if let x = value.number { #expect(x.isFinite, "\(context): \(name)") } }
                let json = e.json.serialized()
                #expect(json.range(of: #"[:\[,]\s*-?(nan|inf)"#, options: [.regularExpression, .caseInsensitive]) == nil, "\(context)")
            } catch {
                #expect(!error.issues.isEmpty, "\(context)")
            }
        } catch {
            #expect(!error.issues.isEmpty, "\(context)")
            for issue in error.issues {
                #expect(issue.description.hasPrefix("fuzz.yaml"), "\(context): \(issue)")
                #expect(!issue.description.contains("\n"), "\(context): one line per issue")
            }
        }
    }

    @Test("Mutated example files give clean errors or finite results")
    func mutatedFiles() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            Self.checkCleanOutcome(Self.mutate(Self.example, seed: seed), "mutation seed \(seed)")
        }
    }

    @Test("Random text gives clean errors")
    func randomText() async {
        let text = Gen.element(of: Self.fragments + ["name", "startYear", "2026", "a", ",", "x: y", "\n- "]).array(of: 0...60)
        await propertyCheck(count: 400, input: text) { parts in
            let text = parts.compactMap { $0 }.joined()
            Self.checkCleanOutcome(text, "text \(text.debugDescription)")
        }
    }
}
