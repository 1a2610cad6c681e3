import ArgumentParser
import Foundation
import Steppe
import SteppeFiles

extension SteppeCommand {
    /// `steppe optimise FILE --vary a.b=lower:upper ... [--zones z1,z2]`: the best sizes under a metric.
    struct Optimise: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "optimise",
            abstract: "Choose bounded inputs (plant capacities) that maximise or minimise a metric of the base case.",
            discussion: """
            A coarse grid over the bounds, then Nelder-Mead, on the deterministic base case read as `evaluate` \
            reads the file. Reports the optimum, the metric there, the export share and curtailment of a hydrogen \
            plant there, and how far each input may move with the metric within 1% of the best. With --zones, \
            each zone gets its own optimum.
            Example: steppe optimise Scenarios/ejin-horo-hydrogen-hourly.yaml --vary hydrogen.electrolyser.capacityMW=20:120 \
            --vary hydrogen.battery.energyMWh=0:80
            """,
            aliases: ["optimize", "size"])

        @OptionGroup var scenario: ScenarioOptions

        @Option(name: .customLong("vary"), help: ArgumentHelp("Input to choose, as key.path=lower:upper (repeatable).", valueName: "spec"))
        var variables: [String] = []

        @Option(help: "Metric to optimise.")
        var metric = "equityNPV"

        @Flag(help: "Minimise the metric instead of maximising it (e.g. levelizedCost).")
        var minimize = false

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

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file, atomically.", valueName: "path"))
        var output: String?

        @Flag(help: "Overwrite the output file if it exists.")
        var force = false

        @Option(help: "Worker threads for the grid.")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

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
            try OptionChecks.checkThreads(threads)
            if !Metrics.names.contains(metric) { throw ValidationError("--metric must be one of \(Metrics.names.joined(separator: ", ")) (got \(metric)).") }
            if zones?.split(separator: ",").isEmpty == true { throw ValidationError("--zones: give zone ids separated by commas.") }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = OutputTarget.checkBeforeWork([("--output", output)], force: force, inputs: inputs) { return refusal }
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
                optimiser.maxEvaluations = maxEvaluations; optimiser.threads = threads
                let progress = ProgressReporter(total: (0..<variables.count).reduce(1) { r, _ in r * gridSteps } + maxEvaluations,
                                                enabled: !quiet, unit: "evaluations\(zone.map { " (\($0))" } ?? "")")
                let result = optimiser.run(progress: progress.update)
                progress.finish()
                if result.value == nil { failures.append("\(zone.map { "zone \($0): " } ?? "")\(metric) is undefined at every evaluated point") }
                reports.append(SizingReport(scenarioName: base.name, zone: zone ?? base.zone, reportUnit: base.reportUnit,
                                            operatingYears: base.operatingYears, result: result))
            }
            let body: String
            if format == .json {
                let json: JSONValue = zones == nil && reports.count == 1 ? reports[0].json : .object([("sizings", .array(reports.map(\.json)))])
                body = json.serialized() + "\n"
            } else {
                body = reports.map(\.text).joined(separator: "\n") + (reports.count > 1 ? "\n" + comparison(reports) : "")
            }
            let status: Int32 = failures.isEmpty ? 0 : 1
            let errors = failures.map { "\($0)\n" }.joined()
            guard let output else { return CommandResult(status: status, standardOutput: body, standardError: errors) }
            do {
                try AtomicFile.write(body, to: output, force: force, inputs: inputs)
                return CommandResult(status: status, standardOutput: "wrote \(output)\n", standardError: errors)
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
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
