import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe policies`: the catalogue's policies, optionally those applying in one zone.
    struct Policies: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "policies",
            abstract: "List the policy catalogue with citations: tariffs, caps, rules and incentives.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Only policies that apply to a project sited in this zone (see steppe zones).")
        var zone: String?

        @Option(help: ArgumentHelp("Only this kind: \(PolicyEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                   valueName: "kind"))
        var kind: String?

        @Option(help: "Only this domain: electricity, hydrogen, dairy, talent, tax, factor-costs, industry.")
        var domain: String?

        @Flag(help: "List the values that rest on assumptions instead of seed lines, with their sources.")
        var assumptions = false

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var catalogueOptions: CatalogueOptions

        func validate() throws {
            if let kind, PolicyEntry.Kind(rawValue: kind) == nil {
                throw ValidationError("--kind must be one of \(PolicyEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (got \(kind)).")
            }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let catalogue: PolicyCatalogue
            do { catalogue = try catalogueOptions.load() } catch { return .failure(error) }
            if let zone, catalogue.zone(zone) == nil {
                let hint = NameSuggestion.hint(for: zone, among: catalogue.zones.map(\.id))
                return CommandResult(status: 1, standardError: "unknown zone '\(zone)'\(hint) (steppe zones lists them)\n")
            }
            var entries = zone.map { catalogue.policies(in: $0) } ?? catalogue.policies
            if let kind { entries = entries.filter { $0.kind.rawValue == kind } }
            if let domain { entries = entries.filter { $0.domain == domain } }
            if assumptions { return listAssumptions(catalogue, entries) }
            switch format {
            case .json:
                return CommandResult(standardOutput: JSONValue.array(entries.map(\.json)).serialized() + "\n")
            case .text:
                return CommandResult(standardOutput: text(catalogue, entries))
            }
        }

        func text(_ catalogue: PolicyCatalogue, _ entries: [PolicyEntry]) -> String {
            var out: String
            if let zone, let z = catalogue.zone(zone) {
                out = "\(entries.count) policies apply in \(z.id) (\(z.nameEN), \(z.nameZH))\n"
            } else {
                out = "\(entries.count) policies\n"
            }
            let domains = entries.reduce(into: [String]()) { if !$0.contains($1.domain) { $0.append($1.domain) } }
            for d in domains {
                let inDomain = entries.filter { $0.domain == d }
                out += "\n\(d) (\(inDomain.count))\n"
                for p in inDomain { out += Policies.describe(p) }
            }
            return out
        }

        static func describe(_ p: PolicyEntry) -> String {
            var out = "  \(p.id)  [\(p.kind.rawValue), \(p.level.rawValue)]\n"
            out += "      \(p.titleEN) / \(p.titleZH)\n"
            if !p.parameters.isEmpty {
                out += "      " + p.parameters.map { "\($0.name) = \($0.value.plainText) \($0.unit)\($0.assumption == nil ? "" : " (assumed)")" }
                    .joined(separator: "; ") + "\n"
            }
            var terms: [String] = []
            if p.validFrom != nil || p.validTo != nil {
                terms.append("valid \(p.validFrom.map(String.init) ?? "…")-\(p.validTo.map(String.init) ?? "…")")
            }
            if let c = p.capPerYear { terms.append("cap \(c.plainText) yuan/yr") }
            if let c = p.capTotal { terms.append("cap \(c.plainText) yuan total") }
            if let d = p.durationYears { terms.append("\(d) yr") }
            if let g = p.stackingGroup { terms.append("stacking: \(g) (\(p.stackingRule.rawValue))") }
            if p.payee != .firm { terms.append("payee: \(p.payee.rawValue)") }
            if !terms.isEmpty { out += "      " + terms.joined(separator: "; ") + "\n" }
            out += "      \(p.source.shortDescription)\n"
            return out
        }

        func listAssumptions(_ catalogue: PolicyCatalogue, _ entries: [PolicyEntry]) -> CommandResult {
            let ids = Set(entries.map(\.id))
            let zoneIDs = Set(zone.map { catalogue.chain(of: $0).map(\.id) } ?? catalogue.zones.map(\.id))
            let items = catalogue.assumptions.filter { item in
                let head = item.id.split(separator: ".", maxSplits: 2).prefix(2).joined(separator: ".")
                return ids.contains(item.id) || ids.contains(head)
                    || zoneIDs.contains(String(item.id.split(separator: ".").first ?? ""))
            }
            if format == .json {
                let json = JSONValue.object([
                    ("count", .number(Double(items.count))),
                    ("assumptions", .array(items.map { .object([("id", .string($0.id)), ("assumption", .string($0.text))]) })),
                ])
                return CommandResult(standardOutput: json.serialized() + "\n")
            }
            var out = "\(items.count) assumptions (values the seeds do not state)\n"
            for item in items { out += "  \(item.id): \(item.text)\n" }
            return CommandResult(standardOutput: out)
        }
    }
}
