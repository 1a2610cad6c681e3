import Foundation

/// Shard files: a `RunState` as JSON, exact to the bit.
///
/// Doubles that must survive exactly (base-case shifts, extremes, thresholds) are written
/// as the hex of their bit patterns; exact sums as their limbs in hex; kept values as
/// base64 of little-endian doubles. A merge of shard files therefore reproduces the
/// unsharded run byte for byte.
extension RunState {
    /// Version 3 carries a checksum of its content; version 2 had none, version 1 had seven metrics.
    public static let fileFormat = "steppe-run-state-3"

    /// Why a file in an earlier format is refused, by format name.
    static let earlierFormats = [
        "steppe-run-state-1": "format steppe-run-state-1, seven metrics",
        "steppe-run-state-2": "format steppe-run-state-2, without a checksum",
    ]

    public var json: JSONValue {
        let c = identity.configuration
        func bits(_ x: Double) -> JSONValue { .string(String(x.bitPattern, radix: 16)) }
        func sum(_ s: ExactSum) -> JSONValue { .array(s.limbs.map { .string(String($0, radix: 16)) }) }
        let metricsJSON: [JSONValue] = metrics.map { s in
            var members: [(String, JSONValue)] = [
                ("defined", .number(Double(s.defined))), ("undefined", .number(Double(s.undefined))),
                ("sum", sum(s.sum)), ("sumOfSquares", sum(s.sumOfSquares)),
                ("minimum", bits(s.minimum)), ("maximum", bits(s.maximum)), ("below", .number(Double(s.below))),
            ]
            if let sketch = s.sketch {
                func bins(_ b: [(Int, UInt64)]) -> JSONValue { .array(b.map { .array([.number(Double($0.0)), .string(String($0.1))]) }) }
                members.append(("sketch", .object([("positive", bins(sketch.sparsePositive)), ("negative", bins(sketch.sparseNegative)),
                                                   ("zero", .string(String(sketch.zero)))])))
            }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("format", .string(RunState.fileFormat)),
            ("scenario", .object([("name", .string(identity.scenarioName)), ("fingerprint", .string(identity.scenarioFingerprint))])),
            ("paths", .number(Double(c.paths))), ("seed", .string(String(c.seed))), ("sampler", .string(c.sampler.rawValue)),
            ("chunkSize", .number(Double(c.chunkSize))), ("exactQuantileLimit", .number(Double(c.exactQuantileLimit))),
            ("hurdleRate", c.hurdleRate.map(bits) ?? .null), ("dscrCovenant", bits(c.dscrCovenant)),
            ("hurdleRateUsed", bits(identity.hurdleRate)), ("shift", .array(identity.shift.map(bits))),
            ("metricsComputed", .array(c.metrics.map { .string($0.name) })),
            ("ranges", .array(ranges.map { .array([.number(Double($0.lowerBound)), .number(Double($0.upperBound))]) })),
            ("completedPaths", .number(Double(completedPaths))),
            ("metrics", .array(metricsJSON)),
        ]
        if let values {
            members.append(("values", .array(values.map { v in
                .string(v.withUnsafeBufferPointer { Data(buffer: $0) }.base64EncodedString())
            })))
        }
        return .object(members)
    }

