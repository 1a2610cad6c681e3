import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

/// The shipped seed copies (`Catalogue/seeds/`), by file name, as lines.
let seedLines: [String: [String]] = {
    let folder = packageRootURL.appendingPathComponent("Catalogue/seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var out: [String: [String]] = [:]
    for name in names where name.hasSuffix(".txt") {
        let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        out[name] = text.components(separatedBy: "\n")
    }
    return out
}()

/// Every source in the catalogue with a label saying where it is recorded.
func allSources(_ c: PolicyCatalogue) -> [(label: String, source: PolicySource)] {
    var out: [(String, PolicySource)] = c.policies.map { ($0.id, $0.source) }
    for z in c.zones {
        out.append((z.id, z.source))
        for v in z.values { if let s = v.source { out.append(("\(z.id).values.\(v.key)", s)) } }
        for f in z.facts { out.append(("\(z.id).facts.\(f.topic)", f.source)) }
    }
    return out
}

@Suite("Policy catalogue citations")
struct CatalogueCitationTests {
    static let catalogue = try! CatalogueFiles.standard()

    @Test("The shipped catalogue reads and validates without a single issue")
    func shippedCatalogueIsValid() throws {
        let c = try CatalogueFiles.standard()
        #expect(c.validate().isEmpty)
        #expect(c.policies.count >= 100)
        #expect(c.zones.count >= 20)
    }

    @Test("Every citation names a shipped seed file whose cited lines contain the recorded phrase")
    func citationsExist() {
        var checked = 0
        for (label, source) in allSources(Self.catalogue) {
            guard case .citation(let document, let lines, let phrase) = source else { continue }
            guard let text = seedLines[document] else {
                Issue.record("\(label): seed file \(document) is not in Catalogue/seeds"); continue
            }
            guard let range = PolicyCatalogue.lineRange(lines), range.upperBound <= text.count else {
                Issue.record("\(label): lines \(lines) are outside \(document) (\(text.count) lines)"); continue
            }
            // The seeds wrap mid-phrase and put spaces inside numbers ("6.53 万元"), so whitespace is ignored.
            let cited = text[(range.lowerBound - 1)..<range.upperBound].joined().filter { !$0.isWhitespace }
            let wanted = phrase.filter { !$0.isWhitespace }
            #expect(!wanted.isEmpty && cited.contains(wanted), "\(label): \(document) L\(lines) does not contain \"\(phrase)\"")
            checked += 1
        }
        #expect(checked >= 150, "only \(checked) citations checked")
    }

    @Test("A phrase that is not on the cited line is caught by the same check")
    func wrongLineIsCaught() throws {
        // The 20% export cap is on L4172-4173; one line earlier it is not.
        let text = try #require(seedLines["002_4322e846ed20b2fa.txt"])
        let near = text[4168..<4171].joined().filter { !$0.isWhitespace }
        let right = text[4171..<4173].joined().filter { !$0.isWhitespace }
        #expect(!near.contains("年上网电量不超过项目年总发电量的20%"))
        #expect(right.contains("年上网电量不超过项目年总发电量的20%"))
    }

    @Test("The shipped seed copies equal ../shared/seeds where that folder exists")
    func seedCopiesMatchShared() throws {
        let shared = packageRootURL.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        for (name, lines) in seedLines {
            let original = try String(contentsOf: shared.appendingPathComponent(name), encoding: .utf8)
            #expect(original.components(separatedBy: "\n") == lines, "\(name) differs from ../shared/seeds")
        }
        #expect(seedLines.count == 5)
    }

    @Test("The embedded catalogue is the Catalogue/ folder, file for file")
    func embeddedMatchesFiles() throws {
        let root = packageRootURL.appendingPathComponent("Catalogue")
        let policyFiles = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("policies").path)
            .filter { $0.hasSuffix(".yaml") }.map { "policies/\($0)" }
        let onDisk = (policyFiles + ["zones.yaml"]).sorted()
        #expect(EmbeddedCatalogue.files.map(\.name) == onDisk, "run scripts/embed-catalogue.sh")
        for (name, text) in EmbeddedCatalogue.files {
            let file = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            #expect(text + "\n" == file, "\(name): run scripts/embed-catalogue.sh")
        }
    }

    @Test("Assumptions are counted and listed by steppe policies --assumptions")
    func assumptionsListed() throws {
        let all = Self.catalogue.assumptions
        #expect(all.count >= 20)
        let result = SteppeCommand.run(["policies", "--assumptions"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("\(all.count) assumptions"))
        for item in all { #expect(result.standardOutput.contains("  \(item.id): "), "\(item.id) not listed") }
        // Each stated-as-assumption entry has no citation, and each derived parameter names its source.
        for p in Self.catalogue.policies {
            for param in p.parameters { if let a = param.assumption { #expect(!a.isEmpty, "\(p.id).\(param.name)") } }
        }
    }
}
