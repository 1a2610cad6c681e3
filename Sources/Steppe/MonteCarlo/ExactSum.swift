/// An exact sum of doubles: a fixed-point integer of 64-bit limbs wide enough for any
/// double between 2^-`fractionBits` and 2^`integerBits` (Kulisch-style accumulator).
///
/// Why: adding the same numbers in any order gives the same sum, bit for bit. That is
/// what makes a Monte Carlo result independent of the thread count and of how paths are
/// split into shards: each worker or shard keeps its own `ExactSum` and merging them is
/// exact. Bits of a value below 2^-`fractionBits` are truncated (toward negative
/// infinity, the same way whatever the order), so order independence still holds.
///
/// - Complexity: O(1) amortised per addition; `value` is O(limbs).
public struct ExactSum: Sendable, Equatable {
    /// Bits kept below the binary point and above it.
    public static let fractionBits = 256
    public static let integerBits = 320
    static let limbCount = (fractionBits + integerBits) / 64

    /// Two's-complement limbs, least significant first.
    public private(set) var limbs: [UInt64]

    public init() { limbs = Array(repeating: 0, count: ExactSum.limbCount) }

    /// Restores a sum from its limbs (as written by `limbs`).
    public init?(limbs: [UInt64]) {
        guard limbs.count == ExactSum.limbCount else { return nil }
        self.limbs = limbs
    }

    /// Adds `x` exactly. A non-finite `x` is a programming error.
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "ExactSum.add needs a finite value (got \(x))")
        guard x != 0 else { return }
        // x = significand * 2^exponent with an integer significand of at most 53 bits.
        let significand = x.significandBitPattern | (x.isNormal ? (1 << 52) : 0)
        let exponent = Int(x.exponentBitPattern == 0 ? 1 : x.exponentBitPattern) - 1075
        var position = exponent + ExactSum.fractionBits
        var value = significand
        if position < 0 {
            guard position > -64 else { return }
            value >>= UInt64(-position)
            position = 0
            if value == 0 { return }
        }
        precondition(position + 53 <= ExactSum.limbCount * 64 - 1, "ExactSum overflow: \(x) is too large")
        let limb = position / 64, shift = position % 64
        let low = value << UInt64(shift)
        let high = shift == 0 ? 0 : value >> UInt64(64 - shift)
        if x > 0 { addMagnitude(low, high, at: limb) } else { subtractMagnitude(low, high, at: limb) }
    }

    /// Adds another exact sum.
    public mutating func add(_ other: ExactSum) {
        var carry: UInt64 = 0
        for i in 0..<limbs.count {
            let (s1, o1) = limbs[i].addingReportingOverflow(other.limbs[i])
            let (s2, o2) = s1.addingReportingOverflow(carry)
            limbs[i] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
    }

    private mutating func addMagnitude(_ low: UInt64, _ high: UInt64, at limb: Int) {
        var (s, o) = limbs[limb].addingReportingOverflow(low)
        limbs[limb] = s
        var carry: UInt64 = o ? 1 : 0
        var i = limb + 1
        if i < limbs.count {
            let (s1, o1) = limbs[i].addingReportingOverflow(high)
            (s, o) = s1.addingReportingOverflow(carry)
            limbs[i] = s
            carry = (o1 ? 1 : 0) + (o ? 1 : 0)
            i += 1
        }
        while carry != 0 && i < limbs.count {
            (limbs[i], o) = limbs[i].addingReportingOverflow(carry)
            carry = o ? 1 : 0
            i += 1
        }
    }

    private mutating func subtractMagnitude(_ low: UInt64, _ high: UInt64, at limb: Int) {
        var (s, o) = limbs[limb].subtractingReportingOverflow(low)
        limbs[limb] = s
        var borrow: UInt64 = o ? 1 : 0
        var i = limb + 1
        if i < limbs.count {
            let (s1, o1) = limbs[i].subtractingReportingOverflow(high)
            (s, o) = s1.subtractingReportingOverflow(borrow)
            limbs[i] = s
            borrow = (o1 ? 1 : 0) + (o ? 1 : 0)
            i += 1
        }
        while borrow != 0 && i < limbs.count {
            (limbs[i], o) = limbs[i].subtractingReportingOverflow(borrow)
            borrow = o ? 1 : 0
            i += 1
        }
    }

    /// The sum rounded to a double (a deterministic function of the exact value).
    public var value: Double {
        let negative = limbs[limbs.count - 1] >> 63 == 1
        var magnitude = limbs
        if negative {
            // Two's complement negation.
            var carry: UInt64 = 1
            for i in 0..<magnitude.count {
                let (s, o) = (~magnitude[i]).addingReportingOverflow(carry)
                magnitude[i] = s
                carry = o ? 1 : 0
            }
        }
        // Most significant nonzero limb and the next two give 128+ bits: ample for rounding.
        guard let top = magnitude.lastIndex(where: { $0 != 0 }) else { return 0 }
        var result = 0.0
        for i in stride(from: top, through: max(0, top - 2), by: -1) {
            result += Double(magnitude[i]) * pow2(64 * i - ExactSum.fractionBits)
        }
        return negative ? -result : result
    }
}

/// 2^k as a double, for k within the double range.
@inline(__always)
func pow2(_ k: Int) -> Double {
    Double(sign: .plus, exponent: k, significand: 1)
}