    /// Why a shard file cannot be read.
    public struct FileError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads a state written by `json`.
    public init(jsonData data: Data) throws(FileError) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw FileError(message: "not a JSON object")
        }
        if let format = root["format"] as? String, let why = RunState.earlierFormats[format] {
            throw FileError(message: "written by an earlier Steppe (\(why)); run its shards again with this version")
        }
        guard root["format"] as? String == RunState.fileFormat else {
            throw FileError(message: "not a Steppe run-state file (format \(RunState.fileFormat) expected)")
        }
        func int(_ any: Any?) throws(FileError) -> Int {
            guard let n = any as? NSNumber else { throw FileError(message: "a count is missing or not a number") }
            return try RunState.count(n)
        }
        func double(_ any: Any?) throws(FileError) -> Double {
            guard let s = any as? String, let b = UInt64(s, radix: 16) else { throw FileError(message: "a value is missing") }
            return Double(bitPattern: b)
        }
        func sum(_ any: Any?) throws(FileError) -> ExactSum {
            guard let list = any as? [String], let s = ExactSum(limbs: list.compactMap { UInt64($0, radix: 16) }) else {
                throw FileError(message: "a sum is malformed")
            }
            return s
        }
        guard let scenario = root["scenario"] as? [String: Any], let name = scenario["name"] as? String,
              let print = scenario["fingerprint"] as? String,
              let samplerName = root["sampler"] as? String, let sampler = SamplingMethod(rawValue: samplerName),
              let seedText = root["seed"] as? String, let seed = UInt64(seedText),
              let shiftList = root["shift"] as? [Any], let rangeList = root["ranges"] as? [[NSNumber]],
              let metricList = root["metrics"] as? [[String: Any]], metricList.count == PathMetric.allCases.count else {
            throw FileError(message: "the file lacks its run description")
        }
        let hurdle: Double? = root["hurdleRate"] is NSNull ? nil : try double(root["hurdleRate"])
        let computed = ((root["metricsComputed"] as? [String]) ?? []).compactMap { name in PathMetric.allCases.first { $0.name == name } }
        let config = MonteCarloConfiguration(
            paths: try int(root["paths"]), seed: seed, sampler: sampler, chunkSize: try int(root["chunkSize"]),
            exactQuantileLimit: try int(root["exactQuantileLimit"]), hurdleRate: hurdle,
            dscrCovenant: try double(root["dscrCovenant"]), metrics: computed)
        var shift: [Double] = []
        for s in shiftList { shift.append(try double(s)) }
        identity = Identity(scenarioName: name, scenarioFingerprint: print, configuration: config, shift: shift,
                            hurdleRate: try double(root["hurdleRateUsed"]))
        var ranges: [Range<Int>] = []
        for pair in rangeList {
            guard pair.count == 2 else { throw FileError(message: "a path range is not [first, end]") }
            let first = try RunState.count(pair[0]), end = try RunState.count(pair[1])
            guard first <= end else { throw FileError(message: "a path range ends before it starts") }
            ranges.append(first..<end)
        }
        self.ranges = ranges
        completedPaths = try int(root["completedPaths"])
        var states: [MetricState] = []
        for m in metricList {
            var s = MetricState(sketch: false)
            s.defined = try int(m["defined"]); s.undefined = try int(m["undefined"])
            s.sum = try sum(m["sum"]); s.sumOfSquares = try sum(m["sumOfSquares"])
            s.minimum = try double(m["minimum"]); s.maximum = try double(m["maximum"]); s.below = try int(m["below"])
            if let sketch = m["sketch"] as? [String: Any] {
                func bins(_ any: Any?) throws(FileError) -> [(Int, UInt64)] {
                    var bins: [(Int, UInt64)] = []
                    for pair in (any as? [[Any]]) ?? [] {
                        guard pair.count == 2, let i = pair[0] as? NSNumber, let c = (pair[1] as? String).flatMap({ UInt64($0) }) else {
                            throw FileError(message: "a quantile sketch bin is malformed")
                        }
                        bins.append((try RunState.count(i), c))
                    }
                    return bins
                }
                guard let restored = QuantileSketch(positive: try bins(sketch["positive"]), negative: try bins(sketch["negative"]),
                                                    zero: (sketch["zero"] as? String).flatMap { UInt64($0) } ?? 0) else {
                    throw FileError(message: "a quantile sketch is malformed")
                }
                s.sketch = restored
            }
            states.append(s)
        }
        metrics = states
        if let encoded = root["values"] as? [String] {
            var lists: [[Double]] = []
            for text in encoded {
                guard let data = Data(base64Encoded: text), data.count % 8 == 0 else { throw FileError(message: "kept values are malformed") }
                lists.append(data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) })
            }
            values = lists
        } else {
            values = nil
        }
    }

    /// A count or index of a shard file: a whole number from 0 to 2^53, read exactly (`intValue`
    /// wrapped 1e300 and 2^64 into arbitrary integers).
    static func count(_ n: NSNumber) throws(FileError) -> Int {
        let x = n.doubleValue
        guard x >= 0, x <= 9_007_199_254_740_992, x.rounded(.towardZero) == x, let whole = Int(exactly: x) else {
            throw FileError(message: "\(n) is not a count (a whole number from 0 to 2^53)")
        }
        return whole
    }
}
