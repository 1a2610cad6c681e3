/// A keyed pseudo-random permutation of 0..<n computed one element at a time
/// without storing it: a six-round Feistel network on the smallest square
/// power of two 4^h >= n, with cycle walking (Black and Rogaway, "Ciphers
/// with arbitrary finite domains", CT-RSA 2002) to stay inside 0..<n.
///
/// Each Feistel round is a bijection whatever its round function, so the
/// whole network is a bijection of 0..<4^h; re-encrypting until the value
/// falls below n restricts it to a bijection of 0..<n. Since 4^h < 4n, fewer
/// than four encryptions are needed on average.
struct KeyedPermutation: Sendable, Hashable {
    static let rounds = 6
    let count: UInt64
    let halfBits: UInt64
    let keys: SIMD8<UInt64>

    init(count: Int, key: UInt64) {
        precondition(count >= 1, "a permutation needs count >= 1")
        self.count = UInt64(count)
        let bits = UInt64(UInt64.bitWidth - UInt64(count - 1).leadingZeroBitCount)
        self.halfBits = (bits + 1) / 2
        var keys = SIMD8<UInt64>()
        for r in 0..<Self.rounds { keys[r] = mix64(key &+ UInt64(r + 1) &* 0x9E37_79B9_7F4A_7C15) }
        self.keys = keys
    }

    /// The image of `i` in 0..<count.
    ///
    /// - Complexity: expected O(1): below 4 Feistel encryptions on average.
    func callAsFunction(_ i: Int) -> Int {
        precondition(i >= 0 && UInt64(i) < count, "index \(i) outside 0..<\(count)")
        if halfBits == 0 { return 0 }
        var x = UInt64(i)
        repeat { x = encrypt(x) } while x >= count
        return Int(x)
    }

    @inline(__always)
    private func encrypt(_ x: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << halfBits) - 1
        var left = x >> halfBits, right = x & mask
        for r in 0..<Self.rounds {
            let f = mix64(right ^ keys[r]) & mask
            (left, right) = (right, left ^ f)
        }
        return left << halfBits | right
    }
}
