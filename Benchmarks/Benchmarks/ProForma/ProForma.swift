import Benchmark
import Foundation
import Steppe
import SteppeFiles

/// One deterministic pro forma of each shipped scenario, reusing one workspace: the cost of
/// a Monte Carlo path without its draws and metrics. One scaled iteration is one pro forma,
/// 1000 back to back per sample (steady state, as in a Monte Carlo worker), so wall clock is per
/// pro forma. The malloc counters show the loop allocates nothing.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                           maxDuration: .seconds(2))

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    for file in ["Scenarios/ejin-horo-green-hydrogen.yaml", "Benchmarks/reference-model.yaml"] {
        let path = root.appendingPathComponent(file).path
        Benchmark("ProFormaEngine.run \((file as NSString).lastPathComponent)") { benchmark in
            guard let model = try? ScenarioFile.load(path: path).compile() else { fatalError("cannot load \(path)") }
            var ws = Workspace(for: model)
            ProFormaEngine.run(model, &ws)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                ProFormaEngine.run(model, &ws)
                blackHole(ws.equityCashFlow[0])
            }
        }
    }
}
