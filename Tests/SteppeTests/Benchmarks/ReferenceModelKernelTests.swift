import Foundation
import Testing
@testable import Steppe
import ReferenceModelKernel

/// The engine's paths of `Benchmarks/reference-model.yaml` against the NumPy reference model written
/// out by hand (`ReferenceModelKernel`, Benchmarks/ReferenceModelKernel), which shares only the uniforms
/// and the normal quantile with the engine.
@Suite("Reference model kernel")
struct ReferenceModelKernelTests {
    static let paths = 2000

    /// The engine's equity NPV, minimum DSCR and equity payback of every path, and each group's uniforms.
    static func engineAndUniforms() throws -> (values: [[Double]], uniforms: [SIMD8<Double>], dimension: Int, drawer: StochasticModel) {
        let yaml = try String(contentsOf: packageRootURL.appendingPathComponent("Benchmarks/reference-model.yaml"), encoding: .utf8)
        let s = try scenario(yaml)
        let model = try s.compile()
        let drawer = try StochasticModel(scenario: s, model: model)
        let sampler = try RandomSampler(seed: 3, pathCount: paths, dimensions: drawer.dimension)
        let configuration = MonteCarloConfiguration(paths: paths, seed: 3, exactQuantileLimit: paths,
                                                    metrics: [.equityNPV, .minDSCR, .equityPaybackYears])
        let runner = MonteCarloRunner(model: model, drawer: drawer, uniforms: sampler, configuration: configuration, scenarioText: yaml)
        let values = try #require(runner.run(threads: 2).values)
        var uniforms = [SIMD8<Double>](repeating: .zero, count: paths / 8 * drawer.dimension)
        uniforms.withUnsafeMutableBufferPointer { all in
            for group in 0..<(paths / 8) {
                let start = group * drawer.dimension
                sampler.fillLanes(firstPath: group * 8, into: UnsafeMutableBufferPointer(rebasing: all[start..<(start + drawer.dimension)]))
            }
        }
        return (values, uniforms, drawer.dimension, drawer)
    }

    @Test("The scenario draws its inputs in the kernel's dimension order: capex, output, price, escalation, growth, opex, withdrawal")
    func dimensionLayout() throws {
        let (_, _, _, drawer) = try Self.engineAndUniforms()
        let targets = drawer.draws.map { draw -> String in
            switch draw.target {
            case .capex: "capex"
            case .productQuantity: "output"
            case .productPrice: "price"
            case .productEscalation: "escalation"
            case .productQuantityGrowth: "growth"
            case .costQuantity: "opex"
            default: "other"
            }
        }
        #expect(targets == ["capex", "output", "price", "escalation", "growth", "opex"])
        #expect(drawer.draws.map(\.firstDimension) == Array(0..<6))
        #expect(drawer.risks.map(\.firstDimension) == [6])
        #expect(drawer.risks.first?.withdrawalHazard == 0.05)
    }

    @Test("Every path's equity NPV and minimum DSCR agree with the hand-written model to 1e-9, and the payback falls in its year")
    func enginePathsMatchTheHandWrittenModel() throws {
        let (values, uniforms, dimension, _) = try Self.engineAndUniforms()
        let kernel = ReferenceModelKernel()
        var npvs: [Double] = [], worstNPV = 0.0, worstDSCR = 0.0, paybackMismatches = 0
        uniforms.withUnsafeBufferPointer { all in
            for group in 0..<(Self.paths / 8) {
                let out = kernel.evaluate(all.baseAddress! + group * dimension)
                for j in 0..<8 {
                    let path = group * 8 + j
                    let npv = values[PathMetric.equityNPV.rawValue][path], dscr = values[PathMetric.minDSCR.rawValue][path]
                    let payback = values[PathMetric.equityPaybackYears.rawValue][path]
                    npvs.append(npv)
                    // NPVs are tens of millions of yuan and may be near zero: relative to 1e8 yuan.
                    worstNPV = max(worstNPV, abs(npv - out.equityNPV[j]) / 1e8)
                    worstDSCR = max(worstDSCR, abs(dscr - out.minDSCR[j]) / abs(out.minDSCR[j]))
                    // The engine interpolates within the crossing year t (a value in (t - 1, t]); the kernel reports t.
                    let sameYear = payback.isNaN ? out.equityPaybackYear[j].isNaN : payback.rounded(.up) == out.equityPaybackYear[j]
                    if !sameYear { paybackMismatches += 1 }
                }
            }
        }
        #expect(worstNPV <= 1e-9, "largest NPV difference \(worstNPV * 1e8) yuan")
        #expect(worstDSCR <= 1e-9, "largest relative DSCR difference \(worstDSCR)")
        #expect(paybackMismatches == 0)
        // Not a degenerate sample: NPVs of both signs, as the reference's P(NPV < 0) of about 10.6% implies.
        #expect(npvs.contains { $0 < 0 } && npvs.contains { $0 > 0 })
    }
}
