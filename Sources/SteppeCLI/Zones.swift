import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe zones [ZONE]`: the zones a project can be sited in, or one zone's full profile.
    struct Zones: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "zones",
            abstract: "List the zones a project can be sited in, or show one zone's profile with its sources.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("A zone to show in full: every value it has or inherits, with citations.", valueName: "zone"))
        var zone: String?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var catalogueOptions: CatalogueOptions

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let catalogue: PolicyCatalogue
            do { catalogue = try catalogueOptions.load() } catch { return .failure(error) }
            if let zone {
                guard let json = catalogue.json(zone: zone), let z = catalogue.zone(zone) else {
                    return CommandResult(status: 1, standardError: "unknown zone '\(zone)'\(NameSuggestion.hint(for: zone, among: catalogue.zones.map(\.id))) (steppe zones lists them)\n")
                }
                if format == .json { return CommandResult(standardOutput: json.serialized() + "\n") }
                return CommandResult(standardOutput: profile(catalogue, z))
            }
            if format == .json {
                return CommandResult(standardOutput: JSONValue.array(catalogue.zones.compactMap { catalogue.json(zone: $0.id) }).serialized() + "\n")
            }
            var out = "\(catalogue.zones.count) zones (indented under the zone they are within)\n"
            func list(_ parent: String?, _ depth: Int) {
                for z in catalogue.zones where z.within == parent {
                    let status = z.status == "operating" ? "" : " [\(z.status)]"
                    let tags = z.tags.isEmpty ? "" : " {\(z.tags.joined(separator: ", "))}"
                    out += String(repeating: "  ", count: depth + 1)
                        + "\(z.id)  \(z.type)\(status)\(tags): \(z.nameEN) / \(z.nameZH); \(catalogue.policies(in: z.id).count) policies\n"
                    list(z.id, depth + 1)
                }
            }
            list(nil, 0)
            return CommandResult(standardOutput: out)
        }

        func profile(_ catalogue: PolicyCatalogue, _ z: Zone) -> String {
            var out = "\(z.id): \(z.nameEN) / \(z.nameZH)\n  type \(z.type), status \(z.status)"
            out += z.within.map { ", within \($0)" } ?? ""
            out += z.tags.isEmpty ? "\n" : ", tags \(z.tags.joined(separator: ", "))\n"
            out += "  \(z.source.shortDescription)\n\nValues (use as {zone: key} in a scenario; [cited] from a seed line, [assumption] with its source, [proxy] another zone's value)\n"
            for key in catalogue.valueKeys(in: z.id) {
                guard let found = catalogue.value(key, in: z.id), let r = catalogue.resolve(found.value) else { continue }
                let via = found.definedBy.id == z.id ? "" : " (from \(found.definedBy.id))"
                let policy = r.policy.map { " <- \($0)" } ?? ""
                out += "  \(key) = \(r.value.plainText) \(r.unit)\(via)\(policy)  [\(SiteInput.Basis(r.source).label)]\n      \(r.source.shortDescription)\n"
            }
            let facts = catalogue.chain(of: z.id).flatMap { zone in zone.facts.map { (zone.id, $0) } }
            if !facts.isEmpty {
                out += "\nFacts\n"
                for (owner, f) in facts {
                    out += "  \(f.topic): \(f.text)\(owner == z.id ? "" : " (from \(owner))")\n      \(f.source.shortDescription)\n"
                }
            }
            out += "\n\(catalogue.policies(in: z.id).count) policies apply here (steppe policies --zone \(z.id)).\n"
            return out
        }
    }
}
