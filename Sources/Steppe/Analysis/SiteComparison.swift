import Dispatch
import Foundation

/// The same project sited in several zones, run on the same Monte Carlo paths.
///
/// **Common random numbers** (Glasserman, *Monte Carlo Methods in Financial Engineering*,
/// 2004, §4.2): path i of every zone sees the same uniforms, because the zones' scenarios
/// have the same uncertain inputs in the same order (the zone changes base values only), so
/// the uniform of dimension d means the same draw of the same input everywhere. A difference
/// between two zones on a path is then due to the zones, not to noise, and
/// Var(X_A - X_B) = Var X_A + Var X_B - 2 Cov(X_A, X_B) is small when the zones respond alike.
/// With `.independent` draws each zone gets its own seed (the first keeps the study's), for
/// measuring what common numbers save.
///
/// All zones are evaluated on each group of eight paths in one pass (each worker keeps one engine
/// workspace per zone), and each path's metrics stream into `SiteComparisonState`: per-zone moments,
/// pairwise differences and regret need no stored paths, so memory does not grow with the
/// path count. Values are kept only for exact quantiles, up to the configuration's
/// `exactQuantileLimit`; beyond it a quantile sketch estimates P10/P50/P90.
public struct SiteComparison: Sendable {
    public enum Draws: String, Sendable, CaseIterable {
        case common, independent
    }

    /// One zone's project.
    public struct Site: Sendable {
        public var zone: String
        public var model: CompiledModel
        var drawer: StochasticModel
        var sampler: any PathSampler
        public var seed: UInt64
        /// The modules' own models each path runs (the hydrogen dispatch with the path's weather and plant),
        /// keyed like the uniforms: with common draws, path i has the same weather years in every zone.
        var pathModels: [ModulePathLanes]
    }

    public let sites: [Site]
    public let configuration: MonteCarloConfiguration
    public let draws: Draws

    /// - Parameters:
    ///   - sites: each zone's name and its scenario (the project read with that zone).
    /// - Throws: `ScenarioErrors` when a scenario cannot be compiled or drawn, or when the zones'
    ///   uncertain inputs or policy risks differ (their draws would not line up).
    public init(sites: [(zone: String, scenario: Scenario)], configuration: MonteCarloConfiguration,
                draws: Draws = .common) throws(ScenarioErrors) {
        guard let first = sites.first else {
            throw ScenarioErrors([ScenarioIssue(keyPath: "zones", message: "give at least one zone")])
        }
        func layout(_ s: Scenario) -> [String] {
            s.uncertainty.map { input -> String in
                switch input.law {
                case .distribution: return input.keyPath
                case .perYearMultiplier: return input.keyPath + " (per year)"
                case .process: return input.keyPath + " (process)"
                }
            } + s.policyRisks.map { "policyRisk:\($0.incentive)" }
        }
        let reference = layout(first.scenario)
        var built: [Site] = []
        for (s, site) in sites.enumerated() {
            let own = layout(site.scenario)
            if own != reference {
                throw ScenarioErrors([ScenarioIssue(keyPath: "zones[\(s)]", message:
                    "zone \(site.zone): uncertain inputs [\(own.joined(separator: ", "))] differ from zone \(first.zone)'s [\(reference.joined(separator: ", "))]; common random numbers need the same inputs in every zone")])
            }
            let model = try site.scenario.compile()
            let drawer = try StochasticModel(scenario: site.scenario, model: model)
            if let d0 = built.first?.drawer.dimension, d0 != drawer.dimension {
                throw ScenarioErrors([ScenarioIssue(keyPath: "zones[\(s)]", message:
                    "zone \(site.zone): \(drawer.dimension) uniforms per path, zone \(first.zone) has \(d0) (different operating years?)")])
            }
            let seed = draws == .common || s == 0 ? configuration.seed
                : derivedKey(seed: configuration.seed, dimension: s, purpose: 0x00C0_4D9A)
            let sampler: any PathSampler
            do {
                sampler = try configuration.sampler.sampler(seed: seed, pathCount: configuration.paths, dimensions: drawer.dimension)
            } catch {
                throw ScenarioErrors([ScenarioIssue(keyPath: "", message: error.description)])
            }
            let pathModels = try ModulePathLanes.bind(site.scenario, model: model, drawer: drawer, runSeed: seed)
            built.append(Site(zone: site.zone, model: model, drawer: drawer, sampler: sampler, seed: seed, pathModels: pathModels))
        }
        self.sites = built
        self.configuration = configuration
        self.draws = draws
    }

