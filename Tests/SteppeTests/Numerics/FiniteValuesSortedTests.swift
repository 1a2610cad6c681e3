import Testing
@testable import Steppe

@Suite("The finite values of a metric, sorted for its exact quantiles")
struct FiniteValuesSortedTests {
    /// Values of every kind a metric can take: both signs, zeros of both signs, subnormals, huge and
    /// tiny magnitudes, many duplicates, and the non-finite values a path reports as undefined.
    static func mixed(count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        let specials: [Double] = [0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude,
                                  -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, 1, -1, 1e-300, 3.5]
        return (0..<count).map { i in
            switch generator.next() % 4 {
            case 0: return specials[Int(generator.next() % UInt64(specials.count))]
            case 1: return Double(Int(generator.next() % 21) - 10)  // duplicates
            default:
                let magnitude = Double(bitPattern: generator.next() >> 2 | 0x0010_0000_0000_0000)
                return i.isMultiple(of: 2) ? magnitude : -magnitude
            }
        }
    }

    @Test("Same order as a comparison sort of the finite values, at sizes below and above one digit's 2048 buckets",
          arguments: [0, 1, 2, 7, 100, 2048, 5000, 100_000])
    func sameAsComparisonSort(count: Int) {
        let values = Self.mixed(count: count, seed: UInt64(count) + 17)
        let expected = values.filter(\.isFinite).sorted()
        let sorted = finiteValuesSorted(values)
        #expect(sorted.count == expected.count)
        #expect(sorted == expected)  // == ignores the sign of zero
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("Infinities and NaN are dropped")
    func nonFiniteDropped() {
        #expect(finiteValuesSorted([.nan, 2, .infinity, -.infinity, 1]) == [1, 2])
    }

    @Test("Negative zero precedes positive zero")
    func signedZeros() {
        let sorted = finiteValuesSorted([0, -0.0, 0, -0.0])
        #expect(sorted.map(\.sign) == [.minus, .minus, .plus, .plus])
    }
}

