/// A siting study file: one project, the zones to site it in, per-zone overrides and the
/// Monte Carlo settings of the comparison.
///
/// ```yaml
/// name: Green hydrogen siting
/// scenario: ejin-horo-green-hydrogen.yaml     # a file (relative to the study), or the scenario inline
/// paths: 4096                                 # optional, as are seed, sampler, metric, hurdle, draws
/// zones:
///   - ejin-horo-mengsu
///   - {zone: baotou, set: {products[0].price: 21.0, land.pricePerMu: 90000}}
/// ```
///
/// Each zone's scenario is the project document with `zone` set and the overrides applied
/// (`SourceNode.setting`), then read like any scenario, so `{zone: key}` values resolve in
/// that zone and every error names the key path.
public struct SiteStudy: Sendable {
    public struct Site: Sendable {
        public var zone: String
        /// Key path and replacement value, in file order.
        public var overrides: [(keyPath: String, value: SourceNode)]
        public init(zone: String, overrides: [(keyPath: String, value: SourceNode)] = []) {
            self.zone = zone; self.overrides = overrides
        }
    }

    public var name: String
    /// The project's file (relative to the study file), or nil when `scenario` is inline.
    public var scenarioFile: String?
    public var scenarioDocument: SourceNode?
    public var sites: [Site]
    public var paths: Int?
    public var seed: UInt64?
    public var sampler: String?
    public var metric: String?
    public var hurdle: Double?
    public var draws: String?
    /// Disable the project's policies that do not apply in a zone (listed) instead of refusing the zone.
    public var dropInapplicablePolicies = false

    /// Whether a document is a study (a mapping with a `zones` list and a `scenario`) rather than a scenario.
    public static func isStudy(_ document: SourceNode) -> Bool {
        guard case .mapping(let entries) = document.value else { return false }
        return entries.contains { $0.key == "scenario" } && entries.contains { $0.key == "zones" }
    }

    /// - Throws: `ScenarioErrors` naming the line and key of each problem.
    public init(reading document: SourceNode, file: String) throws(ScenarioErrors) {
        var issues: [ScenarioIssue] = []
        func fail(_ node: SourceNode, _ path: String, _ message: String) {
            issues.append(ScenarioIssue(file: file, line: node.line, column: node.column, keyPath: path, message: message))
        }
        func string(_ node: SourceNode, _ path: String) -> String? {
            if case .scalar(let s, _) = node.value { return s }
            fail(node, path, "expected a string, got \(node.kindDescription)"); return nil
        }
        func number(_ node: SourceNode, _ path: String) -> Double? {
            if case .scalar(let s, true) = node.value, let x = Double(s) { return x }
            fail(node, path, "expected a number, got \(node.kindDescription)"); return nil
        }
        name = ""; sites = []
        guard case .mapping(let entries) = document.value else {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "", message: "a study is a mapping with scenario and zones")])
        }
        for e in entries {
            let v = e.value
            switch e.key {
            case "name": name = string(v, "name") ?? ""
            case "scenario":
                if case .mapping = v.value { scenarioDocument = v } else { scenarioFile = string(v, "scenario") }
            case "paths": paths = number(v, "paths").map { Int($0) }
            case "seed": seed = number(v, "seed").flatMap { $0 >= 0 && $0 < 1.8e19 ? UInt64($0) : nil }
            case "sampler": sampler = string(v, "sampler")
            case "metric": metric = string(v, "metric")
            case "hurdle": hurdle = number(v, "hurdle")
            case "draws": draws = string(v, "draws")
            case "dropInapplicablePolicies":
                if case .scalar(let text, true) = v.value, let flag = Bool(text) { dropInapplicablePolicies = flag }
                else { fail(v, "dropInapplicablePolicies", "expected true or false, got \(v.kindDescription)") }
            case "zones":
                guard case .sequence(let items) = v.value else { fail(v, "zones", "expected a list of zones"); continue }
                for (i, item) in items.enumerated() {
                    let path = "zones[\(i)]"
                    switch item.value {
                    case .scalar(let zone, _): sites.append(Site(zone: zone))
                    case .mapping(let fields):
                        var site = Site(zone: "")
                        for f in fields {
                            switch f.key {
                            case "zone": site.zone = string(f.value, "\(path).zone") ?? ""
                            case "set":
                                guard case .mapping(let sets) = f.value.value else {
                                    fail(f.value, "\(path).set", "expected a mapping of key paths to values"); continue
                                }
                                site.overrides += sets.map { ($0.key, $0.value) }
                            default: fail(f.value, "\(path).\(f.key)", "unknown key (a zone takes zone and set)")
                            }
                        }
                        if site.zone.isEmpty { fail(item, "\(path).zone", "missing") } else { sites.append(site) }
                    default: fail(item, path, "expected a zone id or {zone, set}")
                    }
                }
            default:
                fail(SourceNode(.null, line: e.keyLine, column: e.keyColumn), e.key,
                     "unknown key (a study takes name, scenario, zones, paths, seed, sampler, metric, hurdle, draws, dropInapplicablePolicies)")
            }
        }
        if scenarioFile == nil && scenarioDocument == nil { issues.append(ScenarioIssue(file: file, keyPath: "scenario", message: "missing")) }
        if sites.isEmpty { issues.append(ScenarioIssue(file: file, keyPath: "zones", message: "give at least one zone")) }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
    }

    /// The project document sited in `site`: `zone` set, then the overrides applied in order.
    ///
    /// - Throws: `ScenarioErrors` for an override whose key path is not in the project.
    public static func document(_ project: SourceNode, for site: Site, file: String) throws(ScenarioErrors) -> SourceNode {
        var node: SourceNode
        do { node = try project.setting("zone", toString: site.zone) } catch {
            throw ScenarioErrors([ScenarioIssue(file: file, keyPath: "zone", message: error.message)])
        }
        for (keyPath, value) in site.overrides {
            do { node = try node.setting(keyPath, to: value, creating: false) } catch {
                throw ScenarioErrors([ScenarioIssue(file: file, line: value.line, column: value.column, keyPath: keyPath,
                                                    message: "zone \(site.zone): \(error.message)")])
            }
        }
        return node
    }
}
