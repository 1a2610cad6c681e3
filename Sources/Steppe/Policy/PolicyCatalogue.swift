/// Every policy and zone the tool knows: the shipped catalogue, optionally extended or
/// overridden by a user's own files (entries with the same id replace shipped ones).
///
/// Reading the files is `PolicyCatalogue(reading:)`; `SteppeFiles` parses the YAML and
/// embeds the shipped copy so the tool works without the source tree.
public struct PolicyCatalogue: Sendable {
    /// The scope every zone has, for national policies.
    public static let nationalScope = "china"

    public private(set) var policies: [PolicyEntry]
    public private(set) var zones: [Zone]
    private var policyIndex: [String: Int]
    private var zoneIndex: [String: Int]

    public init(policies: [PolicyEntry] = [], zones: [Zone] = []) {
        self.policies = []; self.zones = []; policyIndex = [:]; zoneIndex = [:]
        // Room for all at once: growing one entry at a time copied the large entries again at each doubling
        // (the shipped catalogue is built this way at every start).
        self.policies.reserveCapacity(policies.count); policyIndex.reserveCapacity(policies.count)
        self.zones.reserveCapacity(zones.count); zoneIndex.reserveCapacity(zones.count)
        for p in policies { upsert(p) }
        for z in zones { upsert(z) }
    }

    /// A catalogue with nothing in it: every reference fails with "unknown policy".
    public static let empty = PolicyCatalogue()

    /// Adds `entry`, replacing an entry with the same id in place.
    public mutating func upsert(_ entry: PolicyEntry) {
        if let i = policyIndex[entry.id] { policies[i] = entry } else {
            policyIndex[entry.id] = policies.count; policies.append(entry)
        }
    }

    /// Adds `zone`, replacing a zone with the same id in place.
    public mutating func upsert(_ zone: Zone) {
        if let i = zoneIndex[zone.id] { zones[i] = zone } else { zoneIndex[zone.id] = zones.count; zones.append(zone) }
    }

    /// This catalogue with `other`'s entries added, those with equal ids replacing ours.
    public func merging(_ other: PolicyCatalogue) -> PolicyCatalogue {
        var merged = self
        for p in other.policies { merged.upsert(p) }
        for z in other.zones { merged.upsert(z) }
        return merged
    }

    public func policy(_ id: String) -> PolicyEntry? { policyIndex[id].map { policies[$0] } }
    public func zone(_ id: String) -> Zone? { zoneIndex[id].map { zones[$0] } }

    /// The zone and its ancestors, innermost first. A `within` cycle or a missing parent ends the chain.
    public func chain(of zoneID: String) -> [Zone] {
        var out: [Zone] = []
        var next: String? = zoneID
        while let id = next, let z = zone(id), !out.contains(where: { $0.id == id }) {
            out.append(z); next = z.within
        }
        return out
    }

    /// The scopes a zone is in: its id, its ancestors' ids, all their tags, and `china`.
    public func scopes(of zoneID: String) -> Set<String> {
        var s: Set<String> = [PolicyCatalogue.nationalScope]
        for z in chain(of: zoneID) { s.insert(z.id); s.formUnion(z.tags) }
        return s
    }

    /// True when `policy` applies to a project sited in `zoneID`.
    public func applies(_ policy: PolicyEntry, in zoneID: String) -> Bool {
        !scopes(of: zoneID).isDisjoint(with: policy.scopes)
    }

    /// The policies that apply in `zoneID`, in catalogue order.
    public func policies(in zoneID: String) -> [PolicyEntry] {
        let s = scopes(of: zoneID)
        return policies.filter { !s.isDisjoint(with: $0.scopes) }
    }

    /// A zone value looked up through the zone chain (the innermost definition wins),
    /// with the zone that defines it.
    public func value(_ key: String, in zoneID: String) -> (value: Zone.Value, definedBy: Zone)? {
        for z in chain(of: zoneID) {
            if let v = z.values.first(where: { $0.key == key }) { return (v, z) }
        }
        return nil
    }

    /// Every value key visible in `zoneID`, sorted.
    public func valueKeys(in zoneID: String) -> [String] {
        Set(chain(of: zoneID).flatMap { $0.values.map(\.key) }).sorted()
    }

    /// The number, unit, source and policy of a zone value, following its policy reference.
    public func resolve(_ v: Zone.Value) -> (value: Double, unit: String, source: PolicySource, policy: String?)? {
        if let id = v.policy {
            guard let p = policy(id), let param = v.parameter.flatMap({ p.parameter($0) }) ?? p.parameters.first else {
                return nil
            }
            let source = param.assumption.map(PolicySource.assumption) ?? p.source
            return (param.value, param.unit, source, id)
        }
        guard let value = v.value, let source = v.source else { return nil }
        return (value, v.unit ?? "", source, nil)
    }

    /// Entries and zone values that rest on assumptions rather than a seed line.
    public var assumptions: [(id: String, text: String)] {
        var out: [(String, String)] = []
        for p in policies {
            if case .assumption(let s) = p.source { out.append((p.id, s)) }
            for param in p.parameters { if let s = param.assumption { out.append(("\(p.id).\(param.name)", s)) } }
        }
        for z in zones {
            if case .assumption(let s) = z.source { out.append((z.id, s)) }
            for v in z.values { if case .assumption(let s)? = v.source { out.append(("\(z.id).\(v.key)", s)) } }
            for f in z.facts { if case .assumption(let s) = f.source { out.append(("\(z.id).\(f.topic)", s)) } }
        }
        return out
    }
}
