/// Chooses a few bounded inputs of a scenario (capacities of a hydrogen plant, say) that maximise
/// or minimise one metric of the deterministic base case, or a statistic of it over Monte Carlo
/// paths (`objective`, with common random numbers: see `SampledStatistic`).
///
/// Method, for a few continuous, expensive variables whose objective has kinks (the dispatch
/// switches hours between electrolyser, export and curtailment as sizes change, so the metric is
/// piecewise smooth and has no useful derivative): a coarse grid over the box finds the basin of
/// the best point, then Nelder-Mead (reflection 1, expansion 2, contraction ½, shrink ½) polishes
/// it in coordinates scaled to [0, 1] per variable, every trial point clamped into the bounds. It
/// stops when the simplex fits within `tolerance` of each variable's range around its best
/// vertex, so the optimum is located to ± `tolerance` × (upper − lower) near a single-peaked
/// optimum; a grid spacing finer than the basin width keeps it from a distant local optimum.
/// Points where the metric is undefined or the scenario cannot be read rank last.
///
/// Every evaluation goes through `ParameterSweep.evaluate`, so it reads the scenario as the file is
/// read, with the per-capacity costs (`CapacityCost`) of each size. The search is deterministic
/// for any thread count: the base-case grid keeps grid order, and a Monte Carlo statistic is the
/// same for any thread count, so the same points are visited in the same order.
public struct SizingOptimiser: Sendable {
    /// One variable: a number of the scenario at `keyPath` within `lower`...`upper`.
    public struct Variable: Sendable, Equatable {
        public var keyPath: String
        public var lower: Double
        public var upper: Double

        public init(keyPath: String, lower: Double, upper: Double) {
            self.keyPath = keyPath; self.lower = lower; self.upper = upper
        }

