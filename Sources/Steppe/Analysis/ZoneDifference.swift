/// What separates a project sited in one zone from the same project in a reference zone: the
/// inputs that differ, the policies that apply in one only, and how much of the difference in the
/// base-case equity NPV rests on each input, so a reader can see how much rests on proxies.
public struct ZoneDifference: Sendable {
    /// One input that differs, with its values in the two zones.
    public struct Input: Sendable {
        public var keyPath: String
        /// The value in the reference zone and in this zone (nil where the zone takes the project's own).
        public var referenceText: String?
        public var zoneText: String?
        /// What the difference rests on: `cited` only when both zones' values are cited.
        public var basis: SiteInput.Basis
        /// Its Shapley share of the base-case difference (yuan), when attributed.
        public var share: Double?
    }

    public let zone: String
    public let reference: String
    public let inputs: [Input]
    /// Policies disabled in one zone and not the other (`--drop-inapplicable-policies`).
    public let policiesOnlyInReference: [String]
    public let policiesOnlyInZone: [String]
    /// Base-case equity NPV in the reference zone and in this zone (yuan).
    public let referenceValue: Double?
    public let zoneValue: Double?
    /// The part of the difference the listed inputs do not explain (policies that apply in one zone
    /// only, zone lookups inside domain modules, interactions with them): zone − reference − Σ shares.
    public let unattributed: Double?

    /// Whether any input or policy differs.
    public var differs: Bool { !inputs.isEmpty || !policiesOnlyInReference.isEmpty || !policiesOnlyInZone.isEmpty }

    /// zone − reference (yuan).
    public var total: Double? { zoneValue.flatMap { z in referenceValue.map { z - $0 } } }

    /// The share of the difference that rests on inputs that are proxies, assumptions or study
    /// overrides rather than cited zone data: Σ shares of non-cited inputs / total. nil when the
    /// total is zero or undefined.
    public var proxyShare: Double? {
        guard let total, total != 0, inputs.allSatisfy({ $0.share != nil }) else { return nil }
        let nonCited = inputs.filter { !$0.basis.isCited }.reduce(0) { $0 + $1.share! }
        return nonCited / total
    }

    /// A difference resting mostly (more than half) on proxies and assumptions.
    public var restsOnProxies: Bool { (proxyShare ?? 0) > 0.5 }

    /// Compares `zone` with `reference` and attributes the base-case equity NPV difference to the
    /// differing inputs by Shapley values: each hybrid project is the reference's document with a
    /// subset of the inputs set to this zone's values, read in the reference zone. Exact up to 10
    /// inputs, sampled beyond.
    public init(zone: SitedProject, reference: SitedProject, project: SourceNode, file: String, catalogue: PolicyCatalogue,
                dropInapplicablePolicies: Bool) {
        self.zone = zone.zone
        self.reference = reference.zone
        let mine = Dictionary(zone.inputs.map { ($0.keyPath, $0) }, uniquingKeysWith: { $1 })
        let theirs = Dictionary(reference.inputs.map { ($0.keyPath, $0) }, uniquingKeysWith: { $1 })
        var keyPaths: [String] = []
        for input in reference.inputs + zone.inputs where !keyPaths.contains(input.keyPath) {
            if mine[input.keyPath]?.text != theirs[input.keyPath]?.text { keyPaths.append(input.keyPath) }
        }
        // The node this zone has at each differing key path: its own input, else the project's own.
        let nodes: [SourceNode?] = keyPaths.map { mine[$0]?.node ?? project.node(at: $0) }
        policiesOnlyInReference = zone.scenario.droppedPolicies.filter { !reference.scenario.droppedPolicies.contains($0) }
        policiesOnlyInZone = reference.scenario.droppedPolicies.filter { !zone.scenario.droppedPolicies.contains($0) }

        func npv(_ scenario: Scenario) -> Double? { (try? scenario.evaluate())?.metrics.equityNPV.number }
        referenceValue = reference.baseEquityNPV
        zoneValue = zone.baseEquityNPV
        let hybridFile = "\(file) [zone \(reference.zone) with \(zone.zone)'s values]"
        func hybrid(_ subset: UInt64) -> Double? {
            // No input of this zone's: the reference's own project, already evaluated.
            if subset == 0 { return reference.baseEquityNPV }
            var document = reference.document
            for (i, keyPath) in keyPaths.enumerated() where subset & (1 << UInt64(i)) != 0 {
                guard let node = nodes[i], let edited = try? document.setting(keyPath, to: node, creating: true) else { return nil }
                document = edited
            }
            guard let scenario = try? Scenario(reading: document, file: hybridFile, catalogue: catalogue,
                                               dropInapplicablePolicies: dropInapplicablePolicies) else { return nil }
            return npv(scenario)
        }
        let attribution = keyPaths.count <= 63 && nodes.allSatisfy({ $0 != nil })
            ? ShapleyValues.attribute(playerCount: keyPaths.count, exactLimit: 10, permutations: 200, value: hybrid) : nil
        inputs = keyPaths.enumerated().map { i, keyPath in
            // A difference is cited evidence only if both of its values are cited.
            let bases = [mine[keyPath]?.basis, theirs[keyPath]?.basis].compactMap { $0 }
            return Input(keyPath: keyPath, referenceText: theirs[keyPath]?.text, zoneText: mine[keyPath]?.text,
                         basis: bases.first { !$0.isCited } ?? .cited, share: attribution?.values[i])
        }
        if let attribution, let zoneValue, let referenceValue {
            unattributed = zoneValue - referenceValue - attribution.values.reduce(0, +)
        } else {
            unattributed = nil
        }
    }
}
