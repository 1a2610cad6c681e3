import Testing
@testable import Steppe

@Suite("Exact sum")
struct ExactSumTests {
    @Test("Sums in any order give the same bits")
    func orderIndependent() {
        var rng = SystemRandomNumberGenerator()
        let values = (0..<10_000).map { _ in Double.random(in: -1e9...1e9, using: &rng) * Double.random(in: 1e-6...1, using: &rng) }
        var forward = ExactSum(), backward = ExactSum()
        for v in values { forward.add(v) }
        for v in values.reversed() { backward.add(v) }
        #expect(forward == backward)
        #expect(forward.value == backward.value)
    }

    @Test("Cancellation is exact where naive summation loses everything")
    func cancellation() {
        var s = ExactSum()
        for v in [1e20, 1.0, -1e20, 1e-10] { s.add(v) }
        #expect(s.value == 1.0 + 1e-10)
        #expect(([1e20, 1.0, -1e20, 1e-10] as [Double]).reduce(0, +) != 1.0 + 1e-10)
    }

    @Test("Merging partial sums equals adding every value")
    func merge() {
        let values = (1...1000).map { Double($0) * 0.1 - 37.3 }
        var whole = ExactSum(), a = ExactSum(), b = ExactSum()
        for v in values { whole.add(v) }
        for v in values.prefix(313) { a.add(v) }
        for v in values.dropFirst(313) { b.add(v) }
        a.add(b)
        #expect(a == whole)
        // 0.1 k - 37.3 summed over k = 1...1000: 0.1 * 500500 - 37300, to double rounding of the terms.
        #expect(abs(whole.value - (50_050 - 37_300)) < 1e-9)
    }

    @Test("Negative, tiny and large values round-trip")
    func extremes() {
        for v in [-3.5, 1e50, -123456789.125, 1e-60, 2.0.squareRoot()] {
            var s = ExactSum()
            s.add(v)
            #expect(s.value == v, "\(v)")
        }
        var s = ExactSum()
        s.add(-1); s.add(0.25)
        #expect(s.value == -0.75)
    }

    @Test("Values below 2^-256 are truncated, whatever the order")
    func truncation() {
        var s = ExactSum()
        s.add(Double.leastNonzeroMagnitude)
        s.add(1e-80)
        #expect(s.value == 0)
    }

    @Test("Limbs restore the same sum")
    func limbsRoundTrip() {
        var s = ExactSum()
        s.add(-42.125); s.add(1e12)
        #expect(ExactSum(limbs: s.limbs) == s)
        #expect(ExactSum(limbs: [1, 2]) == nil)
    }
}
