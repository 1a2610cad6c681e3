import Foundation

/// Tornado, spider and Sobol indices of one metric of a scenario, as JSON and text
/// (keys documented in docs/analyses.md).
public struct SensitivityReport: Sendable {
    public let scenarioName: String
    public let metric: PathMetric
    public let baseValue: Double?
    public let tornado: [Tornado.Bar]?
    public let spider: [Tornado.SpiderLine]?
    public let sobol: SobolIndices?
    /// Names the inputs readably (`Scenario.inputLabel`); without it the key paths are shown.
    public let scenario: Scenario?

    public init(scenarioName: String, metric: PathMetric, baseValue: Double?, tornado: [Tornado.Bar]?,
                spider: [Tornado.SpiderLine]?, sobol: SobolIndices?, scenario: Scenario? = nil) {
        self.scenarioName = scenarioName; self.metric = metric; self.baseValue = baseValue
        self.tornado = tornado; self.spider = spider; self.sobol = sobol; self.scenario = scenario
    }

    /// The readable name of an input (its key path without a scenario).
    func label(_ keyPath: String, _ kind: StochasticModel.LevelKind = .value) -> String {
        scenario?.inputLabel(for: keyPath, multiplier: kind == .multiplier) ?? keyPath
    }

    /// An input's level for a table: thousands grouped, decimals by size ("378,978,797", "17.79", "0.8522").
    static func level(_ x: Double) -> String {
        let a = abs(x)
        if a >= 100 { return ReportFormat.grouped(x, decimals: 0) }
        if a >= 1 { return ReportFormat.grouped(x, decimals: 2) }
        return ReportFormat.grouped(x, decimals: 4)
    }

    public var json: JSONValue {
        func num(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null }
        var members: [(String, JSONValue)] = [
            ("scenario", .string(scenarioName)), ("metric", .string(metric.name)), ("baseValue", num(baseValue)),
        ]
        if let tornado {
            members.append(("tornado", .array(tornado.map { b in
                .object([("input", .string(b.input)), ("label", .string(label(b.input, b.kind))), ("kind", .string(b.kind.rawValue)), ("low", num(b.low)), ("high", num(b.high)),
                         ("valueLow", num(b.valueLow)), ("valueHigh", num(b.valueHigh)), ("swing", num(b.swing))])
            })))
        }
        if let spider {
            members.append(("spider", .array(spider.map { line in
                .object([("input", .string(line.input)), ("label", .string(label(line.input, line.kind))), ("kind", .string(line.kind.rawValue)),
                         ("points", .array(line.points.map { .object([("quantile", .number($0.quantile)), ("level", num($0.level)),
                                                                       ("value", num($0.value))]) }))])
            })))
        }
        if let s = sobol {
            members.append(("sobol", .object([
                ("method", .string("Saltelli 2010 sampling; first order Saltelli 2010, total Jansen 1999; percentile bootstrap")),
                ("samples", .number(Double(s.samples))), ("evaluations", .number(Double(s.evaluations))),
                ("sampler", .string(s.sampler.rawValue)), ("seed", .string(String(s.seed))),
                ("bootstrap", .number(Double(s.bootstrap))), ("confidence", .number(s.confidence)),
                ("mean", num(s.mean)), ("variance", num(s.variance)), ("discardedRows", .number(Double(s.discardedRows))),
                ("indices", .array(s.indices.map { i in
                    .object([("input", .string(i.name)), ("label", .string(label(i.name))), ("firstOrder", num(i.firstOrder)),
                             ("firstOrderLow", num(i.firstOrderInterval.lowerBound)), ("firstOrderHigh", num(i.firstOrderInterval.upperBound)),
                             ("total", num(i.total)),
                             ("totalLow", num(i.totalInterval.lowerBound)), ("totalHigh", num(i.totalInterval.upperBound))])
                })),
            ])))
        }
        return .object(members)
    }

    public var text: String {
        let money = metric == .equityNPV || metric == .projectNPV
        func v(_ x: Double?) -> String {
            guard let x else { return "         -" }
            return money ? String(format: "%10.2f", x / 1e6) : String(format: "%10.4f", x)
        }
        var out = "Sensitivity of \(metric.name)\(money ? " (million CNY)" : ""): \(scenarioName)\nbase case \(v(baseValue).trimmingCharacters(in: .whitespaces))\n"
        if let tornado {
            out += "\nTornado: each input at its P10 and P90, the others at base (longest bar first)\n"
            let width = max(34, tornado.map { label($0.input, $0.kind).count + 1 }.max() ?? 0)
            out += "input".padding(toLength: width, withPad: " ", startingAt: 0) + "            P10            P90  value@P10  value@P90\n"
            for b in tornado {
                out += label(b.input, b.kind).padding(toLength: width, withPad: " ", startingAt: 0)
                out += pad(Self.level(b.low), 15) + pad(Self.level(b.high), 15) + " " + v(b.valueLow) + " " + v(b.valueHigh) + "\n"
            }
        }
        if let spider {
            out += "\nSpider: the metric with one input at each quantile\n"
            let qs = spider.first?.points.map(\.quantile) ?? []
            let width = max(34, spider.map { label($0.input).count + 1 }.max() ?? 0)
            out += "input".padding(toLength: width, withPad: " ", startingAt: 0) + qs.map { String(format: "   q=%4.2f  ", $0) }.joined() + "\n"
            for line in spider {
                out += label(line.input).padding(toLength: width, withPad: " ", startingAt: 0) + line.points.map { v($0.value) + " " }.joined() + "\n"
            }
        }
        if let s = sobol {
            out += "\nSobol indices (\(s.samples) base samples, \(s.evaluations) evaluations, \(s.sampler.rawValue), seed \(s.seed); "
            out += String(format: "%.0f%% bootstrap intervals from %d resamples)\n", s.confidence * 100, s.bootstrap)
            let width = max(34, s.indices.map { label($0.name).count + 1 }.max() ?? 0)
            out += "input".padding(toLength: width, withPad: " ", startingAt: 0) + "  first order            total\n"
            for i in s.indices {
                out += label(i.name).padding(toLength: width, withPad: " ", startingAt: 0)
                out += String(format: "  %6.3f [%6.3f, %6.3f]  %6.3f [%6.3f, %6.3f]\n", i.firstOrder, i.firstOrderInterval.lowerBound,
                              i.firstOrderInterval.upperBound, i.total, i.totalInterval.lowerBound, i.totalInterval.upperBound)
            }
            if s.discardedRows > 0 { out += "(\(s.discardedRows) rows dropped: the metric was undefined)\n" }
        }
        return out
    }
}

private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
}
