/// The finite values of `values` in ascending order (infinities and NaN dropped), the same as
/// `values.filter(\.isFinite).sorted()` except that -0 always precedes +0 (equal to them anyway).
///
/// Why not `sorted()`: a run keeps every path's value of each metric up to its exact-quantile limit and
/// sorts them once for the percentiles; at 1e5 paths the comparison sort was 11% of a one-thread run's CPU,
/// after the path loop, on one core (Benchmarks/README.md, issue 22). This is a least-significant-digit
/// radix sort of the IEEE bit patterns made monotone (negative: all bits flipped; positive: sign bit set),
/// 11 bits a pass, passes whose digit is the same for every value skipped: O(n), a few milliseconds
/// for 1e5 values.
public func finiteValuesSorted<Values: Sequence<Double>>(_ values: Values) -> [Double] {
    let sign: UInt64 = 1 << 63
    var keys = [UInt64]()
    keys.reserveCapacity(values.underestimatedCount)
    for v in values where v.isFinite {
        let bits = v.bitPattern
        keys.append(bits & sign != 0 ? ~bits : bits | sign)
    }
    let digitBits = 11, digitMask: UInt64 = (1 << 11) - 1
    var buffer = [UInt64](repeating: 0, count: keys.count)
    var counts = [Int](repeating: 0, count: 1 << digitBits)
    for shift in stride(from: 0, to: 64, by: digitBits) {
        for i in counts.indices { counts[i] = 0 }
        for key in keys { counts[Int((key >> UInt64(shift)) & digitMask)] += 1 }
        if counts.contains(keys.count) { continue }  // every value has this digit: the order stands
        var start = 0
        for i in counts.indices { let c = counts[i]; counts[i] = start; start += c }
        for key in keys {
            let d = Int((key >> UInt64(shift)) & digitMask)
            buffer[counts[d]] = key
            counts[d] += 1
        }
        swap(&keys, &buffer)
    }
    return keys.map { $0 & sign != 0 ? Double(bitPattern: $0 & ~sign) : Double(bitPattern: ~$0) }
}
