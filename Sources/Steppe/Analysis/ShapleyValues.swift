import Foundation

/// Shapley values of a cooperative game: each player's average marginal contribution over all
/// orders in which the players could join. They add up to v(all) − v(none) (efficiency).
///
/// One implementation for every attribution in Steppe: incentives (what each adds to the NPV),
/// the inputs that differ between two zones, and the changed inputs of `steppe diff`.
public enum ShapleyValues {
    /// The attribution, with standard errors when it was sampled.
    public struct Attribution: Sendable, Equatable {
        public var values: [Double]
        /// nil for exact enumeration.
        public var standardErrors: [Double]?
    }

    /// Shapley values of `playerCount` players for the coalition value `value(subset)` (bit i =
    /// player i). Exact enumeration of the 2^n coalitions up to `exactLimit` players; beyond,
    /// `permutations` random orders (seeded), with the standard error of each estimate.
    /// nil when some coalition's value is undefined.
    public static func attribute(playerCount n: Int, exactLimit: Int = 12, permutations: Int = 2000, seed: UInt64 = 1,
                                 value: (UInt64) -> Double?) -> Attribution? {
        guard n > 0 else { return Attribution(values: [], standardErrors: nil) }
        precondition(n < 64, "at most 63 players")
        if n <= exactLimit {
            var table = [Double](repeating: 0, count: 1 << n)
            for s in 0..<(1 << n) {
                guard let v = value(UInt64(s)) else { return nil }
                table[s] = v
            }
            // Weight of a coalition of size k not containing i: k! (n - k - 1)! / n!.
            var weight = [Double](repeating: 0, count: n)
            for k in 0..<n { weight[k] = exp(lgamma(Double(k + 1)) + lgamma(Double(n - k)) - lgamma(Double(n + 1))) }
            var phi = [Double](repeating: 0, count: n)
            for s in 0..<(1 << n) {
                let size = s.nonzeroBitCount
                for i in 0..<n where s & (1 << i) == 0 {
                    phi[i] += weight[size] * (table[s | (1 << i)] - table[s])
                }
            }
            return Attribution(values: phi, standardErrors: nil)
        }
        var g = SplitMix64(seed: seed)
        var sum = [Double](repeating: 0, count: n), sumSquares = sum
        var order = Array(0..<n)
        guard let empty = value(0) else { return nil }
        for _ in 0..<permutations {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            var subset: UInt64 = 0
            var previous = empty
            for i in order {
                subset |= 1 << UInt64(i)
                guard let v = value(subset) else { return nil }
                let marginal = v - previous
                sum[i] += marginal; sumSquares[i] += marginal * marginal
                previous = v
            }
        }
        let p = Double(permutations)
        let mean = sum.map { $0 / p }
        let se = (0..<n).map { i in (max(0, sumSquares[i] / p - mean[i] * mean[i]) / max(p - 1, 1)).squareRoot() }
        return Attribution(values: mean, standardErrors: se)
    }
}
