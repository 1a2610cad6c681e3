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
        try estimate(drawer, pathModels: [], metric: metric, samples: samples, seed: seed, sampler: sampler, bootstrap: bootstrap,
                     confidence: confidence, threads: threads, progress: progress)
    }

    /// The indices of `scenario` (compiled and drawn by `drawer`), whose modules' own models run on each
    /// evaluation (`ModulePathModel`): a drawn number of the hydrogen plant is an input like any other, and
    /// what a model draws itself keyed by path (the weather years) is one more input (`drawnByPath`), driven
    /// by one more uniform that picks the path whose draws the evaluation takes.
    ///
    /// - Throws: `ScenarioErrors` when a module's per-path model cannot be built; `SamplingError` as
    ///   `estimate(_:metric:...)`.
    public static func estimate(scenario: Scenario, drawer: StochasticModel, metric: PathMetric, samples: Int, seed: UInt64 = 1,
                                sampler: SamplingMethod = .sobol, bootstrap: Int = 500, confidence: Double = 0.95,
                                threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws -> SobolIndices {
        let pathModels = try ModulePathLanes.bind(scenario, model: drawer.base, drawer: drawer, runSeed: seed)
        return try estimate(drawer, pathModels: pathModels, metric: metric, samples: samples, seed: seed, sampler: sampler,
                            bootstrap: bootstrap, confidence: confidence, threads: threads, progress: progress)
    }

    /// Paths a uniform of the draws keyed by path picks from (2^31: distinct paths for any sample size used).
    static let pathKeys = Double(1 << 31)

    static func estimate(_ drawer: StochasticModel, pathModels: [ModulePathLanes], metric: PathMetric, samples: Int, seed: UInt64,
                         sampler: SamplingMethod, bootstrap: Int, confidence: Double,
                         threads: Int, progress: (@Sendable (Int) -> Void)?) throws(SamplingError) -> SobolIndices {
        var groups = drawer.groups.map { Group(name: $0.name, dimensions: $0.dimensions) }
        let drawnByPath = pathModels.compactMap(\.model.drawnByPath)
        // One uniform picks the path whose own draws (the weather years) every module takes.
        let keyDimension: Int? = drawnByPath.isEmpty ? nil : drawer.dimension
        if let keyDimension { groups.append(Group(name: drawnByPath.joined(separator: ", "), dimensions: keyDimension..<(keyDimension + 1))) }
        let dimension = drawer.dimension + (keyDimension == nil ? 0 : 1)
        return try estimate(dimension: dimension, groups: groups, samples: samples, seed: seed, sampler: sampler,
                            bootstrap: bootstrap, confidence: confidence, threads: threads, progress: progress) {
            let engine = LaneModel(model: drawer.base, drawer: drawer, pathModels: pathModels)
            let ws = LaneWorkspace(engine)
            var lanes = [Lanes](repeating: Lanes(repeating: 0.5), count: max(drawer.dimension, 1))
            var out = [Lanes](repeating: .zero, count: PathMetric.allCases.count)
            return { u in
                for d in 0..<drawer.dimension { lanes[d] = Lanes(repeating: u[d]) }
                let path: Int? = pathModels.isEmpty ? nil : keyDimension.map { Int(u[$0] * pathKeys) } ?? 0
                lanes.withUnsafeMutableBufferPointer { u in
                    out.withUnsafeMutableBufferPointer {
                        engine.evaluate(u.baseAddress!, ws, firstPath: path, samePathInEveryLane: true, only: [metric], into: $0.baseAddress!)
                    }
                }
                let x = out[metric.rawValue][0]
                return PathMetric.isAccountable(x) ? x : .nan
            }
        }
    }
}
