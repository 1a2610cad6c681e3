import Foundation

/// The text summary of a Monte Carlo run: one line per metric with mean, spread,
/// P10/P50/P90 and its probability, then the conventions and the modules' summaries of the first paths.
public enum MonteCarloText {
    /// - Parameter moduleSummaries: the modules' summaries of the run's first paths, as the result JSON
    ///   holds them (`MonteCarloStudy.firstPaths(_:)`, evaluated once for both).
    public static func summary(study: MonteCarloStudy, state: RunState, moduleSummaries: [ModulePathSummary]) -> String {
        let summary = MonteCarloSummary(state, thresholds: study.thresholds)
        let c = state.identity.configuration
        var out = "\(state.identity.scenarioName)\n"
        out += "\(state.completedPaths) of \(c.paths) paths, seed \(c.seed), sampler \(c.sampler.rawValue)"
        out += state.isPartial ? " (PARTIAL: interrupted)\n\n" : "\n\n"
        out += "metric                        mean        sd         P10         P50         P90   probability\n"
        for s in summary.statistics {
            func fmt(_ x: Double?) -> String { x.map { format(s.metric, $0) } ?? "-" }
            let p = { (q: Int) in fmt(s.percentiles.first { $0.0 == q }?.1) }
            var line = s.metric.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            for v in [fmt(s.mean), fmt(s.standardDeviation), p(10), p(50), p(90)] { line += pad(v, 12) }
            if let prob = s.probabilityBelow, let name = s.metric.probabilityName {
                line += "  " + ReportFormat.probability(prob, paths: Double(s.count)) + " " + describe(name, s.threshold)
            }
            if s.undefined > 0 { line += "  (undefined on \(s.undefined) paths: \(s.metric.undefinedReason))" }
            out += line + "\n"
        }
        for pair in study.achievedCorrelations {
            let achieved = pair.achieved.map { String(format: "%.3f", $0) } ?? "undefined (\(MonteCarloStudy.achievedCorrelationUndefined))"
            out += String(format: "rank correlation %@ ~ %@: target %.2f, achieved ", pair.first, pair.second, pair.target) + achieved + "\n"
        }
        let priceUnit: String = study.runner.model.priceUnit
        out += "\nmoney in million CNY, rates in %, DSCR as a ratio, levelized cost in " + priceUnit + "; P10/P50/P90 are "
        out += state.values != nil ? "exact sample quantiles\n" : "DDSketch estimates (relative error <= 0.1%)\n"
        out += "minimum DSCR " + CompiledModel.debtServiceCoverWindowNote + "\n"
        for module in moduleSummaries { out += "\n" + module.text }
        return out
    }

    static func format(_ metric: PathMetric, _ x: Double) -> String {
        switch metric {
        case .equityNPV, .projectNPV: return String(format: "%.2f", x / 1e6)
        case .equityIRR, .projectIRR: return String(format: "%.2f%%", x * 100)
        case .minDSCR, .paybackYears, .equityPaybackYears, .levelizedCost: return String(format: "%.3f", x)
        }
    }

    static func describe(_ name: String, _ threshold: Double?) -> String {
        switch name {
        case "probabilityNegative": return "NPV < 0"
        case "probabilityBelowHurdle": return String(format: "IRR < %.2f%%", (threshold ?? 0) * 100)
        default: return String(format: "DSCR < %.2f", threshold ?? 0)
        }
    }

    static func pad(_ s: String, _ width: Int) -> String { ReportFormat.rightAligned(s, width) }
}
