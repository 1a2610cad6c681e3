/// A project sited in one zone of a comparison: its document (the project with `zone` set and the
/// site's overrides applied), the scenario read from it, and the inputs that can differ by zone.
public struct SitedProject: Sendable {
    public let site: SiteStudy.Site
    public var zone: String { site.zone }
    public let document: SourceNode
    public let scenario: Scenario
    /// Zone values and study overrides, by key path (an override replaces a zone value there).
    public let inputs: [SiteInput]
    /// The base-case equity NPV (yuan; nil when undefined), evaluated once for all the pairs it is in.
    public let baseEquityNPV: Double?

    /// - Parameters:
    ///   - dropInapplicablePolicies: disable the project's `policies:` that do not apply in the zone
    ///     (listed in `scenario.droppedPolicies`) instead of refusing the zone.
    /// - Throws: `ScenarioErrors` naming the zone, file, line and key path of each problem.
    public init(project: SourceNode, site: SiteStudy.Site, file: String, catalogue: PolicyCatalogue,
                dropInapplicablePolicies: Bool = false) throws(ScenarioErrors) {
        self.site = site
        document = try SiteStudy.document(project, for: site, file: file)
        scenario = try Scenario(reading: document, file: "\(file) [zone \(site.zone)]", catalogue: catalogue,
                                dropInapplicablePolicies: dropInapplicablePolicies)
        var byPath: [String: SiteInput] = [:]
        var order: [String] = []
        for input in SiteInput.zoneValues(of: scenario) {
            if byPath[input.keyPath] == nil { order.append(input.keyPath) }
            byPath[input.keyPath] = input
        }
        for (keyPath, node) in site.overrides {
            if byPath[keyPath] == nil { order.append(keyPath) }
            byPath[keyPath] = SiteInput(keyPath: keyPath, text: node.flowText, node: node, basis: .studyOverride,
                                        source: "the study's set: for zone \(site.zone)")
        }
        inputs = order.map { byPath[$0]! }
        baseEquityNPV = (try? scenario.evaluate())?.metrics.equityNPV.number
    }

    /// Values the project types in where a zone profile has a value of the same kind (a priced input
    /// such as power, water, gas or heat; wages; land): the same in every zone by the scenario's choice.
    public var pinnedValues: [String] {
        let zoneDerived = Set(inputs.map(\.keyPath))
        var pinned: [String] = []
        for (i, cost) in scenario.operatingCosts.enumerated()
        where cost.unit != "yuan" && !zoneDerived.contains("operatingCosts[\(i)].price") {
            pinned.append("operatingCosts[\(i)].price (\(cost.id))")
        }
        for (i, staff) in scenario.labour.enumerated() where !zoneDerived.contains("labour[\(i)].annualWage") {
            pinned.append("labour[\(i)].annualWage (\(staff.role))")
        }
        if scenario.land != nil && !zoneDerived.contains("land.pricePerMu") { pinned.append("land.pricePerMu") }
        return pinned
    }
}
