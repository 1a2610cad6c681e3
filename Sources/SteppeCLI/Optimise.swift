import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe optimise FILE --vary a.b=lower:upper ... [--zones z1,z2]`: the best sizes under a metric.
    struct Optimise: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "optimise",
            abstract: "Choose bounded inputs (plant capacities) that maximise or minimise a metric of the base case or a Monte Carlo statistic of it.",
            discussion: """
            A coarse grid over the bounds, then Nelder-Mead, each design point read as `evaluate` reads the file. \
            Reports the optimum, the metric there, the export share and curtailment of a hydrogen plant there, and \
            how far each input may move with the objective within 1% of the best. With --zones, each zone gets its \
            own optimum. --report writes an HTML page of the optimum and the search.

            With --statistic mean|p10|p50|p90 the objective is that statistic of the metric over --paths Monte Carlo \
            paths of the scenario's uncertain inputs. Every design point uses the same seed, sampler and path count \
            (common random numbers): path k draws the same inputs at every design, so differences between designs \
            are not sampling noise. Every statistic works with every metric tracked per path (\(PathMetric.allCases.map(\.name).joined(separator: ", "))); \
            as in `run`'s summary, undefined paths (an IRR without sign change, say) are left out of the mean and \
            the percentiles and counted beside them. The result is the same for any --threads.
            Example: steppe optimise Scenarios/ejin-horo-hydrogen-hourly.yaml --vary hydrogen.electrolyser.capacityMW=20:120 \
            --vary hydrogen.battery.energyMWh=0:80
            Example: steppe optimise Scenarios/ejin-horo-hydrogen-hourly.yaml --vary hydrogen.electrolyser.capacityMW=20:140 \
            --statistic p10 --paths 2000
            """,
            aliases: ["optimize", "size"])

        @OptionGroup var scenario: ScenarioOptions

        @Option(name: .customLong("vary"), help: ArgumentHelp("Input to choose, as key.path=lower:upper (repeatable).", valueName: "spec"))
        var variables: [String] = []

        @Option(help: "Metric to optimise.")
        var metric = "equityNPV"

        @Flag(help: "Minimise the metric instead of maximising it (e.g. levelizedCost).")
        var minimize = false

        @Option(help: ArgumentHelp("Optimise this statistic of the metric over Monte Carlo paths, with common random numbers: mean, p10, p50 or p90 (default: the base case).", valueName: "statistic"))
        var statistic: String?

        @OptionGroup(title: "Monte Carlo draws (with --statistic)") var sampling: SamplingOptions

        @Option(parsing: .unconditional, help: "Values per input on the coarse grid (2 to 50).")
        var gridSteps = 5

        @Option(parsing: .unconditional, help: "Stop when the simplex is within this share of each range (0.0001 to 0.1).")
        var tolerance = 0.005

        @Option(parsing: .unconditional, help: "Most Nelder-Mead evaluations after the grid (1 to 10000).")
        var maxEvaluations = 200

        @Option(help: ArgumentHelp("Optimise separately in each of these zones (comma-separated), each with its own optimum.", valueName: "zones"))
        var zones: String?

        @Option(help: "Output format: text or json.")
        var format: TextOrJSON = .text

        @OptionGroup(title: "Output files") var outputs: OutputFileOptions

        @OptionGroup var threading: ThreadsOption

        @Flag(help: "No progress bar.")
        var quiet = false

        func validate() throws {
            if variables.isEmpty { throw ValidationError("give at least one --vary key.path=lower:upper.") }
            for v in variables where SizingOptimiser.Variable(v) == nil {
                throw ValidationError("--vary must be key.path=lower:upper with lower < upper, both at most 1e15 in magnitude (got \(v)).")
            }
            if variables.count > 6 { throw ValidationError("--vary: at most 6 inputs (got \(variables.count)); the grid grows as steps^inputs.") }
            try OptionChecks.check(gridSteps, "--grid-steps", in: 2...50)
            try OptionChecks.check(maxEvaluations, "--max-evaluations", in: 1...10_000)
            if !(tolerance >= 0.0001 && tolerance <= 0.1) { throw ValidationError("--tolerance must be in 0.0001...0.1 (got \(tolerance)).") }
            let points = (0..<variables.count).reduce(1) { r, _ in r * gridSteps }
            if points > OptionChecks.largestGridPoints {
                throw ValidationError("the coarse grid has \(points) points, more than \(OptionChecks.largestGridPoints); lower --grid-steps.")
            }
            if !Metrics.names.contains(metric) { throw ValidationError("--metric must be one of \(Metrics.names.joined(separator: ", ")) (got \(metric)).") }
            if let statistic {
                let names = SampledStatistic.Statistic.allCases.map(\.rawValue)
                if SampledStatistic.Statistic(rawValue: statistic) == nil {
                    throw ValidationError("--statistic must be one of \(names.joined(separator: ", ")) (got \(statistic)).")
                }
                let tracked = PathMetric.allCases.map(\.name)
                if !tracked.contains(metric) {
                    throw ValidationError("--statistic needs a metric tracked per Monte Carlo path: one of \(tracked.joined(separator: ", ")) (got \(metric)).")
                }
                try OptionChecks.check(sampling.paths, "--paths", in: 1...Self.largestPaths,
                                       advice: "every design point runs them all, and keeps every value for exact percentiles")
            } else if sampling.isGiven {
                throw ValidationError("--paths, --seed and --sampler choose the draws of a Monte Carlo objective; give --statistic mean, p10, p50 or p90 too.")
            }
            if zones?.split(separator: ",").isEmpty == true { throw ValidationError("--zones: give zone ids separated by commas.") }
        }

        /// Most paths per design point: each run keeps every path's value for exact percentiles.
        static let largestPaths = 1_000_000

        /// The objective the options ask for.
        var objective: SizingOptimiser.Objective {
            guard let statistic = statistic.flatMap(SampledStatistic.Statistic.init(rawValue:)) else { return .baseCase }
            return .monteCarlo(SampledStatistic(statistic: statistic, paths: sampling.paths, seed: sampling.seed, sampler: sampling.sampler))
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            let source: ScenarioSource
            do { source = try scenario.loadDocument() } catch { return .failure(error) }
            let zoneList: [String?] = zones.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? [nil]
            var reports: [SizingReport] = []
            var failures: [String] = []
            for zone in zoneList {
                var document = source.document
                if let zone {
                    do { document = try document.setting("zone", toString: zone) } catch {
                        failures.append("zone \(zone): \(error.description)")
                        continue
                    }
                }
                let base: Scenario
                do { base = try source.read(document) } catch {
                    failures += error.issues.map { "\(zone.map { "zone \($0): " } ?? "")\($0)" }
                    continue
                }
                var optimiser = SizingOptimiser(document: document, variables: variables.compactMap(SizingOptimiser.Variable.init),
                                                metric: metric, minimize: minimize, read: source.read)
                optimiser.gridSteps = gridSteps; optimiser.tolerance = tolerance
                optimiser.maxEvaluations = maxEvaluations; optimiser.threads = threading.count
                optimiser.objective = objective
                let progress = ProgressReporter(total: (0..<variables.count).reduce(1) { r, _ in r * gridSteps } + maxEvaluations,
                                                enabled: !quiet, unit: "evaluations\(zone.map { " (\($0))" } ?? "")")
                let result = optimiser.run(progress: progress.update)
                progress.finish()
                if result.value == nil { failures.append("\(zone.map { "zone \($0): " } ?? "")\(metric) is undefined at every evaluated point") }
                reports.append(SizingReport(scenarioName: base.name, zone: zone ?? base.zone, reportUnit: base.reportUnit,
                                            operatingYears: base.operatingYears, result: result))
            }
            let json: JSONValue = zones == nil && reports.count == 1 ? reports[0].json : .object([("sizings", .array(reports.map(\.json)))])
            let body = format == .json ? json.serialized() + "\n"
                : reports.map(\.text).joined(separator: "\n") + (reports.count > 1 ? "\n" + comparison(reports) : "")
            let errors = failures.map { "\($0)\n" }.joined()
            var result = outputs.emit(body: body, json: json, bodyIsText: format == .text, inputs: inputs, warnings: errors)
            if !failures.isEmpty { result.status = 1 }
            return result
        }

        /// Zones ranked by the metric at each one's own optimum.
        func comparison(_ reports: [SizingReport]) -> String {
            let ranked = reports.filter { $0.result.value != nil }.sorted {
                minimize ? $0.result.value! < $1.result.value! : $0.result.value! > $1.result.value!
            }
            var out = "Zones at their own best size, best first (\(metric)):\n"
            for r in ranked {
                let sizes = zip(r.result.variables, r.result.optimum.values).map { "\($0.keyPath)=\(ReportFormat.grouped($1, decimals: 3))" }
                out += "  \(r.zone ?? "-"): \(r.formattedValue)  at \(sizes.joined(separator: ", "))\n"
            }
            return out
        }
    }
}
