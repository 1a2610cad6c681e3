import Benchmark
import Foundation
import ReferenceModelKernel
import Steppe
import SteppeFiles

/// Monte Carlo paths of the NumPy reference model (Benchmarks/reference-model.yaml, computing the
/// reference's outputs: equity NPV, minimum DSCR, equity payback) and of the default scenario (the
/// README's main job, every metric), on one and two threads.
/// Throughput is in paths per second (scaled iterations = paths).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 4)

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let models: [(name: String, file: String, metrics: [PathMetric])] = [
        ("Reference model,", "Benchmarks/reference-model.yaml", [.equityNPV, .minDSCR, .equityPaybackYears]),
        ("Default scenario (all metrics),", "Scenarios/ejin-horo-green-hydrogen.yaml", PathMetric.allCases),
    ]

    // The engine (eight paths per step) on 1 and 2 threads.
    for model in models {
        for threads in [1, 2] {
            // One scaled iteration is one path: each sample runs 1 000 000 paths, so the wall-clock time
            // is per path and the throughput is in paths per second.
            Benchmark("\(model.name) lane engine, paths on \(threads) thread\(threads == 1 ? "" : "s")") { benchmark in
                let path = root.appendingPathComponent(model.file).path
                guard let (scenario, text) = try? ScenarioFile.loadWithText(path: path) else { fatalError("cannot load \(path)") }
                let config = MonteCarloConfiguration(paths: benchmark.scaledIterations.count, seed: 1, exactQuantileLimit: 0,
                                                     metrics: model.metrics)
                guard let study = try? MonteCarloStudy(scenario: scenario, scenarioText: text, configuration: config) else {
                    fatalError("cannot prepare the study")
                }
                benchmark.startMeasurement()
                blackHole(study.runner.run(threads: threads).completedPaths)
            }
        }
    }

    // The same model hand-written for eight paths at once with the engine's uniforms and lane quantiles
    // (`ReferenceModelKernel`, Benchmarks/ReferenceModelKernel): what a kernel written for this one model reaches, without the
    // engine's statistics (it only sums the outputs), in the same run as the engine.
    for threads in [1, 2] {
        Benchmark("Reference model, hand-written lane kernel (one model only), paths on \(threads) thread\(threads == 1 ? "" : "s")") { benchmark in
            let paths = benchmark.scaledIterations.count, dimensions = 10, chunk = 10_000
            guard let sampler = try? RandomSampler(seed: 1, pathCount: paths, dimensions: dimensions) else { fatalError("sampler") }
            let kernel = ReferenceModelKernel()
            let sums = SumsByChunk(count: (paths + chunk - 1) / chunk)
            benchmark.startMeasurement()
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                let u = UnsafeMutableBufferPointer<SIMD8<Double>>.allocate(capacity: dimensions)
                u.initialize(repeating: SIMD8(repeating: 0.5))
                defer { u.deallocate() }
                for c in stride(from: worker, to: sums.count, by: threads) {
                    var sum = 0.0
                    for first in stride(from: c * chunk, to: min((c + 1) * chunk, paths), by: 8) {
                        sampler.fillLanes(firstPath: first, into: u)
                        let out = kernel.evaluate(UnsafePointer(u.baseAddress!))
                        sum += out.equityNPV.sum() + out.minDSCR.sum()
                    }
                    sums.store(sum, at: c)
                }
            }
            blackHole(sums.total)
        }
    }
}

/// Per-chunk sums written by the benchmark's workers (each chunk by one worker).
final class SumsByChunk: @unchecked Sendable {
    let count: Int
    private let sums: UnsafeMutableBufferPointer<Double>
    init(count: Int) { self.count = count; sums = .allocate(capacity: count); sums.initialize(repeating: 0) }
    deinit { sums.deallocate() }
    func store(_ sum: Double, at chunk: Int) { sums[chunk] = sum }
    var total: Double { sums.reduce(0, +) }
}
