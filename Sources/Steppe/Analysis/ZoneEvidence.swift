import Foundation

/// What a site comparison rests on: for every pair of zones, the inputs that differ and how much of
/// the base-case difference rests on proxies and assumptions; the values the project pins (the same
/// in every zone by its choice); and the policies dropped where they do not apply.
public struct ZoneEvidence: Sendable {
    /// One per pair of zones (i < j in the comparison's order): zone j against reference zone i.
    public let differences: [ZoneDifference]
    public let pinnedValues: [String]
    public let droppedPolicies: [(zone: String, ids: [String])]

    /// - Parameter progress: called with the number of pairs attributed so far (each pair evaluates
    ///   up to 2^k hybrid projects for k differing inputs, so this is the slow part of a comparison).
    public init(sites: [SitedProject], project: SourceNode, file: String, catalogue: PolicyCatalogue,
                dropInapplicablePolicies: Bool, progress: (Int) -> Void = { _ in }) {
        var differences: [ZoneDifference] = []
        for i in sites.indices {
            for j in sites.indices where j > i {
                differences.append(ZoneDifference(zone: sites[j], reference: sites[i], project: project, file: file,
                                                  catalogue: catalogue, dropInapplicablePolicies: dropInapplicablePolicies))
                progress(differences.count)
            }
        }
        self.differences = differences
        pinnedValues = sites.first?.pinnedValues ?? []
        droppedPolicies = sites.compactMap { $0.scenario.droppedPolicies.isEmpty ? nil : ($0.zone, $0.scenario.droppedPolicies) }
    }

    /// Pairs of zones in which no input differs and the base case is the same: comparing them
    /// would rank identical projects.
    public var identicalPairs: [ZoneDifference] {
        differences.filter { !$0.differs && $0.referenceValue == $0.zoneValue }
    }

    /// Why the comparison is refused, when some pair of zones is identical.
    public var refusal: String? {
        guard let first = identicalPairs.first else { return nil }
        var message = "zones '\(first.reference)' and '\(first.zone)' differ in no input, so a comparison would rank identical projects"
        if !pinnedValues.isEmpty {
            message += "; the scenario types in values that zone profiles provide (the same in every zone by its choice): "
                + pinnedValues.joined(separator: ", ")
                + ". Take them from the zone with {zone: key} (steppe zones ZONE lists the keys), or give per-zone set: overrides in a study file"
        }
        return message
    }

    public var json: JSONValue {
        func number(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null }
        return .object([
            ("pinnedValues", .array(pinnedValues.map(JSONValue.string))),
            ("droppedPolicies", .object(droppedPolicies.map { ($0.zone, .array($0.ids.map(JSONValue.string))) })),
            ("pairs", .array(differences.map { d in
                .object([
                    ("zone", .string(d.zone)), ("reference", .string(d.reference)),
                    ("baseEquityNPV", number(d.zoneValue)), ("referenceBaseEquityNPV", number(d.referenceValue)),
                    ("difference", number(d.total)),
                    ("inputs", .array(d.inputs.map { input in
                        .object([("keyPath", .string(input.keyPath)),
                                 ("referenceValue", input.referenceText.map(JSONValue.string) ?? .null),
                                 ("value", input.zoneText.map(JSONValue.string) ?? .null),
                                 ("basis", .string(input.basis.rawValue)), ("share", number(input.share))])
                    })),
                    ("policiesOnlyInReference", .array(d.policiesOnlyInReference.map(JSONValue.string))),
                    ("policiesOnlyInZone", .array(d.policiesOnlyInZone.map(JSONValue.string))),
                    ("unattributed", number(d.unattributed)),
                    ("proxyShare", number(d.proxyShare)),
                    ("restsOnProxies", .bool(d.restsOnProxies)),
                ])
            })),
        ])
    }

    /// The text section: per pair, the difference, its proxy share and the inputs behind it.
    public func text(unit: ReportUnit) -> String {
        func money(_ x: Double?) -> String { x.map { ReportFormat.money($0, unit, withUnit: false) } ?? "undefined" }
        var out = "\nWhat separates the zones (base case, equity NPV in \(unit.label)):\n"
        if !pinnedValues.isEmpty {
            out += "  the same in every zone by the scenario's choice: \(pinnedValues.joined(separator: ", "))\n"
        }
        for (zone, ids) in droppedPolicies { out += "  dropped in \(zone) (do not apply there): \(ids.joined(separator: ", "))\n" }
        for d in differences {
            out += "  \(d.zone) vs \(d.reference): difference \(money(d.total))"
            if let share = d.proxyShare {
                out += String(format: ", %.0f%% of it rests on proxies and assumptions", share * 100)
                if d.restsOnProxies { out += "  ** RESTS MOSTLY ON PROXIES: not a finding about the zones **" }
            }
            out += "\n"
            for input in d.inputs {
                out += "    \(input.keyPath): \(input.referenceText ?? "project's value") -> \(input.zoneText ?? "project's value")"
                out += " [\(input.basis.rawValue)]" + (input.share.map { " share \(money($0))" } ?? "") + "\n"
            }
            if !d.policiesOnlyInReference.isEmpty { out += "    policies only in \(d.reference): \(d.policiesOnlyInReference.joined(separator: ", "))\n" }
            if !d.policiesOnlyInZone.isEmpty { out += "    policies only in \(d.zone): \(d.policiesOnlyInZone.joined(separator: ", "))\n" }
            if let rest = d.unattributed, abs(rest) > 1e-6 * max(1, abs(d.total ?? 0)) {
                out += "    not attributed to these inputs (policies, zone values inside modules, interactions): \(money(rest))\n"
            }
        }
        return out
    }
}
