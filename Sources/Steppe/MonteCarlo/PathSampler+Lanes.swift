extension PathSampler {
    /// The default `fillLanes`: each path's uniforms from `fill(path:into:)` into
    /// scratch rows on the stack, then transposed into lanes. It gives the lane
    /// layout to every sampler; it is no faster than eight `fill` calls.
    ///
    /// - Complexity: O(8 × `dimensions`) plus eight `fill` calls; the scratch
    ///   rows (8 × `dimensions` doubles) are a temporary allocation, on the
    ///   stack when small.
    public func fillLanes(firstPath: Int, into u: UnsafeMutableBufferPointer<SIMD8<Double>>) {
        checkFillLanes(firstPath: firstPath, count: u.count)
        let n = u.count, lanes = Lanes.scalarCount
        guard n > 0 else { return }
        let paths = Swift.min(lanes, pathCount - firstPath)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: lanes * n) { rows in
            for j in 0..<paths {
                fill(path: firstPath + j, into: UnsafeMutableBufferPointer(rebasing: rows[(j * n)..<(j * n + n)]))
            }
            for j in paths..<lanes {
                UnsafeMutableBufferPointer(rebasing: rows[(j * n)..<(j * n + n)]).initialize(repeating: 0.5)
            }
            for d in 0..<n {
                u[d] = SIMD8(rows[d], rows[n + d], rows[2 * n + d], rows[3 * n + d],
                             rows[4 * n + d], rows[5 * n + d], rows[6 * n + d], rows[7 * n + d])
            }
        }
    }

    @inline(__always)
    func checkFillLanes(firstPath: Int, count: Int) {
        precondition(count == dimensions, "buffer holds \(count) lanes, sampler has \(dimensions) dimensions")
        precondition(firstPath >= 0 && firstPath < pathCount, "first path \(firstPath) outside 0..<\(pathCount)")
    }

    /// The lanes whose path is `pathCount` or more, as a mask.
    @inline(__always)
    func lanesBeyondPathCount(firstPath: Int) -> SIMDMask<SIMD8<Int64>> {
        SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8(repeating: Int64(pathCount - firstPath))
    }
}
