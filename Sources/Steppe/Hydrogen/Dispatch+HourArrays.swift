// Two loops over a year's hour arrays: every hour's generation (for the hour-by-hour pass), and
// a sum over a list of hours (a price level's surplus, for the export allocation after either pass).

extension Dispatch {
    /// The sum of `values` at the `count` hours listed from `hours` on, with four running sums
    /// (so that the additions do not wait on each other), combined in a fixed order.
    @inline(__always)
    static func sum(_ values: UnsafePointer<Double>, over hours: UnsafePointer<Int32>, count: Int) -> Double {
        var lanes = (SIMD2<Double>(), SIMD2<Double>())
        var i = 0
        while i + 4 <= count {
            lanes.0 += SIMD2(values[Int(hours[i])], values[Int(hours[i + 1])])
            lanes.1 += SIMD2(values[Int(hours[i + 2])], values[Int(hours[i + 3])])
            i += 4
        }
        var total = (lanes.0[0] + lanes.0[1]) + (lanes.1[0] + lanes.1[1])
        while i < count {
            total += values[Int(hours[i])]
            i += 1
        }
        return total
    }
}

extension Dispatch {
    /// Stores each hour's wind and solar generation, `windMW` × wind + `solarMW` × solar (MWh),
    /// into `out` (and `trace`, if given), and returns the year's sum (two running sums per
    /// lane of a SIMD2 pair, combined in a fixed order).
    @inline(__always)
    static func generation(_ b: HourlyBuffers, windMW: Double, solarMW: Double, into out: UnsafeMutablePointer<Double>,
                           trace: UnsafeMutablePointer<Double>?) -> Double {
        typealias V = SIMD2<Double>
        let wind = UnsafeRawPointer(b.wind), solar = UnsafeRawPointer(b.solar), target = UnsafeMutableRawPointer(out)
        let w = V(repeating: windMW), s = V(repeating: solarMW)
        var sums = (V(), V())
        let step = V.scalarCount * MemoryLayout<Double>.stride
        @inline(__always) func hours(at offset: Int, _ sum: inout V) {
            let g = w * wind.loadUnaligned(fromByteOffset: offset, as: V.self) + s * solar.loadUnaligned(fromByteOffset: offset, as: V.self)
            target.storeBytes(of: g, toByteOffset: offset, as: V.self)
            if let trace { UnsafeMutableRawPointer(trace).storeBytes(of: g, toByteOffset: offset, as: V.self) }
            sum += g
        }
        for offset in stride(from: 0, to: ResourceProfile.hoursPerYear * MemoryLayout<Double>.stride, by: 2 * step) {
            hours(at: offset, &sums.0)
            hours(at: offset + step, &sums.1)
        }
        let total = sums.0 + sums.1
        return total[0] + total[1]
    }
}
