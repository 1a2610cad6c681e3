/// A place a planner can site a project: a city, banner, development zone, bonded zone or
/// border zone named in the seeds, with the values that differ by place.
///
/// Zones form a tree through `within` (a park inside a banner inside a city inside the
/// region); a zone inherits every value and policy scope of its ancestors, and its own
/// values override theirs. Where the seeds are silent, values are labelled assumptions.
public struct Zone: Sendable, Equatable {
    /// One value of a zone profile: a number taken from a catalogue policy's parameter, or
    /// a number of the zone's own with its citation or assumption.
    public struct Value: Sendable, Equatable {
        public var key: String
        /// The catalogue policy whose parameter this is, if any.
        public var policy: String?
        public var parameter: String?
        /// The zone's own number (when `policy` is nil).
        public var value: Double?
        public var unit: String?
        public var source: PolicySource?
        public init(key: String, policy: String? = nil, parameter: String? = nil, value: Double? = nil,
                    unit: String? = nil, source: PolicySource? = nil) {
            self.key = key; self.policy = policy; self.parameter = parameter; self.value = value
            self.unit = unit; self.source = source
        }
    }

    /// A fact in words (resource quality, logistics, status) with its source.
    public struct Fact: Sendable, Equatable {
        public var topic: String
        public var text: String
        public var source: PolicySource
        public init(topic: String, text: String, source: PolicySource) {
            self.topic = topic; self.text = text; self.source = source
        }
    }

    public var id: String
    public var nameZH: String
    public var nameEN: String
    /// `region`, `city`, `banner`, `etdz`, `park`, `cbz`, `borderZone`, `crossBorderZone`, …
    public var type: String
    /// The enclosing zone's id (nil for the region).
    public var within: String?
    /// Extra scopes policies may name, e.g. `mengxi-grid`, `national-etdz`.
    public var tags: [String]
    /// `operating` or, for zones the seeds only name as applications, `proposed`.
    public var status: String
    public var values: [Value]
    public var facts: [Fact]
    public var source: PolicySource
    public var file: String?
    public var line: Int?

    public init(id: String, nameZH: String, nameEN: String, type: String, within: String? = nil, tags: [String] = [],
                status: String = "operating", values: [Value] = [], facts: [Fact] = [], source: PolicySource,
                file: String? = nil, line: Int? = nil) {
        self.id = id; self.nameZH = nameZH; self.nameEN = nameEN; self.type = type; self.within = within
        self.tags = tags; self.status = status; self.values = values; self.facts = facts; self.source = source
        self.file = file; self.line = line
    }
}
