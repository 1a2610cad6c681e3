import Foundation
import Testing
@testable import Steppe

@Suite("Sketch counters")
struct SketchCountersTests {
    /// Values of both signs across the sketch's range, zeros, values below the minimum magnitude,
    /// bin boundaries and their neighbours, and magnitudes beyond the maximum.
    static func values() -> [Double] {
        var g = PathRandomGenerator(seed: 77, path: 0)
        var values = (0..<100_000).map { _ in
            exp(Double.random(in: -25...45, using: &g)) * (Bool.random(using: &g) ? 1 : -1)
        }
        values += [0, -0.0, 1e-12, -1e-12, QuantileSketch.minimumMagnitude, QuantileSketch.minimumMagnitude.nextDown, 1e18, 1e25, -1e25]
        let lowest = QuantileSketch.BinMap.shared.lowest
        for i in stride(from: 1, to: lowest.count - 1, by: 997) { values += [lowest[i], lowest[i].nextDown, -lowest[i]] }
        return values
    }

    @Test("Each metric's counters give the sketch that adding its values one by one gives")
    func countersEqualSketch() {
        let values = Self.values()
        let counters = SketchCounters(metricCount: 2)
        var first = QuantileSketch(), second = QuantileSketch()
        for (i, x) in values.enumerated() {
            counters.add(x, metric: 0)
            first.add(x)
            if i % 3 == 0 { counters.add(-x * 2, metric: 1); second.add(-x * 2) }
        }
        #expect(counters.sketch(0) == first)
        #expect(counters.sketch(1) == second)
        #expect(counters.sketch(0).count == UInt64(values.count))
    }

    @Test("Counters of a metric with no values give an empty sketch")
    func emptyMetric() {
        let counters = SketchCounters(metricCount: 3)
        counters.add(5, metric: 1)
        #expect(counters.sketch(0) == QuantileSketch())
        #expect(counters.sketch(2).count == 0)
        #expect(counters.sketch(1).count == 1)
    }
}
