extension SobolIndices {
    /// The indices of one Monte Carlo metric of a scenario over its uncertain inputs and policy
    /// risks (`StochasticModel.groups`): a per-year multiplier or a process counts as one group
    /// of all its years' uniforms, a policy risk as one group of its four events.
    ///
    /// Each evaluation draws a path from the uniforms exactly as `steppe run` does (copula and
    /// processes included) and runs the pro forma on a model copy owned by its worker.
    /// `progress` is told the base samples finished so far.
    public static func estimate(_ drawer: StochasticModel, metric: PathMetric, samples: Int, seed: UInt64 = 1,
                                sampler: SamplingMethod = .sobol, bootstrap: Int = 500, confidence: Double = 0.95,
                                threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws(SamplingError) -> SobolIndices {
        let groups = drawer.groups.map { Group(name: $0.name, dimensions: $0.dimensions) }
        return try estimate(dimension: drawer.dimension, groups: groups, samples: samples, seed: seed, sampler: sampler,
                            bootstrap: bootstrap, confidence: confidence, threads: threads, progress: progress) {
            var m = drawer.base
            var ws = Workspace(for: drawer.base)
            var out = [Double](repeating: .nan, count: PathMetric.allCases.count)
            return { u in
                drawer.apply(u, to: &m)
                ProFormaEngine.run(m, &ws)
                out.withUnsafeMutableBufferPointer { PathMetric.compute(m, ws, into: $0, only: [metric]) }
                return out[metric.rawValue]
            }
        }
    }
}
