import Foundation

/// Rank correlation between chosen dimensions of a path's uniforms through a
/// Gaussian copula (Iman and Conover 1982 use ranks; the normal-copula form
/// is standard, e.g. Clemen and Reilly, Management Science 45(2), 1999).
///
/// A target Spearman matrix R_s is converted to the normal-space Pearson
/// matrix ρ = 2 sin(π ρ_s / 6) (Pearson 1907; exact for the Gaussian copula),
/// which is Cholesky-factored once, ρ = L Lᵀ. Per path, the uniforms of the
/// chosen dimensions are mapped u → z = Φ⁻¹(u) → L z → Φ(L z), in place.
/// The marginals stay uniform, so any distribution applied afterwards by
/// its quantile keeps its own shape, and the ranks carry the target Spearman
/// correlation (up to sampling error; Latin-hypercube strata are not kept).
///
/// The transform is a pure function of the path's uniforms, so it preserves
/// the samplers' reproducibility.
public struct RankCorrelation: Sendable, Hashable {
    /// The correlated dimensions, in the order of the matrix rows.
    public let dimensions: [Int]
    /// The Spearman target as given.
    public let spearman: [[Double]]
    /// The normal-space Pearson matrix 2 sin(π ρ_s / 6).
    public let normalCorrelation: [[Double]]
    /// Row-major lower-triangular Cholesky factor of `normalCorrelation`.
    let factor: [Double]

    /// - Parameters:
    ///   - dimensions: distinct sampler dimensions, one per row of `spearman`.
    ///   - spearman: the target rank correlations, symmetric with unit diagonal.
    /// - Throws: `SamplingError.invalidCorrelation` if the sizes disagree, the
    ///   dimensions repeat or are negative, the matrix is not symmetric, its
    ///   diagonal is not 1, an entry lies outside [-1, 1] or is not a number, or
    ///   the normal-space matrix is not positive semi-definite (the message
    ///   then gives its smallest eigenvalue).
    public init(dimensions: [Int], spearman: [[Double]]) throws(SamplingError) {
        let k = dimensions.count
        guard spearman.count == k, spearman.allSatisfy({ $0.count == k }) else {
            throw .invalidCorrelation(
                "rank correlation matrix must be \(k)×\(k) for \(k) dimensions (got \(spearman.count) rows of lengths \(spearman.map(\.count)))")
        }
        if let d = dimensions.first(where: { $0 < 0 }) { throw .invalidCorrelation("rank correlation dimension \(d) is negative") }
        if Set(dimensions).count != k { throw .invalidCorrelation("rank correlation dimensions repeat (got \(dimensions))") }
        for i in 0..<k {
            if spearman[i][i] != 1 {
                throw .invalidCorrelation("rank correlation diagonal must be 1 (entry [\(i)][\(i)] is \(formatNumber(spearman[i][i])))")
            }
            for j in 0..<k {
                let r = spearman[i][j]
                if !(r >= -1 && r <= 1) {
                    throw .invalidCorrelation("rank correlation entry [\(i)][\(j)] must lie in [-1, 1] (got \(formatNumber(r)))")
                }
                if abs(r - spearman[j][i]) > 1e-12 {
                    throw .invalidCorrelation(
                        "rank correlation matrix must be symmetric (entry [\(i)][\(j)] is \(formatNumber(r)), [\(j)][\(i)] is \(formatNumber(spearman[j][i])))")
                }
            }
        }
        let normal = spearman.map { row in row.map { r in r == 1 ? 1 : 2 * sin(Double.pi * r / 6) } }
        guard let factor = Self.cholesky(normal) else {
            let smallest = Self.eigenvalues(normal).min() ?? .nan
            throw .invalidCorrelation(
                "rank correlation matrix is not positive semi-definite: the normal-space matrix 2 sin(π ρ / 6) has smallest eigenvalue \(String(format: "%.6g", smallest))")
        }
        self.dimensions = dimensions
        self.spearman = spearman
        self.normalCorrelation = normal
        self.factor = factor
    }

