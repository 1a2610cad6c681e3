import ArgumentParser
import Foundation

extension SteppeCommand {
    /// `steppe run [FILE]`: the Monte Carlo study of a scenario.
    struct Run: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a Monte Carlo study of a scenario: distributions of NPV, IRR, DSCR and more.",
            discussion: """
            The same scenario, seed and path count give bit-identical results for any --threads and any \
            --shard split. With --shard i/n the run covers shard i of n and --output writes its state file; \
            combine the shard files with `steppe merge`. Without --shard, -o/--output writes the result JSON whatever --format prints.
            """)

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var sampling: SamplingOptions

        @OptionGroup var threading: ThreadsOption

        @Option(help: "Output format on standard output: text (summary) or json (full result).")
        var format: TextOrJSON = .text

        @OptionGroup(title: "Output files") var outputs: OutputFileOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("Run only shard i of n (1-based), e.g. 2/8.", valueName: "i/n"))
        var shard: String?

        @Option(parsing: .unconditional, help: "IRR hurdle rate for 'probability below hurdle' (default: the equity discount rate).")
        var hurdle: Double?

        @Option(parsing: .unconditional, help: "Minimum-DSCR covenant for 'probability below covenant'.")
        var covenant = 1.2

        @Option(name: .customLong("until-se"), parsing: .unconditional, help: ArgumentHelp(
            "Double --paths until the standard error of the mean equity NPV is at most this, in the report unit (million CNY, or 万元 with reportUnit: wanYuan).", valueName: "money"))
        var untilSE: Double?

        @Option(parsing: .unconditional, help: "Largest path count --until-se may reach.")
        var maxPaths = 10_000_000

        @Option(parsing: .unconditional, help: "Refuse to start a run whose estimated memory exceeds this many MB.")
        var maxMemory = 4096

        @Option(parsing: .unconditional, help: "Keep every value (exact quantiles) up to this many paths (at most 50000000); beyond, estimate quantiles with a sketch.")
        var exactLimit = 1_000_000

        @Option(parsing: .unconditional, help: "Paths per chunk, at most 1048576 (part of the result's identity; keep the default to compare runs).")
        var chunkSize = 1024

        @Option(help: ArgumentHelp("Metrics to compute, comma-separated (default: all): \(PathMetric.allCases.map(\.name).joined(separator: ", ")).", valueName: "names"))
        var metrics: String?

        @Flag(help: "No progress bar.")
        var quiet = false

        @Flag(help: "Report elapsed time, paths per second and the CPU level that ran (on standard error; never in the JSON).")
        var timing = false

        
        func validate() throws {
            let limits = MonteCarloConfiguration.Limits.self
            try OptionChecks.check(chunkSize, "--chunk-size", in: 1...limits.chunkSize)
            try OptionChecks.check(exactLimit, "--exact-limit", in: 0...limits.exactQuantileLimit,
                                   advice: "beyond, quantiles come from a sketch within 0.1%")
            try OptionChecks.check(maxPaths, "--max-paths", in: 1...limits.paths)
            try OptionChecks.check(maxMemory, "--max-memory", in: 1...Int(1e9))
            try OptionChecks.checkThresholds(hurdle: hurdle, covenant: covenant)
            if let metrics {
                let names = metrics.split(separator: ",").map(String.init)
                let known = PathMetric.allCases.map(\.name)
                for name in names where !known.contains(name) {
                    throw ValidationError("--metrics: unknown metric '\(name)' (known: \(known.joined(separator: ", "))).")
                }
            }
            if shard != nil && outputs.report != nil { throw ValidationError("--report needs the whole run: merge the shards with `steppe merge --report`.") }
            if shard != nil && outputs.xlsx != nil { throw ValidationError("--xlsx needs the whole run: merge the shards with `steppe merge --xlsx`.") }
            if let shard, Shard(shard) == nil { throw ValidationError("--shard must be i/n with 1 <= i <= n <= \(MonteCarloConfiguration.Limits.shards) (got \(shard)).") }
            if let untilSE, !(untilSE > 0 && untilSE.isFinite) { throw ValidationError("--until-se must be a positive number (got \(untilSE)).") }
            if untilSE != nil && shard != nil { throw ValidationError("--until-se cannot be combined with --shard: shards need a fixed path count.") }
            if shard != nil && outputs.path == nil { throw ValidationError("--shard needs --output FILE for the shard state.") }
            if let refusal = memoryRefusal(paths: sampling.paths) { throw ValidationError(refusal + ".") }
        }

        func run() throws { try printResult() }

        /// Why a run of `paths` paths cannot start for lack of memory, or nil (checked before the run
        /// and before each doubling of --until-se, so no run ends in the allocator).
        func memoryRefusal(paths: Int) -> String? {
            let needed = MonteCarloConfiguration.estimatedMemoryMB(paths: paths, exactQuantileLimit: exactLimit, threads: threading.count,
                                                                  shards: shard.flatMap(Shard.init)?.count ?? 1)
            return OptionChecks.memoryRefusal(needed: needed, maxMemory: maxMemory, what: "a run of \(paths) paths",
                                              advice: "split it with --shard i/n, lower --exact-limit (quantiles from a sketch), or raise --max-memory")
        }

        var selectedMetrics: [PathMetric] {
            guard let metrics else { return PathMetric.allCases }
            let names = Set(metrics.split(separator: ",").map(String.init))
            return PathMetric.allCases.filter { names.contains($0.name) }
        }

        func perform() -> CommandResult {
            let inputs = scenario.inputFiles
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            let loaded: (Scenario, String)
            do { loaded = try scenario.loadWithText() } catch { return .failure(error) }
            let shard = self.shard.flatMap(Shard.init)
            let interrupt = InterruptFlag()
            let started = Date()
            var pathCount = sampling.paths
            var study: MonteCarloStudy
            var untilNote = ""
            let config = MonteCarloConfiguration(paths: pathCount, seed: sampling.seed, sampler: sampling.sampler, chunkSize: chunkSize,
                                                 exactQuantileLimit: exactLimit, hurdleRate: hurdle, dscrCovenant: covenant,
                                                 metrics: selectedMetrics)
            do {
                study = try MonteCarloStudy(scenario: loaded.0, scenarioText: loaded.1, configuration: config)
            } catch { return .failure(error) }
            /// Runs `pathsToRun` paths behind a progress bar.
            func withProgress(_ pathsToRun: Int, _ run: (ProgressReporter) -> RunState) -> RunState {
                let progress = ProgressReporter(total: pathsToRun, enabled: !quiet)
                defer { progress.finish() }
                return run(progress)
            }
            // The whole run keeps its first paths for the result as it runs them (a shard writes no result).
            let firstPaths = shard == nil ? study.firstPathsCollector() : nil
            var state = withProgress(study.runner.paths(of: shard).count) {
                study.runner.run(shard: shard, threads: threading.count, progress: $0.update, isCancelled: interrupt.isSet,
                                 collecting: firstPaths)
            }
            // --until-se: double the path count until the standard error of the mean equity NPV is
            // small enough. Each attempt's result is exactly that of `--paths` its path count, whatever the
            // thread count: the study is compiled once, and an attempt runs only the new paths where that
            // gives the same bits (`MonteCarloRunner.pathsAfter`), every path otherwise.
            while let untilSE, !state.isPartial {
                // --until-se is in the report unit; the statistics are in yuan.
                let unit = loaded.0.reportUnit
                let target = untilSE * unit.divisor
                let se = MonteCarloSummary(state, thresholds: study.thresholds).statistics
                    .first { $0.metric == .equityNPV }?.standardError ?? .infinity
                let shown = "\(ReportFormat.decimal(se / unit.divisor, decimals: 3)) \(unit.label)"
                let targetShown = "\(ReportFormat.decimal(untilSE, decimals: 3)) \(unit.label)"
                if se <= target {
                    untilNote = "standard error of the mean equity NPV \(shown) <= \(targetShown) with \(pathCount) paths\n"
                    break
                }
                if pathCount > maxPaths / 2 {
                    untilNote = "standard error \(shown) still above \(targetShown) at \(pathCount) paths; --max-paths \(maxPaths) reached\n"
                    break
                }
                if let refusal = memoryRefusal(paths: pathCount * 2) {
                    return CommandResult(status: 1, standardError:
                        "--until-se: standard error \(shown) still above \(targetShown) at \(pathCount) paths, and \(refusal)\n")
                }
                pathCount *= 2
                do { study = try study.withPaths(pathCount) } catch { return .failure(error) }
                let earlier = state, runner = study.runner
                state = withProgress(runner.pathsAfter(earlier)?.count ?? pathCount) {
                    runner.run(continuing: earlier, threads: threading.count, progress: $0.update, isCancelled: interrupt.isSet)
                }
            }
            var stderr = untilNote
            if timing {
                let seconds = Date().timeIntervalSince(started)
                stderr += String(format: "%d paths in %.3f s: %.0f paths/s on %d threads, ",
                                 state.completedPaths, seconds, Double(state.completedPaths) / max(seconds, 1e-9), threading.count)
                stderr += CPULevel.compiled.summary + "\n"
            }
            if let shard, let out = outputs.path {
                let text = state.json(scenarioText: study.scenarioText, shard: shard).serialized() + "\n"
                let target = state.isPartial ? out + ".partial" : out
                do { try AtomicFile.write(text, to: target, force: outputs.force || state.isPartial, inputs: inputs) } catch {
                    return CommandResult(status: 1, standardError: stderr + "\(error)\n")
                }
                if state.isPartial {
                    return CommandResult(status: interrupt.exitStatus, standardError: stderr + "interrupted after \(state.completedPaths) paths; partial shard state written to \(target), not \(out)\n")
                }
                return CommandResult(standardOutput: "shard \(shard): paths \(state.ranges.first.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "none") written to \(out)\n",
                                     standardError: stderr)
            }
            return ResultOutput.emit(study: study, state: state, format: format, outputs: outputs,
                                     inputs: inputs, interruptedStatus: interrupt.exitStatus, stderr: stderr, collected: firstPaths)
        }
    }

    /// `steppe merge SHARD...`: combine shard states into the result of the whole run.
    struct Merge: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge shard state files into exactly the result of the unsharded run.")

        @Argument(help: ArgumentHelp("Shard state files written by `steppe run --shard i/n --output FILE`.", valueName: "shard-file"))
        var files: [String]

        @Option(help: "Output format on standard output: text (summary) or json (full result).")
        var format: TextOrJSON = .text

        @OptionGroup(title: "Output files") var outputs: OutputFileOptions

        /// The catalogue the shards ran with: the embedded scenario is read again with it.
        @OptionGroup var catalogue: CatalogueOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one shard file.") }
            if files.contains("") { throw ValidationError("<shard-file>: the path is empty") }
        }

        func run() throws { try printResult() }

        /// The merge error, naming the shard files it concerns.
        func mergeFailure(_ error: RunState.MergeError, states: [RunState], shards: [(file: String, shard: Shard)]) -> String {
            func files(_ touches: (RunState) -> Bool) -> String {
                states.indices.filter { touches(states[$0]) }.map { shards[$0].file }.joined(separator: " and ")
            }
            switch error {
            case .overlap(_, let later):
                return "\(files { $0.ranges.contains { $0.overlaps(later) } }): \(error); give each shard once, all of one --shard i/n split"
            case .partial(let range):
                return "\(files { $0.ranges.first == range }): \(error)"
            case .differentRuns:
                let other = states.firstIndex { $0.identity != states[0].identity } ?? 0
                return "\(shards[0].file) and \(shards[other].file): \(error)"
            case .empty:
                return "\(error)"
            }
        }

        func perform() -> CommandResult {
            var inputs = catalogue.inputFiles
            inputs.add(contentsOf: InputFiles(files))
            if let refusal = outputs.checkBeforeWork(inputs: inputs) { return refusal }
            var states: [RunState] = []
            var texts: [String] = []
            var shards: [(file: String, shard: Shard)] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    return CommandResult(status: 1, standardError: "\(file): cannot read the shard file\n")
                }
                do {
                    let (state, text, shard) = try RunState.shardFile(data)
                    states.append(state); texts.append(text); shards.append((file, shard))
                } catch {
                    return CommandResult(status: 1, standardError: "\(file): \(error)\n")
                }
            }
            let merged: RunState
            do { merged = try RunState.merging(states) } catch {
                return CommandResult(status: 1, standardError: mergeFailure(error, states: states, shards: shards) + "\n")
            }
            if !merged.missingRanges.isEmpty {
                let count = shards[0].shard.count
                let present = Set(shards.map(\.shard.index))
                let missing = (1...count).filter { !present.contains($0) }.map { "\($0)/\(count)" }
                let ranges = merged.missingRanges.map { "\($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ")
                let given = shards.map { "\($0.file) (shard \($0.shard))" }.joined(separator: ", ")
                return CommandResult(status: 1, standardError:
                    "missing shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (paths \(ranges)); given: \(given); run the missing ones with `steppe run --shard i/n` and merge again\n")
            }
            let scenarioText = texts[0]
            let scenario: Scenario
            do {
                scenario = try ScenarioFile.parse(scenarioText, file: merged.identity.scenarioName, catalogue: try catalogue.load())
            } catch { return .failure(error) }
            let study: MonteCarloStudy
            do {
                study = try MonteCarloStudy(scenario: scenario, scenarioText: scenarioText, configuration: merged.identity.configuration)
            } catch { return .failure(error) }
            // The shards recorded their base case; the scenario read with this catalogue must give the same
            // one, else the catalogue differs from theirs (e.g. run with --catalogue, merged without) or the
            // steppe version computes it differently.
            let recorded = merged.identity.shift, here = study.runner.identity.shift
            if let k = recorded.indices.first(where: { recorded[$0].bitPattern != here[$0].bitPattern }) {
                return CommandResult(status: 1, standardError:
                    "\(files[0]): the embedded scenario read with this catalogue gives base-case \(PathMetric.allCases[k].name) \(here[k]), the shards ran with \(recorded[k]); merge with the catalogue the shards used (--catalogue DIR or $STEPPE_CATALOGUE) and the same steppe version\n")
            }
            return ResultOutput.emit(study: study, state: merged, format: format, outputs: outputs,
                                     inputs: inputs, stderr: "")
        }
    }
}

