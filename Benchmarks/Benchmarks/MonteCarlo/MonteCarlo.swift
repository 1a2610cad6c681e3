import Benchmark
import Foundation
import Steppe
import SteppeFiles

/// Monte Carlo paths of the NumPy reference model (Benchmarks/reference-model.yaml) on one
/// and two threads, computing the reference's outputs (equity NPV, minimum DSCR, payback).
/// Throughput is in paths per second (scaled iterations = paths).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 4)

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Benchmarks/reference-model.yaml").path

    // The lane engine (eight paths per step) on 1 and 2 threads, and the general engine it replaces for
    // this model (one path per step, the same results to the bit) in the same run, for their ratio.
    for (threads, lanes) in [(1, true), (2, true), (1, false), (2, false)] {
        // One scaled iteration is one path: each sample runs 1 000 000 paths, so the wall-clock time
        // is per path and the throughput is in paths per second.
        let engine = lanes ? "lane engine" : "general engine"
        Benchmark("Reference model, \(engine), paths on \(threads) thread\(threads == 1 ? "" : "s")") { benchmark in
            guard let (scenario, text) = try? ScenarioFile.loadWithText(path: path) else { fatalError("cannot load \(path)") }
            let config = MonteCarloConfiguration(paths: benchmark.scaledIterations.count, seed: 1, exactQuantileLimit: 0,
                                                 metrics: [.equityNPV, .minDSCR, .equityPaybackYears])
            guard let study = try? MonteCarloStudy(scenario: scenario, scenarioText: text, configuration: config, laneEngine: lanes) else {
                fatalError("cannot prepare the study")
            }
            precondition((study.runner.lanes != nil) == lanes, "the reference model should run on the \(engine)")
            benchmark.startMeasurement()
            blackHole(study.runner.run(threads: threads).completedPaths)
        }
    }

    // The floor: the same model as one hand-fused loop per path (see FusedReferenceKernel.swift).
    Benchmark("Reference model, hand-fused kernel (floor), 1 thread") { benchmark in
        let stream = RandomStream(seed: 1)
        let u = UnsafeMutableBufferPointer<Double>.allocate(capacity: 7)
        defer { u.deallocate() }
        var sum = 0.0
        benchmark.startMeasurement()
        for path in benchmark.scaledIterations {
            let (npv, dscr, _) = FusedReferenceKernel.path(path, stream: stream, uniforms: u)
            sum += npv + dscr
        }
        blackHole(sum)
    }
}