    /// Correlates the chosen dimensions of one path's uniforms, in place.
    /// Other dimensions are untouched. Results stay in (0, 1) (clamped to
    /// [2^-1022, 1 - 2^-53] where Φ under- or overflows).
    ///
    /// - Complexity: O(k²) for k correlated dimensions; no allocation.
    public func apply(to u: UnsafeMutableBufferPointer<Double>) {
        for d in dimensions { precondition(d < u.count, "dimension \(d) outside the path's \(u.count) uniforms") }
        guard let first = u.baseAddress else { return }
        apply(lanes: first)
    }

    /// `apply(to:)` on each lane of `u` (`u[d]` holds dimension d of one path, or of eight paths
    /// side by side in `Lanes`), every dimension of `dimensions` inside `u`: the same operations
    /// lane by lane (the eight-lane normal quantile, the C library's `erfc` per lane), so each
    /// lane equals the one-path result to the bit.
    @inline(__always)
    func apply<V: StandardNormalLanes>(lanes u: UnsafeMutablePointer<V>) {
        let k = dimensions.count
        dimensions.withUnsafeBufferPointer { dimensions in
            // z in place, then y = L z from the last row up (row i reads z_0...z_i only).
            for d in dimensions { u[d] = u[d].standardNormalQuantile }
            factor.withUnsafeBufferPointer { l in
                for i in stride(from: k - 1, through: 0, by: -1) {
                    var y = V.zero
                    for j in 0...i { y += l[i * k + j] * u[dimensions[j]] }
                    u[dimensions[i]] = y
                }
            }
            for d in dimensions {
                u[d] = u[d].lanewise { Swift.min(Swift.max(StandardNormal.cdf($0), .leastNormalMagnitude), 1.0.nextDown) }
            }
        }
    }

    /// `apply(to:)` for an array.
    public func apply(to u: inout [Double]) {
        u.withUnsafeMutableBufferPointer { apply(to: $0) }
    }

    /// Cholesky factor, allowing zero pivots (singular but semi-definite
    /// matrices such as perfect correlation): a pivot within 1e-10 of zero
    /// zeroes its column. Returns nil on a clearly negative pivot.
    static func cholesky(_ a: [[Double]]) -> [Double]? {
        let n = a.count
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var pivot = a[j][j]
            for m in 0..<j { pivot -= l[j * n + m] * l[j * n + m] }
            if pivot < -1e-10 { return nil }
            let root = pivot > 1e-10 ? pivot.squareRoot() : 0
            l[j * n + j] = root
            for i in (j + 1)..<n {
                var s = a[i][j]
                for m in 0..<j { s -= l[i * n + m] * l[j * n + m] }
                if root == 0 {
                    if abs(s) > 1e-8 { return nil }
                    l[i * n + j] = 0
                } else {
                    l[i * n + j] = s / root
                }
            }
        }
        return l
    }

    /// Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (Golub
    /// and Van Loan, Matrix Computations, §8.5); only for error messages.
    static func eigenvalues(_ matrix: [[Double]]) -> [Double] {
        var a = matrix
        let n = a.count
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where p != q { off += a[p][q] * a[p][q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for r in 0..<n {
                        let arp = a[r][p], arq = a[r][q]
                        a[r][p] = c * arp - s * arq
                        a[r][q] = s * arp + c * arq
                    }
                    for r in 0..<n {
                        let apr = a[p][r], aqr = a[q][r]
                        a[p][r] = c * apr - s * aqr
                        a[q][r] = s * apr + c * aqr
                    }
                }
            }
        }
        return (0..<n).map { a[$0][$0] }
    }
}

/// Spearman's rank correlation of two equally long samples: the Pearson
/// correlation of their ranks, ties given their average rank. Returns nan
/// for fewer than two points or a constant sample.
///
/// - Complexity: O(n log n).
public func spearman(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "spearman needs samples of equal length (got \(x.count) and \(y.count))")
    let n = x.count
    guard n >= 2 else { return .nan }
    func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var r = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for m in i...j { r[order[m]] = average }
            i = j + 1
        }
        return r
    }
    let rx = ranks(x), ry = ranks(y)
    let mean = Double(n + 1) / 2
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for i in 0..<n {
        let dx = rx[i] - mean, dy = ry[i] - mean
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    }
    return sxy / (sxx * syy).squareRoot()
}
