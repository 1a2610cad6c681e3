extension SobolIndices {
    /// The indices of one Monte Carlo metric of a scenario over its uncertain inputs and policy
    /// risks (`StochasticModel.groups`): a per-year multiplier or a process counts as one group
    /// of all its years' uniforms, a policy risk as one group of its four events.
    ///
    /// Each evaluation draws a path from the uniforms exactly as `steppe run` does (copula and
    /// processes included) and runs the pro forma on an engine workspace owned by its worker, the
    /// path in every lane. `progress` is told the base samples finished so far.
    public static func estimate(_ drawer: StochasticModel, metric: PathMetric, samples: Int, seed: UInt64 = 1,
                                sampler: SamplingMethod = .sobol, bootstrap: Int = 500, confidence: Double = 0.95,
                                threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws(SamplingError) -> SobolIndices {
        let groups = drawer.groups.map { Group(name: $0.name, dimensions: $0.dimensions) }
        return try estimate(dimension: drawer.dimension, groups: groups, samples: samples, seed: seed, sampler: sampler,
                            bootstrap: bootstrap, confidence: confidence, threads: threads, progress: progress) {
            let engine = LaneModel(model: drawer.base, drawer: drawer)
            let ws = LaneWorkspace(engine)
            var lanes = [Lanes](repeating: Lanes(repeating: 0.5), count: max(drawer.dimension, 1))
            var out = [Lanes](repeating: .zero, count: PathMetric.allCases.count)
            return { u in
                for d in 0..<drawer.dimension { lanes[d] = Lanes(repeating: u[d]) }
                lanes.withUnsafeMutableBufferPointer { u in
                    out.withUnsafeMutableBufferPointer { engine.evaluate(u.baseAddress!, ws, only: [metric], into: $0.baseAddress!) }
                }
                let x = out[metric.rawValue][0]
                return PathMetric.isAccountable(x) ? x : .nan
            }
        }
    }
}
