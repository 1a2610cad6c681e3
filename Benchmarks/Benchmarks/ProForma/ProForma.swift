import Benchmark
import Foundation
import Steppe
import SteppeFiles

/// One deterministic pro forma of the default scenario and of the reference model on one reused
/// evaluator (every yearly line recorded, no metric; the engine's eight lanes all hold the base case):
/// the work behind `steppe evaluate`, a break-even search's trial or a tornado point. One scaled
/// iteration is one pro forma, 1000 back to back per sample, so wall clock is per pro forma. The
/// malloc counters show the loop allocates nothing. (Until the ninth session this measured the
/// general one-path engine's `ProFormaEngine.run` on a reused workspace.)
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                           maxDuration: .seconds(2))

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    for file in ["Scenarios/ejin-horo-green-hydrogen.yaml", "Benchmarks/reference-model.yaml"] {
        let path = root.appendingPathComponent(file).path
        Benchmark("DeterministicEvaluator.run \((file as NSString).lastPathComponent)") { benchmark in
            guard let model = try? ScenarioFile.load(path: path).compile() else { fatalError("cannot load \(path)") }
            var evaluator = DeterministicEvaluator(model)
            evaluator.run(only: [])
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                evaluator.run(only: [])
                blackHole(evaluator.metric(.equityNPV))
            }
        }
    }
}
