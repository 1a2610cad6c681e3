import ArgumentParser
import Foundation
import Steppe
import SteppeFiles

extension SteppeCommand {
    /// `steppe sweep FILE --param a.b=v1:v2:n ...`: a grid of deterministic evaluations.
    struct Sweep: ParsableCommand, ProducesResult {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a grid of input values and report the best point under a metric.",
            discussion: "Example: steppe sweep plant.yaml --param products[0].price=15:25:5 --param financing.equityShare=0.2:0.5:4")

        @OptionGroup var scenario: ScenarioOptions

        @Option(name: .customLong("param"), help: ArgumentHelp("Input to sweep as key.path=from:to:count (repeatable).", valueName: "spec"))
        var parameters: [String] = []

        @Option(help: "Metric that picks the best point.")
        var metric = "equityNPV"

        @Flag(help: "Pick the smallest value of the metric instead of the largest (e.g. levelizedCost).")
        var minimize = false

        @Option(help: "Output format: text (table), json or csv.")
        var format: Evaluate.Format = .text

        @Option(parsing: .unconditional, help: "Largest grid allowed (at most 1000000).")
        var maxPoints = 10_000

        func validate() throws {
            if parameters.isEmpty { throw ValidationError("give at least one --param key.path=from:to:count.") }
            for p in parameters where ParameterSweep.Parameter(p) == nil {
                throw ValidationError("--param must be key.path=from:to:count with count >= 1 and from, to at most 1e15 in magnitude (got \(p)).")
            }
            try OptionChecks.check(maxPoints, "--max-points", in: 1...OptionChecks.largestGridPoints)
            let names = Metrics.names
            if !names.contains(metric) { throw ValidationError("--metric must be one of \(names.joined(separator: ", ")) (got \(metric)).") }
        }

        func run() throws { try printResult() }

        func perform() -> CommandResult {
            let text: String, file: String
            if let path = scenario.file {
                guard let data = FileManager.default.contents(atPath: path), let t = String(data: data, encoding: .utf8) else {
                    return CommandResult(status: 1, standardError: "\(path): cannot read the file\n")
                }
                text = t; file = (path as NSString).lastPathComponent
            } else {
                text = DefaultScenario.yaml; file = DefaultScenario.fileName
            }
            let document: SourceNode
            do { document = try ScenarioFile.sourceNode(text, file: file) } catch { return .failure(error) }
            let sweep = ParameterSweep(document: document, file: file, parameters: parameters.compactMap(ParameterSweep.Parameter.init))
            guard sweep.size <= maxPoints else {
                return CommandResult(status: 1, standardError: "the grid has \(sweep.size) points, more than --max-points \(maxPoints)\n")
            }
            let points = sweep.run()
            let best = ParameterSweep.best(points, metric: metric, minimize: minimize)
            let keys = sweep.parameters.map(\.keyPath)
            switch format {
            case .json:
                let rows: [JSONValue] = points.map { p in
                    var members: [(String, JSONValue)] = [("values", .object(zip(keys, p.values).map { ($0, .number($1)) }))]
                    if let m = p.metrics {
                        members.append(("metrics", .object(m.all.map { ($0.name, $0.value.number.map(JSONValue.number) ?? .null) })))
                    } else {
                        members.append(("errors", .array(p.errors.map(JSONValue.string))))
                    }
                    return .object(members)
                }
                let json: JSONValue = .object([
                    ("parameters", .array(sweep.parameters.map { .object([("keyPath", .string($0.keyPath)), ("from", .number($0.from)),
                                                                          ("to", .number($0.to)), ("count", .number(Double($0.count)))]) })),
                    ("metric", .string(metric)), ("minimize", .bool(minimize)),
                    ("best", best.map { .number(Double($0)) } ?? .null),
                    ("points", .array(rows)),
                ])
                return CommandResult(standardOutput: json.serialized() + "\n")
            case .csv, .text:
                let separator = format == .csv ? "," : "  "
                var out = (keys + Metrics.names).map { format == .csv ? CSVField.text($0) : $0 }.joined(separator: separator) + "\n"
                for p in points {
                    var cells = p.values.map { "\($0)" }
                    if let m = p.metrics {
                        cells += m.all.map { $0.value.number.map { format == .csv ? "\($0)" : String(format: "%.6g", $0) } ?? "" }
                    } else {
                        cells.append(format == .csv ? "" : "invalid: \(p.errors.first ?? "")")
                    }
                    out += cells.joined(separator: separator) + "\n"
                }
                if format == .text {
                    if let best {
                        let desc = zip(keys, points[best].values).map { "\($0)=\($1)" }.joined(separator: ", ")
                        out += "\nbest \(metric) (\(minimize ? "smallest" : "largest")): \(desc)\n"
                    } else {
                        out += "\n\(metric) is undefined at every point\n"
                    }
                }
                return CommandResult(standardOutput: out)
            }
        }
    }
}