        /// Parses `key.path=lower:upper` with lower < upper, both at most 1e15 in magnitude.
        public init?(_ text: String) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let range = parts[1].split(separator: ":").map(String.init)
            guard range.count == 2, let a = Double(range[0]), let b = Double(range[1]), a < b,
                  abs(a) <= Scenario.largestNumber, abs(b) <= Scenario.largestNumber else { return nil }
            self.init(keyPath: parts[0], lower: a, upper: b)
        }
    }

    /// How far one variable may move, the others at the optimum, with the metric within 1% of the best.
    public struct Flatness: Sendable, Equatable {
        public var keyPath: String
        /// The smallest and largest scanned values within 1% of the best, contiguous with the optimum.
        public var low: Double
        public var high: Double
        /// Spacing of the scan (the range is known to this resolution).
        public var step: Double
    }

    /// What is optimised: the base case's metric, or a statistic of it over Monte Carlo paths.
    public enum Objective: Sendable, Equatable {
        case baseCase
        case monteCarlo(SampledStatistic)
    }

    /// Where an evaluation was made: on the coarse grid, by Nelder-Mead, or by the flatness scan.
    public enum Phase: String, Sendable {
        case grid, polish, flatness
    }

    /// One evaluated design point, in the order the search made them.
    public struct Step: Sendable {
        public var values: [Double]
        /// The objective there (the metric, or its statistic); nil when undefined or not evaluated.
        public var value: Double?
        public var phase: Phase
    }

    public struct Result: Sendable {
        public var variables: [Variable]
        public var metric: String
        public var minimize: Bool
        public var objective: Objective
        /// The best point found (its values, base-case metrics and dispatch summary).
        public var optimum: ParameterSweep.Point
        /// The objective there (the base-case metric, or its statistic over the paths); nil when it is
        /// undefined at every evaluated point.
        public var value: Double?
        /// The statistic at the optimum with its standard error and path counts (Monte Carlo objective only).
        public var estimate: SampledStatistic.Estimate?
        /// Every distinct evaluation, in the order made.
        public var search: [Step]
        /// Distinct scenario evaluations, grid, polish and flatness scans together.
        public var evaluations: Int
        public var gridEvaluations: Int
        public var flatness: [Flatness]
        public var tolerance: Double
    }

    public let variables: [Variable]
    public let metric: String
    public let minimize: Bool
    public var objective: Objective = .baseCase
    /// Grid values per variable (at least 2).
    public var gridSteps = 5
    /// Nelder-Mead stops when every vertex is within this share of each range of the best.
    public var tolerance = 0.005
    /// Most Nelder-Mead evaluations.
    public var maxEvaluations = 200
    /// Values per variable in the flatness scan.
    public var flatnessSteps = 21
    public var threads = 1
    let sweep: ParameterSweep

    public init(document: SourceNode, variables: [Variable], metric: String, minimize: Bool,
                read: @escaping ParameterSweep.Reader) {
        self.variables = variables; self.metric = metric; self.minimize = minimize
        sweep = ParameterSweep(document: document, parameters: variables.map {
            ParameterSweep.Parameter(keyPath: $0.keyPath, from: $0.lower, to: $0.upper, count: 1)
        }, read: read)
    }

    /// One design point: the base-case point and the objective there.
    struct Evaluated: Sendable {
        var point: ParameterSweep.Point
        var value: Double?
        var estimate: SampledStatistic.Estimate?

        init(point: ParameterSweep.Point, value: Double?, estimate: SampledStatistic.Estimate?) {
            self.point = point; self.value = value; self.estimate = estimate
        }

        /// A base-case point: the objective is its metric.
        init(point: ParameterSweep.Point, metric: String) {
            self.init(point: point, value: point.metrics?.all.first { $0.name == metric }?.value.number, estimate: nil)
        }
    }

    /// The design point at `values` under the objective; the Monte Carlo run uses `threads` threads.
    func evaluate(_ values: [Double]) -> Evaluated {
        switch objective {
        case .baseCase:
            return Evaluated(point: sweep.evaluate(values), metric: metric)
        case .monteCarlo(let statistic):
            guard let pathMetric = PathMetric.allCases.first(where: { $0.name == metric }) else {
                let point = ParameterSweep.Point(values: values, metrics: nil, dispatch: nil,
                                                 errors: ["\(metric) is not tracked per Monte Carlo path; use one of \(PathMetric.allCases.map(\.name).joined(separator: ", "))"])
                return Evaluated(point: point, value: nil, estimate: nil)
            }
            let (point, estimate) = sweep.evaluate(values) { scenario throws(ScenarioErrors) in
                try statistic.estimate(scenario, metric: pathMetric, threads: threads)
            }
            return Evaluated(point: point, value: estimate?.value, estimate: estimate)
        }
    }

    /// The number to minimise: the objective, negated when maximising; undefined ranks last.
    func cost(_ e: Evaluated) -> Double {
        guard let v = e.value else { return .greatestFiniteMagnitude }
        return minimize ? v : -v
    }

    public func run(progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        var cache: [[Double]: Evaluated] = [:]
        var search: [Step] = []
        func record(_ e: Evaluated, _ phase: Phase) {
            cache[e.point.values] = e
            search.append(Step(values: e.point.values, value: e.value, phase: phase))
        }
        let grid = ParameterSweep(document: sweep.document, parameters: variables.map {
            ParameterSweep.Parameter(keyPath: $0.keyPath, from: $0.lower, to: $0.upper, count: max(2, gridSteps))
        }, read: sweep.read)
        switch objective {
        case .baseCase:
            // Grid points in parallel, kept in grid order.
            for p in grid.run(threads: threads, progress: progress) where cache[p.values] == nil { record(Evaluated(point: p, metric: metric), .grid) }
        case .monteCarlo:
            // Grid points one after another, each Monte Carlo run on every thread.
            for k in 0..<grid.size where cache[grid.values(at: k)] == nil {
                record(evaluate(grid.values(at: k)), .grid)
                progress?(cache.count)
            }
        }
        let gridEvaluations = cache.count
        var phase = Phase.polish

        func denormalised(_ u: [Double]) -> [Double] {
            zip(variables, u).map { v, x in v.lower + (v.upper - v.lower) * min(1, max(0, x)) }
        }
        func f(_ u: [Double]) -> Double {
            let x = denormalised(u)
            if let e = cache[x] { return cost(e) }
            let e = evaluate(x)
            record(e, phase)
            progress?(cache.count)
            return cost(e)
        }
        func better(_ a: Evaluated, _ b: Evaluated) -> Bool {
            cost(a) < cost(b) || (cost(a) == cost(b) && a.point.values.lexicographicallyPrecedes(b.point.values))
        }

        // Start from the best grid point, with a simplex one grid spacing wide.
        let start = cache.values.min(by: better)!.point
        let u0 = zip(variables, start.values).map { v, x in (x - v.lower) / (v.upper - v.lower) }
        let spacing = 1 / Double(max(2, gridSteps) - 1)
        var simplex: [[Double]] = [u0]
        for j in variables.indices {
            var u = u0
            u[j] = u0[j] + spacing <= 1 ? u0[j] + spacing : u0[j] - spacing
            simplex.append(u)
        }
        var values = simplex.map(f)
        let budget = cache.count + maxEvaluations
        while cache.count < budget {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }; values = order.map { values[$0] }
            let best = simplex[0]
            let spread = simplex.dropFirst().map { u in zip(u, best).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if spread <= tolerance { break }
            let n = variables.count
            let centroid = (0..<n).map { j in simplex.dropLast().reduce(0) { $0 + $1[j] } / Double(n) }
            func along(_ t: Double) -> [Double] { (0..<n).map { j in min(1, max(0, centroid[j] + t * (simplex[n][j] - centroid[j]))) } }
            let reflected = along(-1), fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5), fc = f(contracted)
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        simplex[i] = zip(best, simplex[i]).map { $0 + 0.5 * ($1 - $0) }
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        let best = cache.values.min(by: better)!
        let optimum = best.point, value = best.value
        phase = .flatness
        var flatness: [Flatness] = []
        if let value {
            for (j, v) in variables.enumerated() {
                let steps = max(2, flatnessSteps)
                let step = (v.upper - v.lower) / Double(steps - 1)
                func within(_ x: Double) -> Bool {
                    var at = optimum.values
                    at[j] = x
                    let u = zip(variables, at).map { w, y in (y - w.lower) / (w.upper - w.lower) }
                    let c = f(u)
                    guard c < .greatestFiniteMagnitude else { return false }
                    return abs((minimize ? c : -c) - value) <= 0.01 * abs(value)
                }
                // Walk out from the optimum along the scan grid, each way, while the metric stays within 1%.
                let position = (optimum.values[j] - v.lower) / step
                var low = optimum.values[j], high = optimum.values[j]
                var k = Int(position.rounded(.down))
                while k >= 0, within(v.lower + Double(k) * step) { low = min(low, v.lower + Double(k) * step); k -= 1 }
                k = Int(position.rounded(.up))
                while k < steps, within(v.lower + Double(k) * step) { high = max(high, v.lower + Double(k) * step); k += 1 }
                flatness.append(Flatness(keyPath: v.keyPath, low: low, high: high, step: step))
            }
        }
        return Result(variables: variables, metric: metric, minimize: minimize, objective: objective, optimum: optimum, value: value,
                      estimate: best.estimate, search: search, evaluations: cache.count, gridEvaluations: gridEvaluations, flatness: flatness, tolerance: tolerance)
    }
}
