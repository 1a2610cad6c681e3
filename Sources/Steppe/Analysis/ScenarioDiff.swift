/// What changed between two scenarios and what each change did: the inputs that differ (by key
/// path, with both values and their provenance), how every metric moved, and each metric's move
/// attributed to the changed inputs by Shapley values on the base case, so the parts add up to
/// the total move.
///
/// Each coalition of changes is scenario A's document with those inputs set to B's (added where A
/// lacks them, removed where B lacks them), read and evaluated like any scenario.
public struct ScenarioDiff: Sendable {
    /// One changed input.
    public struct Change: Sendable {
        public var keyPath: String
        /// The value in A and in B as written (nil where the scenario has none).
        public var before: String?
        public var after: String?
        /// Where each value comes from: a catalogue citation or assumption, or "typed in".
        public var beforeSource: String?
        public var afterSource: String?
    }

    /// How one metric moved, and its attribution to the changes (nil when it cannot be attributed).
    public struct Move: Sendable {
        public var metric: String
        public var before: Double?
        public var after: Double?
        public var parts: [Double]?
        public var standardErrors: [Double]?
        public var total: Double? { after.flatMap { a in before.map { a - $0 } } }
    }

    public let changes: [Change]
    public let moves: [Move]
    /// Why the moves are not attributed, when they are not.
    public let attributionNote: String?
    public let nameA: String, nameB: String

    /// Keys whose changes cannot move a number (left out so they do not count as inputs).
    static let descriptiveKeys: Set<String> = ["name", "reportUnit"]
    /// At most this many changed inputs are attributed exactly (2^n evaluations); beyond, sampled orders.
    public static let exactLimit = 10

    /// - Throws: `ScenarioErrors` when either scenario cannot be read.
    public init(_ a: SourceNode, fileA: String, _ b: SourceNode, fileB: String, catalogue: PolicyCatalogue) throws(ScenarioErrors) {
        let scenarioA = try Scenario(reading: a, file: fileA, catalogue: catalogue)
        let scenarioB = try Scenario(reading: b, file: fileB, catalogue: catalogue)
        nameA = scenarioA.name; nameB = scenarioB.name
        var keyPaths: [String] = []
        Self.collect(a, b, path: "", into: &keyPaths)
        func source(_ scenario: Scenario, _ keyPath: String) -> String? {
            if let trace = scenario.traces.first(where: { $0.keyPath == keyPath }) {
                return (trace.route.isEmpty ? "" : trace.route + "; ") + trace.source.shortDescription
            }
            return "typed in the scenario"
        }
        changes = keyPaths.map { path in
            let before = a.node(at: path), after = b.node(at: path)
            return Change(keyPath: path, before: before?.flowText, after: after?.flowText,
                          beforeSource: before.flatMap { _ in source(scenarioA, path) },
                          afterSource: after.flatMap { _ in source(scenarioB, path) })
        }
        let names = Metrics.names
        func metrics(_ scenario: Scenario) throws(ScenarioErrors) -> [Double?] {
            let all = try scenario.evaluate().metrics.all
            return names.map { name in all.first { $0.name == name }?.value.number }
        }
        let before = try metrics(scenarioA), after = try metrics(scenarioB)

        // Coalition values, each evaluated once for all metrics.
        var cache: [UInt64: [Double?]] = [0: before]
        if keyPaths.count < 64 { cache[(UInt64(1) << UInt64(keyPaths.count)) - 1] = after }
        var failure: String?
        func coalition(_ subset: UInt64) -> [Double?]? {
            if let known = cache[subset] { return known }
            var document = a
            for (i, path) in keyPaths.enumerated() where subset & (1 << UInt64(i)) != 0 {
                do {
                    if let node = b.node(at: path) { document = try document.setting(path, to: node, creating: true) }
                    else { document = try document.removing(path) }
                } catch {
                    failure = "\(path): \(error.message)"; return nil
                }
            }
            do {
                let values = try metrics(try Scenario(reading: document, file: "\(fileA) with changes from \(fileB)", catalogue: catalogue))
                cache[subset] = values
                return values
            } catch {
                failure = "a mix of the two scenarios is not a valid scenario (\(error.issues.first?.description ?? "")): "
                    + "the changes depend on one another"
                return nil
            }
        }
        var moves: [Move] = []
        for (k, name) in names.enumerated() {
            var move = Move(metric: name, before: before[k], after: after[k])
            if keyPaths.count < 64, failure == nil, before[k] != nil, after[k] != nil,
               let attribution = ShapleyValues.attribute(playerCount: keyPaths.count, exactLimit: Self.exactLimit,
                                                         permutations: 200, value: { coalition($0)?[k] ?? nil }) {
                move.parts = attribution.values
                move.standardErrors = attribution.standardErrors
            }
            moves.append(move)
        }
        self.moves = moves
        if let failure { attributionNote = failure }
        else if keyPaths.count >= 64 { attributionNote = "more than 63 changed inputs" }
        else { attributionNote = nil }
    }

    /// The key paths at which two documents differ: leaves, whole lists whose length changed,
    /// distributions and catalogue references (compared whole), and keys present in one only.
    static func collect(_ a: SourceNode?, _ b: SourceNode?, path: String, into out: inout [String]) {
        func atomic(_ n: SourceNode) -> Bool {
            // The document itself names a `zone` but is no reference.
            if !path.isEmpty, case .mapping(let entries) = n.value {
                return entries.contains { ["distribution", "zone", "policy", "perYear", "process"].contains($0.key) }
            }
            return false
        }
        guard let a, let b else { if !path.isEmpty { out.append(path) }; return }
        switch (a.value, b.value) {
        case (.mapping(let x), .mapping(let y)) where !atomic(a) && !atomic(b):
            var keys = x.map(\.key)
            for e in y where !keys.contains(e.key) { keys.append(e.key) }
            for key in keys where !(path.isEmpty && descriptiveKeys.contains(key)) {
                collect(x.first { $0.key == key }?.value, y.first { $0.key == key }?.value,
                        path: path.isEmpty ? key : "\(path).\(key)", into: &out)
            }
        case (.sequence(let x), .sequence(let y)) where x.count == y.count:
            for i in x.indices { collect(x[i], y[i], path: "\(path)[\(i)]", into: &out) }
        default:
            if a.flowText != b.flowText { out.append(path) }
        }
    }
}

extension ScenarioDiff {
    /// How the metrics moved between two result files (`evaluate --format json`, `run --out`): an
    /// evaluation's metric values, a Monte Carlo result's means. Result files carry no inputs to
    /// attribute the moves to; diff the scenarios for that.
    public init(resultA a: JSONValue, resultB b: JSONValue) {
        func name(_ j: JSONValue) -> String { j["scenario"]?["name"]?.string ?? j["scenario"]?.string ?? "" }
        func value(_ j: JSONValue, _ metric: String) -> Double? {
            guard let m = j["metrics"]?[metric] else { return nil }
            return m.number ?? m["mean"]?.number
        }
        nameA = name(a); nameB = name(b)
        changes = []
        moves = Metrics.names.compactMap { metric in
            let before = value(a, metric), after = value(b, metric)
            return before == nil && after == nil ? nil : Move(metric: metric, before: before, after: after, parts: nil, standardErrors: nil)
        }
        attributionNote = "result files carry no inputs; diff the two scenarios to attribute the moves"
    }
}
