extension MonteCarloSummary {
    /// The run's result as JSON: `paths`, `seed`, `sampler`, and under `metrics` one object per
    /// metric with `count`, `undefined` (and `undefinedReason` when there are any), `mean`, `sd`, `stdError`, `min`, `max`, `p1`…`p99` and
    /// its probability field, and with exact quantiles a `histogram` {`lower`, `upper`, `counts`}:
    /// path counts in equal bins from the smallest to the largest defined value, for the
    /// report's histogram and cumulative distribution. No timings or host details, so equal runs give equal bytes.
    ///
    /// - Parameter extra: members appended at the end (base case, representative paths, conventions).
    public func json(extra: [(String, JSONValue)] = []) -> JSONValue {
        let c = state.identity.configuration
        func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        let metrics: [(String, JSONValue)] = statistics.map { s in
            var members: [(String, JSONValue)] = [
                ("count", .number(Double(s.count))), ("undefined", .number(Double(s.undefined))),
                ("mean", number(s.mean)), ("sd", number(s.standardDeviation)), ("stdError", number(s.standardError)),
                ("min", number(s.minimum)), ("max", number(s.maximum)),
            ]
            if s.undefined > 0 { members.append(("undefinedReason", .string(s.metric.undefinedReason))) }
            for (p, v) in s.percentiles { members.append(("p\(p)", .number(v))) }
            if let name = s.metric.probabilityName { members.append((name, number(s.probabilityBelow))) }
            if let h = histogram(s.metric) {
                members.append(("histogram", .object([("lower", .number(h.lower)), ("upper", .number(h.upper)),
                                                      ("counts", .array(h.counts.map { .number(Double($0)) }))])))
            }
            return (s.metric.name, .object(members))
        }
        var members: [(String, JSONValue)] = [
            ("scenario", .object([("name", .string(state.identity.scenarioName)),
                                  ("fingerprint", .string(state.identity.scenarioFingerprint))])),
            ("paths", .number(Double(c.paths))),
            ("completedPaths", .number(Double(state.completedPaths))),
            ("partial", .bool(state.isPartial)),
            ("seed", .string(String(c.seed))),
            ("sampler", .string(c.sampler.rawValue)),
            ("chunkSize", .number(Double(c.chunkSize))),
            ("quantiles", .string(state.values != nil
                ? "exact: linear interpolation between order statistics (numpy 'linear')"
                : "estimated: DDSketch, relative error at most \(QuantileSketch.relativeAccuracy)")),
            ("thresholds", .object([("hurdleRate", .number(state.identity.hurdleRate)),
                                    ("dscrCovenant", .number(c.dscrCovenant))])),
            ("metrics", .object(metrics)),
        ]
        members.append(contentsOf: extra)
        return .object(members)
    }
}

extension PathMetric {
    /// The JSON name of the metric's probability field, if it has one.
    public var probabilityName: String? {
        switch self {
        case .equityNPV, .projectNPV: return "probabilityNegative"
        case .equityIRR, .projectIRR: return "probabilityBelowHurdle"
        case .minDSCR: return "probabilityBelowCovenant"
        case .paybackYears, .equityPaybackYears, .levelizedCost: return nil
        }
    }
}

extension MonteCarloSummary {
    /// Bins of a report histogram.
    public static let histogramBins = 40

    /// Counts of the defined values of `metric` in `histogramBins` equal bins spanning
    /// [minimum, maximum] (the maximum falls in the last bin); nil without exact values
    /// (a sketched run) or without defined values. All values in one bin when they are equal.
    ///
    /// Depends only on the set of values, so a merged run gives the same counts as the
    /// unsharded one.
    ///
    /// - Complexity: O(*n*) in paths.
    public func histogram(_ metric: PathMetric) -> (lower: Double, upper: Double, counts: [Int])? {
        guard let values = state.values?[metric.rawValue], let h = EqualBinHistogram(values, bins: Self.histogramBins) else { return nil }
        return (h.lower, h.upper, h.counts)
    }
}
