import Dispatch
import Foundation

/// Variance-based sensitivity indices of a function of independent uniforms: for each group
/// of inputs X_i, the first-order index S_i = V(E[Y | X_i]) / V(Y) (the share of the variance
/// that X_i explains alone) and the total index S_Ti = E[V(Y | X_~i)] / V(Y) (its share
/// including all its interactions), with bootstrap confidence intervals.
///
/// Sampling follows Saltelli et al., "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181 (2010)
/// 259-270: two N × D matrices A and B (the first and last D coordinates of a 2D-dimensional
/// sample, by default scrambled Sobol' points), and for each group i the matrix AB_i, A with
/// the group's columns taken from B; N (k + 2) evaluations for k groups. Estimators, with
/// V the variance of f(A) and f(B) pooled:
///
/// - first order (Saltelli 2010, Table 2 (b)): S_i = (1/N) Σ f(B)_j (f(AB_i)_j - f(A)_j) / V
/// - total (Jansen 1999, Table 2 (f)): S_Ti = (1/2N) Σ (f(A)_j - f(AB_i)_j)² / V
///
/// Outputs are centred on their pooled mean first, which leaves both estimators' expectations
/// unchanged and removes the cancellation of large offsets (an NPV of 10^8 yuan varying by 10^6).
///
/// Confidence intervals: `bootstrap` resamples of the N rows with replacement (a fixed seed, so
/// intervals are reproducible), percentile intervals at level `confidence` (Efron & Tibshirani
/// 1993, ch. 13). A row where any evaluation is not finite (e.g. an undefined IRR) is dropped
/// from every index and counted in `discardedRows`.
///
/// The indices assume independent inputs; with a rank correlation between inputs (applied
/// inside the function by the scenario's copula) they attribute variance to the independent
/// uniforms that drive the correlated inputs, so read them with care.
public struct SobolIndices: Sendable {
    /// Inputs whose uniforms move together: a scalar input (one dimension), a yearly input
    /// (one dimension per year) or a policy risk's events.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var dimensions: Range<Int>
        public init(name: String, dimensions: Range<Int>) { self.name = name; self.dimensions = dimensions }
    }

    /// One group's indices and their intervals.
    public struct Index: Sendable {
        public var name: String
        public var firstOrder: Double
        public var firstOrderInterval: ClosedRange<Double>
        public var total: Double
        public var totalInterval: ClosedRange<Double>
    }

    public var indices: [Index]
    /// Mean and variance of the output (pooled over A and B).
    public var mean: Double
    public var variance: Double
    /// Rows N (base sample size) and evaluations N (k + 2).
    public var samples: Int
    public var evaluations: Int
    public var discardedRows: Int
    public var bootstrap: Int
    public var confidence: Double
    public var seed: UInt64
    public var sampler: SamplingMethod

    /// Estimates the indices of a function of `dimension` uniforms in (0, 1).
    ///
    /// - Parameters:
    ///   - groups: a partition of 0..<dimension (default: one group per dimension, named `x1`, `x2`, ...).
    ///   - samples: N, the rows of A and B; use a power of two with the Sobol' sampler.
    ///   - threads: workers; rows are split into fixed chunks, so results do not depend on it.
    ///   - progress: called after each chunk with the rows of A and B finished so far (each row
    ///     is k + 2 evaluations), for a progress bar.
    ///   - makeFunction: called once per worker; returns the function, which may keep private
    ///     scratch state and may overwrite the uniforms it is given.
    /// - Throws: `SamplingError.invalidSampler` for a sample the sampler cannot give, or groups
    ///   that do not partition the dimensions.
    /// - Complexity: N (k + 2) evaluations, plus O(`bootstrap` × N × k) for the intervals.
    public static func estimate(dimension: Int, groups: [Group]? = nil, samples: Int, seed: UInt64 = 1,
                                sampler: SamplingMethod = .sobol, bootstrap: Int = 500, confidence: Double = 0.95,
                                threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil,
                                makeFunction: @Sendable () -> (UnsafeMutableBufferPointer<Double>) -> Double)
        throws(SamplingError) -> SobolIndices {
        let groups = groups ?? (0..<dimension).map { Group(name: "x\($0 + 1)", dimensions: $0..<($0 + 1)) }
        let covered = groups.flatMap { Array($0.dimensions) }.sorted()
        guard covered == Array(0..<dimension) else {
            throw .invalidSampler("Sobol indices need groups that cover dimensions 0..<\(dimension) exactly once")
        }
        guard samples >= 2 else { throw .invalidSampler("Sobol indices need at least 2 samples (got \(samples))") }
        let points = try sampler.sampler(seed: seed, pathCount: samples, dimensions: 2 * dimension)
        let k = groups.count, width = k + 2
        // outputs[j * width + c]: c = 0 f(A), 1 f(B), 2 + i f(AB_i).
        let outputs = SharedDoubles(count: samples * width)
        let chunk = 256
        let chunkCount = (samples + chunk - 1) / chunk
        let workers = max(1, min(threads, chunkCount))
        let finished = ProgressCounter(progress)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let f = makeFunction()
            var row = [Double](repeating: 0.5, count: 2 * dimension)
            var x = [Double](repeating: 0.5, count: dimension)
            var c = w
            while c < chunkCount {
                for j in (c * chunk)..<min((c + 1) * chunk, samples) {
                    points.fill(path: j, into: &row)
                    func evaluate(_ column: Int, _ fill: (inout [Double]) -> Void) {
                        fill(&x)
                        outputs[j * width + column] = x.withUnsafeMutableBufferPointer { f($0) }
                    }
                    evaluate(0) { for d in 0..<dimension { $0[d] = row[d] } }
                    evaluate(1) { for d in 0..<dimension { $0[d] = row[dimension + d] } }
                    for (i, g) in groups.enumerated() {
                        evaluate(2 + i) { x in
                            for d in 0..<dimension { x[d] = row[d] }
                            for d in g.dimensions { x[d] = row[dimension + d] }
                        }
                    }
                }
                finished.add(min((c + 1) * chunk, samples) - c * chunk)
                c += workers
            }
        }
        var rows: [Int] = []
        for j in 0..<samples where (0..<width).allSatisfy({ outputs[j * width + $0].isFinite }) { rows.append(j) }
        let values = outputs.array
        guard rows.count >= 2 else {
            throw .invalidSampler("Sobol indices: the function is undefined on \(samples - rows.count) of \(samples) rows")
        }
        let point = indices(values, width: width, k: k, rows: rows)
        var generator = SplitMix64(key: seed, 0x5_0B01)
        var firstSamples = [[Double]](repeating: [], count: k), totalSamples = firstSamples
        var resample = rows
        for _ in 0..<bootstrap {
            for r in resample.indices { resample[r] = rows[Int(generator.next() % UInt64(rows.count))] }
            let b = indices(values, width: width, k: k, rows: resample)
            for i in 0..<k { firstSamples[i].append(b.first[i]); totalSamples[i].append(b.total[i]) }
        }
        func interval(_ xs: [Double], _ x: Double) -> ClosedRange<Double> {
            let s = xs.filter(\.isFinite).sorted()
            guard !s.isEmpty else { return x...x }
            let alpha = (1 - confidence) / 2
            let lo = s[min(s.count - 1, max(0, Int((alpha * Double(s.count)).rounded(.down))))]
            let hi = s[min(s.count - 1, max(0, Int(((1 - alpha) * Double(s.count)).rounded(.up)) - 1))]
            return min(lo, hi)...max(lo, hi)
        }
        return SobolIndices(
            indices: (0..<k).map { i in
                Index(name: groups[i].name, firstOrder: point.first[i], firstOrderInterval: interval(firstSamples[i], point.first[i]),
                      total: point.total[i], totalInterval: interval(totalSamples[i], point.total[i]))
            },
            mean: point.mean, variance: point.variance, samples: samples, evaluations: samples * width,
            discardedRows: samples - rows.count, bootstrap: bootstrap, confidence: confidence, seed: seed, sampler: sampler)
    }

    /// `estimate` for a plain function of an array of uniforms.
    public static func estimate(dimension: Int, groups: [Group]? = nil, samples: Int, seed: UInt64 = 1,
                                sampler: SamplingMethod = .sobol, bootstrap: Int = 500, confidence: Double = 0.95,
                                function: @escaping @Sendable ([Double]) -> Double) throws(SamplingError) -> SobolIndices {
        try estimate(dimension: dimension, groups: groups, samples: samples, seed: seed, sampler: sampler,
                     bootstrap: bootstrap, confidence: confidence) { { function(Array($0)) } }
    }

    /// The point estimates over `rows` (with repetition, for the bootstrap).
    static func indices(_ v: [Double], width: Int, k: Int, rows: [Int]) -> (first: [Double], total: [Double], mean: Double, variance: Double) {
        let n = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += v[j * width] + v[j * width + 1] }
        let mean = sum / (2 * n)
        var squares = 0.0
        for j in rows {
            let a = v[j * width] - mean, b = v[j * width + 1] - mean
            squares += a * a + b * b
        }
        let variance = squares / (2 * n - 1)
        var first = [Double](repeating: 0, count: k), total = first
        for i in 0..<k {
            var s1 = 0.0, st = 0.0
            for j in rows {
                let a = v[j * width] - mean, b = v[j * width + 1] - mean, ab = v[j * width + 2 + i] - mean
                s1 += b * (ab - a)
                st += (a - ab) * (a - ab)
            }
            first[i] = variance > 0 ? s1 / n / variance : 0
            total[i] = variance > 0 ? st / (2 * n) / variance : 0
        }
        return (first, total, mean, variance)
    }
}

/// A buffer of doubles that workers fill at disjoint indices (no two write the same slot).
final class SharedDoubles: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Double>
    let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: .nan, count: max(count, 1))
    }

    deinit { storage.deallocate() }

    subscript(i: Int) -> Double {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    var array: [Double] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}
