import Testing
@testable import Steppe

/// Axes of charts built from hand-edited results: any finite values give finite ticks.
@Suite("Linear scale")
struct LinearScaleTests {
    @Test("values whose span overflows or whose step underflows give a finite axis", arguments: [
        [-1e300, 1e300], [0, .leastNonzeroMagnitude], [.leastNonzeroMagnitude, .leastNonzeroMagnitude], [-1.7e308, 1.7e308],
    ])
    func extremeValues(values: [Double]) {
        let scale = LinearScale(values: values, from: 0, to: 100)
        #expect(scale.lower.isFinite && scale.upper.isFinite && scale.upper > scale.lower)
        #expect(!scale.ticks.isEmpty && scale.ticks.allSatisfy(\.isFinite))
    }

    @Test("a coordinate far off the drawing is written clamped, not as a 300-digit number")
    func farCoordinate() {
        #expect(svgNumber(1e300) == "1000000")
        #expect(svgNumber(-1e300) == "-1000000")
    }
}
