import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe compare FILE --zones Z1,Z2,...` or `steppe compare STUDY`: one project in several zones.
    struct Compare: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare a project sited in several zones on common random numbers: rankings, pairwise odds, regret, drivers.",
            discussion: """
            FILE is a scenario (give --zones) or a study file with `scenario:` and `zones:` (see docs/analyses.md). \
            With common random numbers path i sees the same draws in every zone, so differences are not noise; \
            --draws independent gives each zone its own seed, to see what that costs.
            """)

        @OptionGroup var scenario: ScenarioOptions

        @Option(help: ArgumentHelp("Zones to site the project in, comma-separated (replaces a study's list).", valueName: "ids"))
        var zones: String?

        @Option(parsing: .unconditional, help: "Number of Monte Carlo paths (default: the study's, else 2000).")
        var paths: Int?

        @Option(parsing: .unconditional, help: "Seed for repeatable draws (default: the study's, else 1).", transform: OptionChecks.seed)
        var seed: UInt64?

        @Option(help: "Sampler: random, lhs or sobol (default: the study's, else random).")
        var sampler: SamplingMethod?

        @Option(help: "Draws: common (the same draws in every zone) or independent (a seed per zone).")
        var draws: SiteComparison.Draws?

        @Option(help: "Metric of the pairwise odds, regret and best zone (default: the study's, else equityNPV).")
        var metric: String?

        @Option(parsing: .unconditional, help: "Equity IRR hurdle (default: the study's, else each zone's equity discount rate).")
        var hurdle: Double?

        @OptionGroup var threading: ThreadsOption

        @Option(help: ArgumentHelp("Up to this many paths, P10/P50/P90 are exact and every path's values are kept (8 bytes x 8 metrics x zones per path); beyond, a quantile sketch (relative error <= 0.1%) and memory stays flat.", valueName: "paths"))
        var exactLimit = 1_000_000

        @Option(help: "Refuse to start a comparison whose estimated memory exceeds this many MB.")
        var maxMemory = 4096

        @Flag(help: "Disable (and list per zone) the scenario's policies that do not apply in a zone, instead of refusing that zone.")
        var dropInapplicablePolicies = false

        @OptionGroup var outputs: AnalysisOutputOptions

        func validate() throws {
            try OptionChecks.check(paths, "--paths", in: 1...OptionChecks.largestSingleProcessPaths)
            try OptionChecks.check(exactLimit, "--exact-limit", in: 0...MonteCarloConfiguration.Limits.exactQuantileLimit,
                                   advice: "beyond, quantiles come from a sketch within 0.1%")
            try OptionChecks.check(maxMemory, "--max-memory", in: 1...Int(1e9))
            try OptionChecks.checkThresholds(hurdle: hurdle, covenant: nil)
            if let metric, PathMetric.named(metric) == nil {
                throw ValidationError("--metric must be one of \(PathMetric.allCases.map(\.name).joined(separator: ", ")) (got \(metric)).")
            }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let path = scenario.file
            let text: String, file: String
            if let path {
                guard let data = FileManager.default.contents(atPath: path), let t = String(data: data, encoding: .utf8) else {
                    return CommandResult(status: 1, standardError: "\(path): cannot read the file\n")
                }
                text = t; file = (path as NSString).lastPathComponent
            } else {
                text = DefaultScenario.yaml; file = DefaultScenario.fileName
            }
            var inputs = scenario.inputFiles
            do {
                let catalogue = try scenario.catalogue.load()
                let document = try ScenarioFile.sourceNode(text, file: file)
                var study: SiteStudy?
                var project = document, projectFile = file
                if SiteStudy.isStudy(document) {
                    let s = try SiteStudy(reading: document, file: file)
                    study = s
                    if let inline = s.scenarioDocument { project = inline } else if let relative = s.scenarioFile {
                        let folder = path.map { ($0 as NSString).deletingLastPathComponent } ?? ""
                        let projectPath = relative.hasPrefix("/") || folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
                        let loaded = try ScenarioFile.loadWithText(path: projectPath, catalogue: catalogue)
                        project = try ScenarioFile.sourceNode(loaded.text, file: (projectPath as NSString).lastPathComponent)
                        projectFile = (projectPath as NSString).lastPathComponent
                        inputs.add(projectPath)
                    }
                }
                if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
                var sites = study?.sites ?? []
                if let zones {
                    // A zone the study names keeps its `set:` overrides; others are sited as the project is.
                    sites = zones.split(separator: ",").map { id in
                        study?.sites.first { $0.zone == String(id) } ?? SiteStudy.Site(zone: String(id))
                    }
                }
                guard !sites.isEmpty else {
                    return CommandResult(status: 1, standardError: "give --zones Z1,Z2,... or a study file that lists zones\n")
                }
                let dropInapplicablePolicies = self.dropInapplicablePolicies || study?.dropInapplicablePolicies == true
                var sited: [SitedProject] = []
                var issues: [ScenarioIssue] = []
                for site in sites {
                    if catalogue.zone(site.zone) == nil {
                        issues.append(ScenarioIssue(file: file, keyPath: "zones", message: "unknown zone '\(site.zone)'\(NameSuggestion.hint(for: site.zone, among: catalogue.zones.map(\.id))) (steppe zones lists them)"))
                        continue
                    }
                    if sited.contains(where: { $0.zone == site.zone }) {
                        issues.append(ScenarioIssue(file: file, keyPath: "zones", message: "zone '\(site.zone)' is listed twice"))
                        continue
                    }
                    do {
                        sited.append(try SitedProject(project: project, site: site, file: projectFile, catalogue: catalogue,
                                                      dropInapplicablePolicies: dropInapplicablePolicies))
                    } catch { issues += error.issues }
                }
                if !issues.isEmpty { return .failure(ScenarioErrors(issues)) }
                let attributing = ProgressReporter(total: sited.count * (sited.count - 1) / 2, enabled: true, unit: "zone pairs attributed")
                let evidence = ZoneEvidence(sites: sited, project: project, file: projectFile, catalogue: catalogue,
                                            dropInapplicablePolicies: dropInapplicablePolicies, progress: attributing.update)
                attributing.finish()
                if let refusal = evidence.refusal {
                    return CommandResult(status: 1, standardError: "\(file): \(refusal)\n")
                }
                let scenarios = sited.map { (zone: $0.zone, scenario: $0.scenario) }
                let metricName = metric ?? study?.metric ?? "equityNPV"
                guard let chosen = PathMetric.named(metricName) else {
                    return CommandResult(status: 1, standardError: "\(file): metric: unknown metric '\(metricName)'\n")
                }
                let samplerChoice = sampler ?? study?.sampler.flatMap(SamplingMethod.init(rawValue:)) ?? .random
                let drawChoice = draws ?? study?.draws.flatMap(SiteComparison.Draws.init(rawValue:)) ?? .common
                let config = MonteCarloConfiguration(paths: paths ?? study?.paths ?? 2000, seed: seed ?? study?.seed ?? 1,
                                                     sampler: samplerChoice, exactQuantileLimit: exactLimit,
                                                     hurdleRate: hurdle ?? study?.hurdle)
                // Exact quantiles keep every path's metrics (all of them) in every zone: the run's estimate with metrics x zones.
                let needed = MonteCarloConfiguration.estimatedMemoryMB(paths: config.paths, exactQuantileLimit: exactLimit,
                                                                      keptValuesPerPath: PathMetric.allCases.count * scenarios.count,
                                                                      threads: threading.count, shards: 1)
                if let refusal = OptionChecks.memoryRefusal(needed: needed, maxMemory: maxMemory, what: "this comparison",
                                                            advice: "lower --exact-limit (quantiles from a sketch, memory flat) or raise --max-memory") {
                    return CommandResult(status: 1, standardError: "\(file): \(refusal)\n")
                }
                let comparison = try SiteComparison(sites: scenarios, configuration: config, draws: drawChoice)
                // A progress bar with ETA on a terminal, as `run` has.
                let running = ProgressReporter(total: config.paths, enabled: true, unit: "paths in \(scenarios.count) zones")
                let result = comparison.run(threads: threading.count, progress: running.update)
                running.finish()
                let name = study?.name ?? ""
                var json = result.json(metric: chosen, name: name)
                if case .object(var members) = json {
                    members.append(("zoneEvidence", evidence.json))
                    json = .object(members)
                }
                let unit = scenarios.first?.scenario.reportUnit ?? .millionYuan
                return outputs.emit(text: result.text(metric: chosen, name: name) + evidence.text(unit: unit), json: json, inputs: inputs)
            } catch {
                return .failure(error)
            }
        }
    }
}

extension SiteComparison.Draws: ExpressibleByArgument {}

extension PathMetric {
    /// The metric called `name` (e.g. `equityNPV`).
    static func named(_ name: String) -> PathMetric? { allCases.first { $0.name == name } }
}
