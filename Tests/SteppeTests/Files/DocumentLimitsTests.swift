import Foundation
import Testing
import Steppe
import SteppeCLI
@testable import SteppeFiles

/// A document that would expand beyond the reader's limits is refused quickly, with the file
/// and the line where the limit is passed, before anything large is built.
@Suite("Document limits")
struct DocumentLimitsTests {
    /// "Billion laughs": nine levels of nine aliases each, 9^9 scalars from 342 bytes.
    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    /// Measures a reading that must not take long.
    static func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    @Test("a billion-laughs scenario is refused at the alias that passes the node limit, within a second")
    func billionLaughsScenario() throws {
        let path = try temporaryFile(named: "bomb.yaml", Self.billionLaughs)
        var result = CommandResult(status: 0)
        let elapsed = Self.seconds { result = SteppeCommand.run(["validate", path]) }
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("bomb.yaml:6:"))
        #expect(result.standardError.contains("expands to more than \(DocumentLimits.maximumExpandedNodes) values"))
        #expect(elapsed < 1)
    }

    @Test("an alias used as a mapping key does not make the duplicate-key check expand it")
    func aliasAsKey() throws {
        let yaml = Self.billionLaughs.split(separator: "\n").prefix(8).joined(separator: "\n") + "\n? *h\n: 1\n"
        var thrown: ScenarioErrors?
        let elapsed = Self.seconds {
            do { _ = try ScenarioFile.sourceNode(yaml, file: "keys.yaml") } catch let error as ScenarioErrors { thrown = error } catch {}
        }
        #expect(thrown?.description.hasPrefix("keys.yaml:6:") == true)
        #expect(elapsed < 1)
    }

    @Test("a billion-laughs file in a catalogue folder is refused by steppe zones")
    func billionLaughsInCatalogue() throws {
        let path = try temporaryFile(named: "bomb.yaml", Self.billionLaughs)
        var result = CommandResult(status: 0)
        let elapsed = Self.seconds {
            result = SteppeCommand.run(["zones", "--catalogue", (path as NSString).deletingLastPathComponent])
        }
        #expect(result.status == 1)
        #expect(result.standardError.contains("bomb.yaml:6:"))
        #expect(result.standardError.contains("expands to more than"))
        #expect(elapsed < 1)
    }

    @Test("aliases whose scalars expand past the byte limit are refused")
    func expandedBytes() throws {
        let long = String(repeating: "x", count: 1 << 20)
        let yaml = "a: &a \"\(long)\"\nb: [" + Array(repeating: "*a", count: 17).joined(separator: ",") + "]\n"
        do {
            _ = try ScenarioFile.sourceNode(yaml, file: "bytes.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bytes.yaml:2:"))
            #expect(error.description.contains("bytes of text"))
        }
    }

    @Test("lists nested deeper than the limit are refused at the first list too deep")
    func nesting() throws {
        let depth = DocumentLimits.maximumNestingDepth + 1
        let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        do {
            _ = try ScenarioFile.sourceNode(yaml, file: "deep.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "deep.yaml:1:\(depth): lists and mappings are nested more than \(DocumentLimits.maximumNestingDepth) deep")
        }
    }

    @Test("a document within every limit, aliases included, still reads")
    func withinLimits() throws {
        let node = try ScenarioFile.sourceNode("a: &a [1, 2]\nb: *a\n", file: "ok.yaml")
        guard case .mapping(let entries) = node.value, case .sequence(let items) = entries[1].value.value else {
            Issue.record("not a mapping with a list"); return
        }
        #expect(items.count == 2)
    }

    @Test("a file larger than the size limit is refused")
    func fileSize() throws {
        let path = try temporaryFile(named: "big.yaml", "# " + String(repeating: "x", count: DocumentLimits.maximumFileBytes))
        let result = SteppeCommand.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardError == "big.yaml: the file is larger than the limit of \(DocumentLimits.maximumFileBytes) bytes\n")
    }
}
