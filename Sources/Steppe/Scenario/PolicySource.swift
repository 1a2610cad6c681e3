/// Where a catalogue value comes from: a seed line with a phrase that occurs on it, or an
/// assumption naming its source.
public enum PolicySource: Sendable, Equatable {
    /// `document` is a seed file name (e.g. `002_4322e846ed20b2fa.txt`), `lines` a line or
    /// range (`"4172-4173"`), and `phrase` a short verbatim substring of those lines
    /// (compared without whitespace, since the seed text wraps mid-phrase). `note` says which
    /// occurrence is meant when the phrase occurs elsewhere in the document too (the seeds repeat
    /// summaries of the same measures), so a reader can tell the two apart.
    case citation(document: String, lines: String, phrase: String, note: String? = nil)
    case assumption(String)

    /// The scenario-level provenance (document and lines, or the assumption).
    public var provenance: Provenance {
        switch self {
        case .citation(let document, let lines, _, _): return .seed(document: document, lines: lines)
        case .assumption(let source): return .assumption(source: source)
        }
    }

    /// `002_4322e846ed20b2fa.txt L4172-4173 "20%"` or `assumption: …`, for listings.
    public var shortDescription: String {
        switch self {
        case .citation(let document, let lines, let phrase, _): return "\(document) L\(lines) \"\(phrase)\""
        case .assumption(let source): return "assumption: \(source)"
        }
    }
}
