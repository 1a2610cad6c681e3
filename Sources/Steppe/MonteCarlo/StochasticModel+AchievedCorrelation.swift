extension StochasticModel {
    /// The rank correlations the draws achieve between each pair of correlated inputs, next to
    /// their targets: the Spearman coefficient of the drawn values over the first
    /// min(`paths`, `limit`) paths of `sampler`. Deterministic for a given sampler.
    public func achievedRankCorrelations(sampler: any PathSampler, limit: Int = 10_000)
        -> [(first: String, second: String, target: Double, achieved: Double?)] {
        guard let correlation else { return [] }
        let dims = correlation.dimensions
        let inputsByDimension = dims.map { d in inputs.first { $0.firstDimension == d } }
        // Each correlated distribution input's prepared quantile (draws and inputs share their order).
        let quantiles = dims.map { d -> PreparedQuantile? in
            guard let k = inputs.firstIndex(where: { $0.firstDimension == d }), case .distribution = inputs[k].law else { return nil }
            return draws[k].quantile
        }
        let n = min(sampler.pathCount, limit)
        var values = [[Double]](repeating: [], count: dims.count)
        for k in values.indices { values[k].reserveCapacity(n) }
        // Eight paths at a time, as the engine draws them: the same uniforms, copula and quantiles lane by lane.
        let u = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: dimension)
        defer { u.deallocate() }
        for first in stride(from: 0, to: n, by: Lanes.scalarCount) {
            sampler.fillLanes(firstPath: first, into: u)
            correlation.apply(lanes: u.baseAddress!)
            for (k, quantile) in quantiles.enumerated() {
                guard let quantile else { continue }
                let x = quantile.quantile(u[dims[k]])
                for j in 0..<min(Lanes.scalarCount, n - first) { values[k].append(x[j]) }
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
