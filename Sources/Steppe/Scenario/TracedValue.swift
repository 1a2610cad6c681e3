/// A scenario value that came from the catalogue (a zone profile or a policy entry), or
/// a scenario value that overrides one, so reports can say where every number comes from.
public struct TracedValue: Sendable, Equatable {
    /// A value the scenario set in place of the catalogue's.
    public struct Override: Sendable, Equatable {
        /// What the catalogue gives (nil when the catalogue has no value for it, e.g. an added cap).
        public var catalogueValue: Double?
        /// The scenario's stated reason, if any.
        public var reason: String?
        public init(catalogueValue: Double?, reason: String? = nil) {
            self.catalogueValue = catalogueValue; self.reason = reason
        }
    }

    /// Key path in the scenario, e.g. `operatingCosts[3].price` or `policies[0].set.capTotal`.
    public var keyPath: String
    /// Line in the scenario file, when known.
    public var line: Int?
    /// The value the model uses (nil for a non-numeric item).
    public var value: Double?
    public var unit: String
    /// The zone and zone-value key the value was looked up in, if it came through a zone.
    public var zone: String?
    public var zoneKey: String?
    /// The catalogue policy (and its parameter) the value comes from, if any.
    public var policy: String?
    public var parameter: String?
    /// A multiplier the scenario applied to the catalogue value (`times:`), if any.
    public var times: Double?
    /// Where the catalogue value comes from.
    public var source: PolicySource
    /// Set when the scenario overrides the catalogue.
    public var override: Override?
    /// The incentive this trace belongs to (for `policies:` entries).
    public var incentive: String?

    public init(keyPath: String, line: Int? = nil, value: Double?, unit: String, zone: String? = nil,
                zoneKey: String? = nil, policy: String? = nil, parameter: String? = nil, times: Double? = nil,
                source: PolicySource, override: Override? = nil, incentive: String? = nil) {
        self.keyPath = keyPath; self.line = line; self.value = value; self.unit = unit; self.zone = zone
        self.zoneKey = zoneKey; self.policy = policy; self.parameter = parameter; self.times = times
        self.source = source; self.override = override; self.incentive = incentive
    }

    /// `zone ejin-horo-mengsu: power.industrial-110kv <- policy electricity.industrial-110kv.price`
    public var route: String {
        var parts: [String] = []
        if let zone, let zoneKey { parts.append("zone \(zone): \(zoneKey)") }
        if let policy { parts.append("policy \(policy)" + (parameter.map { ".\($0)" } ?? "")) }
        return parts.joined(separator: " <- ")
    }
}
