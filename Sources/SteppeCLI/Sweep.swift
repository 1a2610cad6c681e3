import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe sweep FILE --param a.b=v1:v2:n ...`: a grid of deterministic evaluations.
    struct Sweep: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Evaluate a grid of input values and report the best point under a metric.",
            discussion: """
            Each point is the scenario file with the swept values written in, read as `evaluate` reads it \
            (catalogue, zone values, validation). The exit status is 1 when any point cannot be evaluated; \
            those points are listed on standard error. --report draws the metric over one swept input \
            (line) or two (heat map).
            Example: steppe sweep plant.yaml --param products[0].price=15:25:5 --param financing.equityShare=0.2:0.5:4
            """)

        @OptionGroup var scenario: ScenarioOptions

        @Option(name: .customLong("param"), help: ArgumentHelp("Input to sweep as key.path=from:to:count (repeatable).", valueName: "spec"))
        var parameters: [String] = []

        @Option(help: "Metric that picks the best point.")
        var metric = "equityNPV"

        @Flag(help: "Pick the smallest value of the metric instead of the largest (e.g. levelizedCost).")
        var minimize = false

        @Option(help: "Output format: text (table, money in the scenario's report unit), json or csv (yuan).")
        var format: Evaluate.Format = .text

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file, atomically.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Also write the HTML report of the sweep to this file.", valueName: "path"))
        var report: String?

        @Flag(help: "Overwrite output and report files if they exist.")
        var force = false

        @Option(parsing: .unconditional, help: "Largest grid allowed (at most 1000000).")
        var maxPoints = 10_000

        @Option(help: "Worker threads.")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "No progress bar.")
        var quiet = false

        func validate() throws {
            if parameters.isEmpty { throw ValidationError("give at least one --param key.path=from:to:count.") }
            for p in parameters where ParameterSweep.Parameter(p) == nil {
                throw ValidationError("--param must be key.path=from:to:count with count >= 1 and from, to at most 1e15 in magnitude (got \(p)).")
            }
            try OptionChecks.check(maxPoints, "--max-points", in: 1...OptionChecks.largestGridPoints)
            try OptionChecks.checkThreads(threads)
            let names = Metrics.names
            if !names.contains(metric) { throw ValidationError("--metric must be one of \(names.joined(separator: ", ")) (got \(metric)).") }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = OutputTarget.checkBeforeWork([("--output", output), ("--report", report)], force: force, inputs: inputs) {
                return refusal
            }
            let swept = parameters.compactMap(ParameterSweep.Parameter.init)
            let source: ScenarioSource, base: Scenario
            do {
                source = try scenario.loadDocument()
                base = try source.read(source.document)
            } catch { return .failure(error) }
            let sweep = ParameterSweep(document: source.document, parameters: swept, read: source.read)
            guard sweep.size <= maxPoints else {
                let counts = swept.map { String($0.count) }.joined(separator: " × ")
                let size = sweep.size == .max ? "more than 9.2e18" : String(sweep.size)
                return CommandResult(status: 1, standardError: "the grid has \(size) points (\(counts)), more than --max-points \(maxPoints); use fewer values per --param or raise --max-points (at most \(OptionChecks.largestGridPoints))\n")
            }
            let progress = ProgressReporter(total: sweep.size, enabled: !quiet, unit: "points")
            let points = sweep.run(threads: threads, progress: progress.update)
            progress.finish()
            let result = SweepResult(scenarioName: base.name, reportUnit: base.reportUnit, parameters: swept,
                                     metric: metric, minimize: minimize, points: points)
            let body: String
            switch format {
            case .text: body = result.text
            case .json: body = result.json.serialized() + "\n"
            case .csv: body = result.csv
            }
            let status: Int32 = result.invalid.isEmpty ? 0 : 1
            let failures = result.invalid.isEmpty ? ""
                : "\(scenario.displayName): \(result.invalid.count) of \(points.count) points could not be evaluated:\n"
                    + result.invalidLines.map { "  \($0)\n" }.joined()
            var written = ""
            do {
                if let report {
                    written = try ReportFiles.write(result.json, html: report, markdown: nil, csv: nil, force: force, inputs: inputs)
                        .joined(separator: "\n") + "\n"
                }
                guard let output else { return CommandResult(status: status, standardOutput: body, standardError: written + failures) }
                try AtomicFile.write(body, to: output, force: force, inputs: inputs)
                return CommandResult(status: status, standardOutput: "wrote \(output)\n" + written, standardError: failures)
            } catch {
                return CommandResult(status: 1, standardError: "\(error)\n")
            }
        }
    }
}