    /// Runs every path in every zone on `threads` workers; the result does not depend on `threads`.
    ///
    /// - Parameter progress: called after each chunk with the paths finished so far (each in every zone).
    public func run(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) -> SiteComparisonResult {
        let n = configuration.paths, metricCount = PathMetric.allCases.count, siteCount = sites.count
        let exact = configuration.exactQuantiles
        let values = SharedDoubles(count: exact ? siteCount * metricCount * n : 0)
        let chunk = 256
        let chunkCount = (n + chunk - 1) / chunk
        let workers = max(1, min(threads, chunkCount))
        let sites = self.sites, draws = self.draws
        // Base-case values: the shifts of the streamed sums.
        let shift = sites.flatMap { PathMetric.baseCase($0.model).map { $0.isFinite ? $0 : 0 } }
        let hurdles = sites.indices.map { configuration.hurdleRate ?? sites[$0].model.equityRate }
        let states = SharedResults<SiteComparisonState>(count: workers)
        let initial = SiteComparisonState(siteCount: siteCount, shift: shift, sketch: !exact)
        let engines = sites.map { LaneModel(model: $0.model, drawer: $0.drawer, pathModels: $0.pathModels) }
        let finished = ProgressCounter(progress)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let spaces = engines.map { LaneWorkspace($0) }
            let dimension = sites[0].drawer.dimension
            let shared = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: max(dimension, 1))
            let u = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: max(dimension, 1))
            let laneOut = UnsafeMutablePointer<Lanes>.allocate(capacity: siteCount * metricCount)
            shared.initialize(repeating: Lanes(repeating: 0.5)); u.initialize(repeating: Lanes(repeating: 0.5))
            laneOut.initialize(repeating: .zero, count: siteCount * metricCount)
            defer { shared.deallocate(); u.deallocate(); laneOut.deallocate() }
            let sharedOfPaths = UnsafeMutableBufferPointer(rebasing: shared[0..<dimension])
            let uOfPaths = UnsafeMutableBufferPointer(rebasing: u[0..<dimension])
            var out = [Double](repeating: .nan, count: siteCount * metricCount)
            var state = initial
            var c = w
            while c < chunkCount {
                let end = min((c + 1) * chunk, n)
                // Eight consecutive paths per step, every zone on the same eight.
                for first in stride(from: c * chunk, to: end, by: Lanes.scalarCount) {
                    if draws == .common { sites[0].sampler.fillLanes(firstPath: first, into: sharedOfPaths) }
                    for s in 0..<siteCount {
                        // The drawer transforms its uniforms in place, so each zone gets a fresh copy.
                        if draws == .common {
                            for d in 0..<dimension { u[d] = shared[d] }
                        } else {
                            sites[s].sampler.fillLanes(firstPath: first, into: uOfPaths)
                        }
                        engines[s].evaluate(u.baseAddress!, spaces[s], firstPath: first, only: PathMetric.allCases, into: laneOut + s * metricCount)
                    }
                    for j in 0..<min(Lanes.scalarCount, end - first) {
                        let path = first + j
                        for k in 0..<(siteCount * metricCount) {
                            let x = laneOut[k][j]
                            out[k] = PathMetric.isAccountable(x) ? x : .nan
                        }
                        if exact {
                            for s in 0..<siteCount {
                                for k in 0..<metricCount { values[(s * metricCount + k) * n + path] = out[s * metricCount + k] }
                            }
                        }
                        out.withUnsafeBufferPointer { state.add(path: $0, hurdles: hurdles) }
                    }
                }
                state.flush()
                finished.add(end - c * chunk)
                c += workers
            }
            states[w] = state
        }
        var merged = initial
        for w in 0..<workers { merged.merge(states[w]!) }
        return SiteComparisonResult(comparison: self, state: merged, values: exact ? values.array : nil)
    }
}

extension PathMetric {
    /// Whether a larger value is better (NPV, IRR, DSCR) or a smaller one (payback, levelized cost).
    public var higherIsBetter: Bool {
        switch self {
        case .equityNPV, .projectNPV, .equityIRR, .projectIRR, .minDSCR: return true
        case .paybackYears, .equityPaybackYears, .levelizedCost: return false
        }
    }
}
