import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe sensitivity FILE [--tornado] [--spider] [--sobol --paths N] [--metric M]`.
    struct Sensitivity: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "sensitivity",
            abstract: "Which uncertain inputs move a metric: tornado, spider and Sobol indices.",
            discussion: """
            Without --tornado, --spider or --sobol, the tornado and the spider are computed. The Sobol indices \
            take N (k + 2) evaluations for k inputs and policy risks (Saltelli 2010); --paths sets N.
            """)

        @OptionGroup var scenario: ScenarioOptions

        @Flag(help: "Tornado: each uncertain input at its P10 and P90, the others at base.")
        var tornado = false

        @Flag(help: "Spider: each uncertain input at the 5, 10, 25, 50, 75, 90 and 95% quantiles.")
        var spider = false

        @Flag(help: "Variance-based Sobol indices (first order and total) with bootstrap intervals.")
        var sobol = false

        @Option(parsing: .unconditional, help: "Base sample N of the Sobol indices (a power of two suits the Sobol sampler).")
        var paths = 1024

        @Option(parsing: .unconditional, help: "Seed of the Sobol sample and bootstrap.", transform: OptionChecks.seed)
        var seed: UInt64 = 1

        @Option(parsing: .unconditional, help: "Bootstrap resamples of the Sobol intervals (at most 100000).")
        var bootstrap = 500

        @Option(help: "Metric: equityNPV, projectNPV, equityIRR, projectIRR, minDSCR, paybackYears, equityPaybackYears or levelizedCost.")
        var metric = "equityNPV"

        @OptionGroup var threading: ThreadsOption

        @OptionGroup var outputs: AnalysisOutputOptions

        func validate() throws {
            try OptionChecks.check(paths, "--paths", in: 2...OptionChecks.largestSobolPaths)
            try OptionChecks.check(bootstrap, "--bootstrap", in: 0...OptionChecks.largestBootstrap)
            if bootstrap * paths > OptionChecks.largestBootstrapWork {
                throw ValidationError("--bootstrap \(bootstrap) with --paths \(paths) resamples more than 10^10 values; lower either.")
            }
            if PathMetric.named(metric) == nil {
                throw ValidationError("--metric must be one of \(PathMetric.allCases.map(\.name).joined(separator: ", ")) (got \(metric)).")
            }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let metric = PathMetric.named(self.metric)!
            let inputs = scenario.inputFiles
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            let drawer: StochasticModel
            let s: Scenario
            let t: Tornado
            do {
                s = try scenario.load()
                drawer = try StochasticModel(scenario: s, model: try s.compile())
                t = try Tornado(scenario: s, drawer: drawer, metric: metric)
            } catch { return .failure(error) }
            let oneAtATime = !(tornado || spider || sobol)
            var indices: SobolIndices?
            if sobol {
                guard drawer.dimension > 0 else {
                    return CommandResult(status: 1, standardError: "\(scenario.displayName): no uncertain inputs or policy risks to attribute variance to\n")
                }
                do {
                    // A progress bar with ETA on a terminal, as `run` has.
                    let bar = ProgressReporter(total: paths, enabled: true, unit: "base samples")
                    defer { bar.finish() }
                    indices = try SobolIndices.estimate(scenario: s, drawer: drawer, metric: metric, samples: paths, seed: seed, bootstrap: bootstrap,
                                                        threads: threading.count, progress: bar.update)
                } catch {
                    return CommandResult(status: 1, standardError: "\(error)\n")
                }
            }
            let analysis = SensitivityReport(scenarioName: s.name, metric: metric, baseValue: t.baseValue,
                                             tornado: tornado || oneAtATime ? t.bars() : nil,
                                             spider: spider || oneAtATime ? t.spider() : nil, sobol: indices, scenario: s)
            let json = analysis.json
            return outputs.emit(text: analysis.text, json: json, inputs: inputs)
        }
    }
}
