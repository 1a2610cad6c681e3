import Dispatch
import Foundation

/// A grid sweep over scenario inputs: every combination of the given values, each evaluated
/// deterministically, with the best point under one metric.
///
/// Each point edits the parsed document and reads it with `read`, the same reading the scenario
/// file gets (catalogue, zone values, validation), so a swept value is checked as if written in
/// the file, and a scenario that `evaluate` reads is swept too.
public struct ParameterSweep: Sendable {
    /// One swept input: `keyPath` from `from` to `to` in `count` equally spaced values (`values`).
    public struct Parameter: Sendable, Equatable {
        public var keyPath: String
        public var from: Double
        public var to: Double
        public var count: Int

        public init(keyPath: String, from: Double, to: Double, count: Int) {
            self.keyPath = keyPath; self.from = from; self.to = to; self.count = count
        }

        /// Parses `key.path=from:to:count`.
        public init?(_ text: String) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let range = parts[1].split(separator: ":").map(String.init)
            // Bounds beyond a scenario's largest number made (to - from) infinite and printed NaN.
            guard range.count == 3, let a = Double(range[0]), let b = Double(range[1]), let n = Int(range[2]), n >= 1,
                  abs(a) <= Scenario.largestNumber, abs(b) <= Scenario.largestNumber else { return nil }
            keyPath = parts[0]; from = a; to = b; count = n
        }

        public var values: [Double] {
            count == 1 ? [from] : (0..<count).map { from + (to - from) * Double($0) / Double(count - 1) }
        }
    }

    public struct Point: Sendable {
        public var values: [Double]
        /// Metrics of the point, or nil when `errors` made it invalid.
        public var metrics: Metrics?
        /// Export share and curtailment of the hydrogen dispatch at the point (nil without one).
        public var dispatch: DispatchSummary?
        public var errors: [String]
    }

    /// Reads an edited document into a scenario, as the scenario file is read.
    public typealias Reader = @Sendable (SourceNode) throws(ScenarioErrors) -> Scenario

    public let document: SourceNode
    public let parameters: [Parameter]
    let read: Reader

    public init(document: SourceNode, parameters: [Parameter], read: @escaping Reader) {
        self.document = document; self.parameters = parameters; self.read = read
    }

    /// A sweep that reads points against `catalogue` (default: none, so scenarios without
    /// `zone` or catalogue references only; the command line passes the file's own reading).
    public init(document: SourceNode, file: String, catalogue: PolicyCatalogue = .empty, parameters: [Parameter]) {
        self.init(document: document, parameters: parameters) { node throws(ScenarioErrors) in
            try Scenario(reading: node, file: file, catalogue: catalogue)
        }
    }

    /// Number of grid points; `Int.max` when the product of the counts overflows (4294967296 x 4294967296).
    public var size: Int {
        parameters.reduce(1) { product, p in
            let (next, overflow) = product.multipliedReportingOverflow(by: p.count)
            return overflow ? .max : next
        }
    }

    /// The values of grid point `k`, the first parameter varying slowest.
    public func values(at k: Int) -> [Double] {
        var rest = k
        var values = [Double](repeating: 0, count: parameters.count)
        for (j, p) in parameters.enumerated().reversed() {
            values[j] = p.values[rest % p.count]
            rest /= p.count
        }
        return values
    }

    /// Evaluates every grid point (in grid order, the first parameter varying slowest) on
    /// `threads` threads, calling `progress` with the number of points done.
    public func run(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) -> [Point] {
        let n = size
        let results = SweepResults(count: n)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, n))) { _ in
            while let k = results.claim() {
                let done = results.store(evaluate(values(at: k)), at: k)
                progress?(done)
            }
        }
        return results.points
    }

    /// The point at `values`: the edited document read and evaluated.
    public func evaluate(_ values: [Double]) -> Point {
        evaluate(values) { _ throws(ScenarioErrors) in () }.point
    }

    /// The point at `values`, and `also` applied to the scenario read there (read once: a hydrogen
    /// plant is dispatched once for both). `extra` is nil when the point is invalid; an error of
    /// `also` makes it so.
    public func evaluate<Extra>(_ values: [Double], also: (Scenario) throws(ScenarioErrors) -> Extra) -> (point: Point, extra: Extra?) {
        var node = document
        do {
            for (p, v) in zip(parameters, values) { node = try node.setting(p.keyPath, to: v) }
        } catch {
            return (Point(values: values, metrics: nil, dispatch: nil, errors: [error.description]), nil)
        }
        do {
            let scenario = try read(node)
            let evaluation = try scenario.evaluate()
            let extra = try also(scenario)
            return (Point(values: values, metrics: evaluation.metrics, dispatch: DispatchSummary(evaluation), errors: []), extra)
        } catch {
            return (Point(values: values, metrics: nil, dispatch: nil, errors: error.issues.map(\.description)), nil)
        }
    }

    /// The index of the best point for `metric` (largest, or smallest when `minimize`), ignoring
    /// points where it is undefined; nil if it is undefined everywhere.
    public static func best(_ points: [Point], metric: String, minimize: Bool) -> Int? {
        var best: (Int, Double)?
        for (i, p) in points.enumerated() {
            guard let x = p.metrics?.all.first(where: { $0.name == metric })?.value.number else { continue }
            if best == nil || (minimize ? x < best!.1 : x > best!.1) { best = (i, x) }
        }
        return best?.0
    }
}

/// The points of a sweep as threads finish them: the next index to evaluate and the results
/// in grid order.
private final class SweepResults: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0, done = 0
    private var slots: [ParameterSweep.Point?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a point; returns how many are done.
    func store(_ point: ParameterSweep.Point, at k: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[k] = point
        done += 1
        return done
    }

    var points: [ParameterSweep.Point] { slots.compactMap { $0 } }
}
