import Foundation

/// A grid sweep over scenario inputs: every combination of the given values, each evaluated
/// deterministically, with the best point under one metric.
public struct ParameterSweep: Sendable {
    /// One swept input: `keyPath` from `from` to `to` in `steps` equal steps (steps >= 1 values... see `values`).
    public struct Parameter: Sendable, Equatable {
        public var keyPath: String
        public var from: Double
        public var to: Double
        public var count: Int

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
        /// Metrics of the point, or the errors that made it invalid.
        public var metrics: Metrics?
        public var errors: [String]
    }

    public let document: SourceNode
    public let file: String
    public let parameters: [Parameter]

    public init(document: SourceNode, file: String, parameters: [Parameter]) {
        self.document = document; self.file = file; self.parameters = parameters
    }

    /// Number of grid points; `Int.max` when the product of the counts overflows (4294967296 x 4294967296).
    public var size: Int {
        parameters.reduce(1) { product, p in
            let (next, overflow) = product.multipliedReportingOverflow(by: p.count)
            return overflow ? .max : next
        }
    }

    /// Evaluates every grid point, the first parameter varying slowest.
    public func run() -> [Point] {
        var points: [Point] = []
        points.reserveCapacity(size)
        for k in 0..<size {
            var rest = k
            var values = [Double](repeating: 0, count: parameters.count)
            for (j, p) in parameters.enumerated().reversed() {
                values[j] = p.values[rest % p.count]
                rest /= p.count
            }
            points.append(evaluate(values))
        }
        return points
    }

    func evaluate(_ values: [Double]) -> Point {
        var node = document
        do {
            for (p, v) in zip(parameters, values) { node = try node.setting(p.keyPath, to: v) }
        } catch {
            return Point(values: values, metrics: nil, errors: [error.description])
        }
        do {
            let scenario = try Scenario(reading: node, file: file)
            return Point(values: values, metrics: try scenario.evaluate().metrics, errors: [])
        } catch {
            return Point(values: values, metrics: nil, errors: error.issues.map(\.description))
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
