import Benchmark
import Foundation
import Steppe
import SteppeFiles

/// Monte Carlo paths of the NumPy reference model (Benchmarks/reference-model.yaml) on one
/// and two threads, computing the reference's outputs (equity NPV, minimum DSCR, payback).
/// Throughput is in paths per second (scaled iterations = paths).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 20)

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Benchmarks/reference-model.yaml").path

    for threads in [1, 2] {
        Benchmark("Reference model, 100k paths, \(threads) thread\(threads == 1 ? "" : "s")",
                  configuration: .init(scalingFactor: .kilo)) { benchmark in
            guard let (scenario, text) = try? ScenarioFile.loadWithText(path: path) else { fatalError("cannot load \(path)") }
            let config = MonteCarloConfiguration(paths: 100_000, seed: 1, exactQuantileLimit: 0,
                                                 metrics: [.equityNPV, .minDSCR, .paybackYears])
            guard let study = try? MonteCarloStudy(scenario: scenario, scenarioText: text, configuration: config) else {
                fatalError("cannot prepare the study")
            }
            benchmark.startMeasurement()
            for _ in 0..<(benchmark.scaledIterations.count / 1000 / 100 + 1) {
                blackHole(study.runner.run(threads: threads).completedPaths)
            }
        }
    }
}
