import Foundation
@testable import Steppe

/// What a citation claims, checked against the seed copies: the phrase is in the cited lines,
/// every number taken from it is stated in the phrase in some unit form (`CitedNumbers`), the
/// range is no wider than the phrase (each end line holds part of it, at most `widestRange` lines),
/// and the phrase is long enough to mean something and either unique in its document or noted
/// where it recurs.
struct CitationCheck {
    /// About a dozen lines: one clause of a seed, with the blank lines between its wrapped lines.
    static let widestRange = 12
    /// Shorter phrases ("20%", a place name) match too many places to pin a line.
    static let shortestPhrase = 6

    /// Seed file name -> its lines.
    let seeds: [String: [String]]

    /// One cited claim: a source and the numbers it is the source of.
    struct Claim {
        var label: String
        var source: PolicySource
        var values: [(name: String, value: Double)]
    }

    /// Every citation of `catalogue` with the numbers that rest on it: an entry's parameters not
    /// labelled as assumptions and its yuan caps (unless the caps' note says they are `derived:`);
    /// a zone value's number.
    static func claims(of catalogue: PolicyCatalogue) -> [Claim] {
        var out: [Claim] = []
        for p in catalogue.policies {
            var values = p.parameters.filter { $0.assumption == nil }.map { ($0.name, $0.value) }
            if !(p.capNote?.hasPrefix("derived:") ?? false) {
                if let cap = p.capPerYear { values.append(("caps.perYear", cap)) }
                if let cap = p.capTotal { values.append(("caps.total", cap)) }
            }
            out.append(Claim(label: p.id, source: p.source, values: values))
        }
        for z in catalogue.zones {
            out.append(Claim(label: z.id, source: z.source, values: []))
            for v in z.values {
                if let s = v.source { out.append(Claim(label: "\(z.id).values.\(v.key)", source: s, values: v.value.map { [(v.key, $0)] } ?? [])) }
            }
            for f in z.facts { out.append(Claim(label: "\(z.id).facts.\(f.topic)", source: f.source, values: [])) }
        }
        return out
    }

    /// The problems of one claim, each a sentence naming the claim; empty when it holds
    /// (and for assumptions, which cite nothing).
    func problems(_ claim: Claim) -> [String] {
        guard case .citation(let document, let lines, let phrase, let note) = claim.source else { return [] }
        let label = claim.label
        guard let text = seeds[document] else { return ["\(label): seed copy \(document) is missing from Catalogue/seeds"] }
        guard let range = PolicyCatalogue.lineRange(lines), range.upperBound <= text.count else {
            return ["\(label): lines \(lines) are outside \(document) (\(text.count) lines)"]
        }
        let wanted = phrase.filter { !$0.isWhitespace }
        var out: [String] = []
        // A value is checked against the phrase, not the whole range: tier lists state several
        // amounts on one line, and only the phrase says which of them is this entry's.
        let stated = CitedNumbers(phrase)
        for (name, value) in claim.values where !stated.contains(value) {
            out.append("\(label): \(name) = \(value) is not stated in the phrase \"\(phrase)\"; quote the seed's words for it, or label it derived or an assumption with its derivation")
        }
        guard flat(text, range).contains(wanted) else {
            return out + ["\(label): \(document) L\(lines) does not contain \"\(phrase)\""]
        }
        if range.count > Self.widestRange {
            out.append("\(label): L\(lines) spans \(range.count) lines, more than \(Self.widestRange)")
        }
        if range.count > 1, flat(text, (range.lowerBound + 1)...range.upperBound).contains(wanted) {
            out.append("\(label): L\(range.lowerBound) holds none of the phrase; start the range where the phrase starts")
        }
        if range.count > 1, flat(text, range.lowerBound...(range.upperBound - 1)).contains(wanted) {
            out.append("\(label): L\(range.upperBound) holds none of the phrase; end the range where the phrase ends")
        }
        if wanted.count < Self.shortestPhrase {
            out.append("\(label): phrase \"\(phrase)\" is shorter than \(Self.shortestPhrase) characters")
        }
        let occurrences = flat(text, 1...text.count).occurrences(of: wanted)
        if occurrences > 1, note?.isEmpty ?? true {
            out.append("\(label): phrase \"\(phrase)\" occurs \(occurrences) times in \(document); lengthen it or add a citation note saying which is meant")
        }
        return out
    }

    private func flat(_ text: [String], _ lines: ClosedRange<Int>) -> String {
        text[(lines.lowerBound - 1)..<lines.upperBound].joined().filter { !$0.isWhitespace }
    }
}

private extension String {
    /// Non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0, rest = self[...]
        while let r = rest.range(of: needle) { count += 1; rest = rest[r.upperBound...] }
        return count
    }
}
