import Testing
@testable import Steppe

@Suite("Monte Carlo summary")
struct MonteCarloSummaryTests {
    @Test("Exact percentiles interpolate linearly between order statistics (type 7)",
          arguments: [(0.0, 10.0), (0.5, 25.0), (0.1, 13.0), (0.9, 37.0), (1.0, 40.0)])
    func interpolatedPercentiles(q: Double, expected: Double) {
        // Sorted [10, 20, 30, 40]: h = 3q; the value is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
        // q = 0.5: h = 1.5, 20 + 0.5 x 10 = 25; q = 0.1: h = 0.3, 10 + 0.3 x 10 = 13; q = 0.9: h = 2.7, 30 + 7 = 37.
        #expect(abs(interpolatedQuantile([10, 20, 30, 40], q) - expected) <= 1e-12)
    }

    @Test("One value is every percentile")
    func singleValue() {
        #expect(interpolatedQuantile([7], 0) == 7 && interpolatedQuantile([7], 0.5) == 7 && interpolatedQuantile([7], 1) == 7)
    }
}
