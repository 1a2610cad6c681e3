/// One input of a project sited in a zone that can differ from zone to zone: a value taken from
/// the zone profile (`{zone: key}`), or a study's per-zone `set:` override.
///
/// Why it is kept: a comparison must say what separates two zones and on what evidence, so that
/// "Mengsu beats Baotou on 88% of paths" is not read as a finding when it rests on proxies.
public struct SiteInput: Sendable {
    /// What the value rests on.
    public enum Basis: String, Sendable, CaseIterable {
        /// A zone value with a seed citation (document and line).
        case cited
        /// A labelled assumption that stands in for another zone's value ("proxy: Ejin Horo's ...").
        case proxy
        /// Another labelled assumption (an external source, an estimate).
        case assumption
        /// A value the study file sets for this zone (`zones[i].set`): the study's own assumption.
        case studyOverride

        /// Whether the value is cited zone data rather than a proxy or an assumption.
        public var isCited: Bool { self == .cited }

        /// The word shown in listings.
        public var label: String {
            switch self {
            case .cited: "cited"
            case .proxy: "proxy"
            case .assumption: "assumption"
            case .studyOverride: "study override"
            }
        }

        /// Read from a zone value's source: a citation, or an assumption whose text says "proxy".
        public init(_ source: PolicySource) {
            switch source {
            case .citation: self = .cited
            case .assumption(let text): self = text.lowercased().contains("proxy") ? .proxy : .assumption
            }
        }
    }

    /// Key path in the project, e.g. `operatingCosts[1].price`.
    public var keyPath: String
    /// The value as shown to a reader, with its unit.
    public var text: String
    /// The value as a document node: what another zone's document takes at `keyPath` to use it.
    public var node: SourceNode
    public var basis: Basis
    /// The citation or assumption, for listings.
    public var source: String

    public init(keyPath: String, text: String, node: SourceNode, basis: Basis, source: String) {
        self.keyPath = keyPath; self.text = text; self.node = node; self.basis = basis; self.source = source
    }

    /// The zone-derived values a scenario read: one input per traced value that came through its zone.
    public static func zoneValues(of scenario: Scenario) -> [SiteInput] {
        scenario.traces.compactMap { trace in
            guard trace.zone != nil, let value = trace.value, trace.override == nil else { return nil }
            return SiteInput(keyPath: trace.keyPath, text: "\(value.formattedPlain) \(trace.unit)",
                             node: SourceNode(.scalar("\(value)", plain: true)), basis: Basis(trace.source),
                             source: trace.route + "; " + trace.source.shortDescription)
        }
    }
}
