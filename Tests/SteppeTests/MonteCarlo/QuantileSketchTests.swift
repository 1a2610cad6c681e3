import Foundation
import Testing
@testable import Steppe

@Suite("Quantile sketch")
struct QuantileSketchTests {
    @Test("Quantiles are within 0.1% of the exact sample quantile of the same rank")
    func relativeError() throws {
        var rng = SystemRandomNumberGenerator()
        let values = (0..<50_000).map { _ in exp(Double.random(in: -5...12, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1) }
        var sketch = QuantileSketch()
        for v in values { sketch.add(v) }
        let sorted = values.sorted()
        for q in [0.0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.99, 1.0] {
            let exact = sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
            let estimate = try #require(sketch.quantile(q))
            #expect(abs(estimate - exact) <= QuantileSketch.relativeAccuracy * abs(exact) * 1.000001, "q \(q)")
        }
    }

    @Test("Merging sketches in any order gives the same sketch as adding every value")
    func merge() {
        let values = (0..<1000).map { Double($0) * 3.7 - 1200 }
        var whole = QuantileSketch(), a = QuantileSketch(), b = QuantileSketch()
        for v in values { whole.add(v) }
        for v in values.prefix(400) { a.add(v) }
        for v in values.dropFirst(400) { b.add(v) }
        var ab = a; ab.merge(b)
        var ba = b; ba.merge(a)
        #expect(ab == whole && ba == whole)
    }

    @Test("Sparse bins restore the sketch")
    func sparseRoundTrip() throws {
        var s = QuantileSketch()
        for v in [-5.0, 0, 1e-12, 3, 3, 1e6] { s.add(v) }
        let restored = try #require(QuantileSketch(positive: s.sparsePositive, negative: s.sparseNegative, zero: s.zero))
        #expect(restored == s)
        #expect(s.quantile(0.5) == 0)
    }

    @Test("An empty sketch has no quantiles")
    func empty() { #expect(QuantileSketch().quantile(0.5) == nil) }
}
