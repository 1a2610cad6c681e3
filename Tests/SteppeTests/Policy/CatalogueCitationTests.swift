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

    static let check = CitationCheck(seeds: seedLines)

    /// The claim labelled `label`, with its source and values changed by `change`.
    static func claim(_ label: String, _ change: (inout CitationCheck.Claim) -> Void = { _ in }) throws -> CitationCheck.Claim {
        var c = try #require(CitationCheck.claims(of: catalogue).first { $0.label == label })
        change(&c)
        return c
    }

    /// The citation of `claim` with its lines replaced.
    static func withLines(_ claim: CitationCheck.Claim, _ lines: (ClosedRange<Int>) -> String) -> CitationCheck.Claim {
        var c = claim
        if case .citation(let d, let l, let p, let n) = c.source, let r = PolicyCatalogue.lineRange(l) {
            c.source = .citation(document: d, lines: lines(r), phrase: p, note: n)
        }
        return c
    }

    @Test("Every citation holds what it claims: phrase and values in narrow, needed lines, a unique or noted phrase")
    func citationsHoldWhatTheyClaim() {
        var checked = 0
        for claim in CitationCheck.claims(of: Self.catalogue) {
            guard case .citation = claim.source else { continue }
            for problem in Self.check.problems(claim) { Issue.record(Comment(rawValue: problem)) }
            checked += 1
        }
        #expect(checked >= 200, "only \(checked) citations checked")
    }

    @Test("The five seed copies are present, and every cited document is one of them")
    func seedCopiesArePresent() {
        #expect(seedLines.count == 5, "Catalogue/seeds holds \(seedLines.count) seed copies, not 5")
        for (name, lines) in seedLines { #expect(lines.count > 10, "\(name) is empty") }
        for claim in CitationCheck.claims(of: Self.catalogue) {
            guard case .citation(let document, _, _, _) = claim.source else { continue }
            #expect(seedLines[document] != nil, "\(claim.label) cites \(document), which is not in Catalogue/seeds")
        }
    }

    @Test("A value changed from what the cited lines state is caught", arguments: [
        ("electricity.industrial-110kv", 0.394), ("talent.ordos-settling-c", 3_000_000),
    ])
    func changedValueIsCaught(label: String, value: Double) throws {
        let claim = try Self.claim(label) { $0.values[0].value = value }
        #expect(Self.check.problems(try Self.claim(label)).isEmpty)
        #expect(Self.check.problems(claim).contains { $0.contains("is not stated") })
    }

    @Test("A range widened to the whole document is caught")
    func widenedRangeIsCaught() throws {
        let claim = Self.withLines(try Self.claim("electricity.industrial-110kv")) { _ in "1-12175" }
        #expect(!Self.check.problems(claim).isEmpty)
    }

    @Test("Every citation fails when its range is shifted by two lines either way")
    func shiftedRangesAreCaught() {
        for claim in CitationCheck.claims(of: Self.catalogue) {
            guard case .citation = claim.source else { continue }
            for shift in [-2, 2] {
                let moved = Self.withLines(claim) { "\(max(1, $0.lowerBound + shift))-\(max(1, $0.upperBound + shift))" }
                #expect(!Self.check.problems(moved).isEmpty, "\(claim.label) still holds shifted by \(shift)")
            }
        }
    }

    @Test("A citation of a seed copy that is missing is caught")
    func missingSeedCopyIsCaught() throws {
        var seeds = seedLines
        seeds["002_4322e846ed20b2fa.txt"] = nil
        let problems = CitationCheck(seeds: seeds).problems(try Self.claim("electricity.industrial-110kv"))
        #expect(problems.contains { $0.contains("missing") })
    }

    @Test("A phrase that recurs in its document needs a note saying which occurrence is meant")
    func repeatedPhraseNeedsNote() throws {
        // L894 summarises the same measure as L1032.
        let noted = try Self.claim("dairy.sexed-semen")
        guard case .citation(let d, let l, let p, _) = noted.source else { Issue.record("not a citation"); return }
        var bare = noted
        bare.source = .citation(document: d, lines: l, phrase: p, note: nil)
        #expect(Self.check.problems(noted).isEmpty)
        #expect(Self.check.problems(bare).contains { $0.contains("occurs 2 times") })
    }

    @Test("A phrase shorter than the minimum is caught")
    func shortPhraseIsCaught() throws {
        var claim = try Self.claim("electricity.industrial-110kv")
        guard case .citation(let d, let l, _, let n) = claim.source else { Issue.record("not a citation"); return }
        claim.source = .citation(document: d, lines: l, phrase: "0.401", note: n)
        #expect(Self.check.problems(claim).contains { $0.contains("shorter than") })
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
