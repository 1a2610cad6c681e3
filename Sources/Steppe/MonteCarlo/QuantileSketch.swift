import Foundation

/// A mergeable quantile sketch with a relative-error guarantee (DDSketch: Masson, Rim and
/// Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
/// guarantees", VLDB 2019), on dense fixed bins.
///
/// Guarantee: for any value whose magnitude lies in [1e-9, 1e18], the estimate of a
/// quantile is within a relative 0.1% (`relativeAccuracy`) of a true sample value of that
/// rank. Magnitudes below 1e-9 count as zero (absolute error below 1e-9); above 1e18 they
/// fall in the top bin. Counts are integers, so merging sketches in any order gives the same sketch.
///
/// Memory: two arrays of `binCount` counters (about 500 KB), whatever the number of values,
/// and 330 KB of bin tables shared by all sketches (`BinMap`).
public struct QuantileSketch: Sendable, Equatable {
    public static let relativeAccuracy = 0.001
    static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    static let logGamma = log(gamma)
    public static let minimumMagnitude = 1e-9
    public static let maximumMagnitude = 1e18
    static let firstIndex = Int((log(minimumMagnitude) / logGamma).rounded(.up))
    static let binCount = Int((log(maximumMagnitude) / logGamma).rounded(.up)) - firstIndex + 1

    public private(set) var positive: [UInt64]
    public private(set) var negative: [UInt64]
    public private(set) var zero: UInt64 = 0
    public private(set) var count: UInt64 = 0
    /// The shared bin tables. A copy of the static's references lives in each sketch so
    /// that `add` skips the lazy-static check (`swift_once`, about 1.5 ns a call on Linux).
    let bins = BinMap.shared

    public init() {
        positive = Array(repeating: 0, count: QuantileSketch.binCount)
        negative = positive
    }

    /// The representative value of bin `i`: the midpoint in relative terms, 2γ^k/(γ+1).
    static func estimate(_ i: Int) -> Double {
        2 * pow(gamma, Double(i + firstIndex)) / (gamma + 1)
    }

    /// Adds a finite value.
    public mutating func add(_ x: Double) {
        count += 1
        let m = abs(x)
        if m < QuantileSketch.minimumMagnitude { zero += 1; return }
        if x > 0 { positive[bins.bin(m)] += 1 } else { negative[bins.bin(m)] += 1 }
    }

    /// Equal counts; the bin tables are the same for every sketch.
    public static func == (a: QuantileSketch, b: QuantileSketch) -> Bool {
        a.count == b.count && a.zero == b.zero && a.positive == b.positive && a.negative == b.negative
    }

    /// Adds every value of another sketch.
    public mutating func merge(_ other: QuantileSketch) {
        for i in 0..<positive.count { positive[i] += other.positive[i]; negative[i] += other.negative[i] }
        zero += other.zero; count += other.count
    }

    /// A sketch with these dense bin counts (`binCount` each).
    init(positive: [UInt64], negative: [UInt64], zero: UInt64) {
        precondition(positive.count == QuantileSketch.binCount && negative.count == QuantileSketch.binCount)
        self.positive = positive
        self.negative = negative
        self.zero = zero
        count = zero + positive.reduce(0, +) + negative.reduce(0, +)
    }

    /// Restores a sketch from sparse bins `(index, count)`.
    public init?(positive sparsePositive: [(Int, UInt64)], negative sparseNegative: [(Int, UInt64)], zero: UInt64) {
        self.init()
        // nil, not a trap, for a bin out of range or counts summing past 2^64 (an edited shard file).
        func add(_ c: UInt64) -> Bool {
            let (sum, overflow) = count.addingReportingOverflow(c)
            count = sum
            return !overflow
        }
        for (i, c) in sparsePositive { guard (0..<positive.count).contains(i), add(c) else { return nil }; positive[i] = c }
        for (i, c) in sparseNegative { guard (0..<negative.count).contains(i), add(c) else { return nil }; negative[i] = c }
        guard add(zero) else { return nil }
        self.zero = zero
    }

    /// Nonzero bins, for serialisation.
    public var sparsePositive: [(Int, UInt64)] { positive.indices.compactMap { positive[$0] == 0 ? nil : ($0, positive[$0]) } }
    public var sparseNegative: [(Int, UInt64)] { negative.indices.compactMap { negative[$0] == 0 ? nil : ($0, negative[$0]) } }

    /// The value of rank `q (count - 1)` rounded down (0 ≤ q ≤ 1); nil when empty.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = UInt64((q * Double(count - 1)).rounded(.down))
        var seen: UInt64 = 0
        for i in stride(from: negative.count - 1, through: 0, by: -1) where negative[i] > 0 {
            seen += negative[i]
            if seen > rank { return -QuantileSketch.estimate(i) }
        }
        seen += zero
        if seen > rank { return 0 }
        for i in 0..<positive.count where positive[i] > 0 {
            seen += positive[i]
            if seen > rank { return QuantileSketch.estimate(i) }
        }
        return QuantileSketch.estimate(positive.count - 1)
    }
}
