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

    // Bin lookup. `BinMap.bin` must give `binByLogarithm`'s bin for every magnitude, so
    // that sketches of existing runs do not change by a single count.

    typealias Sketch = QuantileSketch
    static let map = Sketch.BinMap.shared

    /// Magnitudes log-uniform over [lower, upper], from a fixed seed.
    static func logUniform(_ n: Int, _ lower: Double, _ upper: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in exp(log(lower) + rng.nextUnit() * (log(upper) - log(lower))) }
    }

    /// The doubles within `k` steps of `x`, in increasing order.
    static func neighbours(_ x: Double, _ k: Int) -> [Double] {
        var below = [Double](), above = [x]
        var d = x, u = x
        for _ in 0..<k { d = d.nextDown; u = u.nextUp; below.append(d); above.append(u) }
        return below.reversed() + above
    }

    @Test("The logarithm bin never decreases as the magnitude grows, near every bin boundary and across the range")
    func logarithmBinIsMonotone() {
        // Rounding in `log` could only reorder bins within a few doubles of a boundary.
        for i in 1..<Sketch.binCount {
            let bins = Self.neighbours(Self.map.lowest[i], 32).map(Sketch.binByLogarithm)
            #expect(zip(bins, bins.dropFirst()).allSatisfy { $0 <= $1 }, "around boundary \(i)")
        }
        let bins = Self.logUniform(100_000, 1e-12, 1e20, seed: 1).sorted().map(Sketch.binByLogarithm)
        #expect(zip(bins, bins.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("Each boundary in the table is the smallest double of its bin")
    func boundariesAreExact() {
        #expect(Self.map.lowest.count == Sketch.binCount + 1)
        for i in 1..<Sketch.binCount {
            let x = Self.map.lowest[i]
            #expect(Sketch.binByLogarithm(x) == i && Sketch.binByLogarithm(x.nextDown) == i - 1, "boundary \(i) at \(x)")
        }
    }

    @Test("Each lookup cell starts in its listed bin and holds at most one bin boundary")
    func cellsHoldOneBoundary() {
        // With the monotone logarithm bin, this makes the lookup exact for every double.
        for (j, first) in Self.map.cellBins.enumerated() {
            let cell = UInt64(Self.map.firstCell + j) << Sketch.BinMap.cellShift
            let start = Double(bitPattern: cell), last = Double(bitPattern: cell + (1 << Sketch.BinMap.cellShift) - 1)
            #expect(Sketch.binByLogarithm(start) == Int(first), "cell \(j) from \(start)")
            #expect(Sketch.binByLogarithm(last) <= Int(first) + 1, "cell \(j) from \(start)")
        }
    }

    @Test("The fast bin equals the logarithm bin at every bin boundary and its neighbouring doubles")
    func fastBinAtBoundaries() {
        for i in 1..<Sketch.binCount {
            for x in Self.neighbours(Self.map.lowest[i], 2) {
                #expect(Self.map.bin(x) == Sketch.binByLogarithm(x), "boundary \(i), magnitude \(x)")
            }
        }
    }

    @Test("The fast bin equals the logarithm bin for 10^6 random magnitudes across the range")
    func fastBinAtRandom() {
        var mismatches = 0
        for x in Self.logUniform(1_000_000, 1e-12, 1e20, seed: 0x5EED) where Self.map.bin(x) != Sketch.binByLogarithm(x) {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test("The fast bin is the zero bin below the minimum magnitude and the top bin above the maximum")
    func fastBinOutsideTheRange() {
        let below = [Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 1e-300, 1e-12]
            + Self.neighbours(Sketch.minimumMagnitude, 2) + Self.logUniform(10_000, 1e-300, 1e-9, seed: 2)
        for x in below where x <= Sketch.minimumMagnitude {
            #expect(Self.map.bin(x) == 0 && Sketch.binByLogarithm(x) == 0, "magnitude \(x)")
        }
        let above = Self.neighbours(Sketch.maximumMagnitude, 2) + [1e19, 1e300, Double.greatestFiniteMagnitude]
            + Self.logUniform(10_000, 1e18, 1e300, seed: 3)
        for x in above where x >= Sketch.maximumMagnitude {
            #expect(Self.map.bin(x) == Sketch.binCount - 1 && Sketch.binByLogarithm(x) == Sketch.binCount - 1, "magnitude \(x)")
        }
    }

    @Test("Adding values fills the bins the logarithm formula gives, by sign, and counts small ones as zero")
    func addUsesLogarithmBins() throws {
        var rng = SplitMix64(seed: 4)
        let values = Self.logUniform(10_000, 1e-12, 1e20, seed: 5).map { rng.next() & 1 == 0 ? $0 : -$0 }
        var sketch = Sketch()
        for v in values { sketch.add(v) }
        var positive = [Int: UInt64](), negative = [Int: UInt64](), zero: UInt64 = 0
        for v in values {
            if abs(v) < Sketch.minimumMagnitude { zero += 1 }
            else if v > 0 { positive[Sketch.binByLogarithm(v), default: 0] += 1 }
            else { negative[Sketch.binByLogarithm(-v), default: 0] += 1 }
        }
        let expected = try #require(Sketch(positive: positive.map { ($0, $1) }, negative: negative.map { ($0, $1) }, zero: zero))
        #expect(sketch == expected)
    }

    @Test("Sparse bins whose counts sum past 2^64 restore no sketch (nil, not an overflow trap)")
    func overflowingCountsRestoreNothing() {
        #expect(QuantileSketch(positive: [(0, .max), (1, 1)], negative: [], zero: 0) == nil)
        #expect(QuantileSketch(positive: [(0, .max)], negative: [], zero: 1) == nil)
        #expect(QuantileSketch(positive: [(0, .max - 1)], negative: [], zero: 1)?.count == .max)
    }
}
