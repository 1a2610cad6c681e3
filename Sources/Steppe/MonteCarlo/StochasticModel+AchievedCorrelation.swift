extension StochasticModel {
    /// The rank correlations the draws achieve between each pair of correlated inputs, next to
    /// their targets: the Spearman coefficient of the drawn values over the first
    /// min(`paths`, `limit`) paths of `sampler`. Deterministic for a given sampler.
    public func achievedRankCorrelations(sampler: any PathSampler, limit: Int = 10_000)
        -> [(first: String, second: String, target: Double, achieved: Double?)] {
        guard let correlation else { return [] }
        let dims = correlation.dimensions
        let inputsByDimension = dims.map { d in inputs.first { $0.firstDimension == d } }
        let n = min(sampler.pathCount, limit)
        var values = [[Double]](repeating: [], count: dims.count)
        var u = [Double](repeating: 0.5, count: dimension)
        for path in 0..<n {
            u.withUnsafeMutableBufferPointer { buffer in
                sampler.fill(path: path, into: buffer)
                correlation.apply(to: buffer)
            }
            for (k, input) in inputsByDimension.enumerated() {
                guard let input, case .distribution(let d) = input.law else { continue }
                values[k].append(d.quantile(u[input.firstDimension]))
            }
        }
        var pairs: [(String, String, Double, Double?)] = []
        for a in 0..<dims.count {
            for b in (a + 1)..<dims.count {
                guard let ia = inputsByDimension[a], let ib = inputsByDimension[b] else { continue }
                let achieved = spearman(values[a], values[b])
                pairs.append((ia.keyPath, ib.keyPath, correlation.spearman[a][b], achieved.isFinite ? achieved : nil))
            }
        }
        return pairs
    }
}