/// Writes a study's result: JSON to a file and/or standard output, or a text summary.
enum ResultOutput {
    /// An interrupted run's JSON goes to `OUT.partial` (replaced if there) and the command exits
    /// with `interruptedStatus` (128 + the signal's number).
    /// `collected`: the first paths as the run kept them (else they are evaluated here, once).
    static func emit(study: MonteCarloStudy, state: RunState, format: TextOrJSON, outputs: OutputFileOptions,
                     inputs: InputFiles, interruptedStatus: Int32 = 130, stderr: String,
                     collected: FirstPathsCollector? = nil) -> CommandResult {
        let out = outputs.path, force = outputs.force
        // The first paths, as the run kept them or evaluated once (with their hourly dispatch), for the
        // JSON's fan and module summaries, the text's module summaries and the report (which reads the JSON).
        let firstPaths = study.firstPaths(state, collected: collected)
        var result = study.resultJSON(state, firstPaths: firstPaths)
        // The equity NPV's tornado beside the distribution (computed after the run, outside its loop).
        if case .object(var members) = result, let tornado = study.equityNPVTornado {
            members.append(("tornado", tornado.bars))
            if let base = tornado.base { members.append(("tornadoBase", .number(base))) }
            result = .object(members)
        }
        let json = result.serialized() + "\n"
        var stdout = format == .json ? json : MonteCarloText.summary(study: study, state: state, moduleSummaries: firstPaths.moduleSummaries)
        var stderr = stderr
        var status: Int32 = 0
        if let out {
            let target = state.isPartial ? out + ".partial" : out
            do { try AtomicFile.write(json, to: target, force: force || state.isPartial, inputs: inputs) } catch {
                return CommandResult(status: 1, standardError: stderr + "\(error)\n")
            }
            if format == .text { stdout += "\nwrote \(target)\n" }
        }
        if !state.isPartial {
            do {
                let lines = try outputs.writeReport(result, inputs: inputs)
                // With JSON on standard output, the report's path goes to standard error.
                if format == .text { stdout += lines } else { stderr += lines }
            } catch {
                return CommandResult(status: 1, standardOutput: stdout, standardError: stderr + "\(error)\n")
            }
        }
        if state.isPartial {
            status = interruptedStatus
            stderr += "interrupted: \(state.completedPaths) of \(state.identity.configuration.paths) paths done; results are partial"
            stderr += out.map { " and were written to \($0).partial, not \($0)\n" } ?? "\n"
        }
        return CommandResult(status: status, standardOutput: stdout, standardError: stderr)
    }
}

extension SamplingMethod: ExpressibleByArgument {}
