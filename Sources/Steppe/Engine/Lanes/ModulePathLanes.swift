/// A module's per-path model (`ModulePathModel`) bound to the compiled model's rows: where each line it
/// writes goes in a lane workspace, and the capex its capex lines add to. The engine's whole part in a
/// module's per-path run: it knows no module, only lines by id.
struct ModulePathLanes: Sendable {
    let model: any ModulePathModel
    /// The workspace array a line's values go to.
    enum Destination: Sendable { case quantity, price, costQuantity, capex }
    /// A line the compiled model has: its index in the model's `lines`, destination, first entry (row ×
    /// years) and years.
    struct Binding: Sendable {
        var line: Int
        var destination: Destination
        var rowStart: Int
        var years: Range<Int>
    }
    let bindings: [Binding]
    /// Every capex entry (class × years + year) a capex line reaches, with the class's capex there without
    /// the module's path-dependent items.
    let capexWithoutModule: [(index: Int, amount: Double)]
    let yearCount: Int
    /// The module's key paths' prefix (`hydrogen.`): a study input's key path is this plus the module's field.
    let sectionPrefix: String

    /// The per-path models of `scenario`'s modules, bound to `model` (its compilation).
    ///
    /// - Parameters:
    ///   - drawer: the study's draws (which of a module's own numbers are drawn, from which dimension).
    ///   - runSeed: the Monte Carlo run's seed, which keys what a module draws itself (weather years).
    static func bind(_ scenario: Scenario, model: CompiledModel, drawer: StochasticModel, runSeed: UInt64) throws(ScenarioErrors) -> [ModulePathLanes] {
        var bound: [ModulePathLanes] = []
        for module in scenario.modules {
            let prefix = type(of: module).sectionKey + "."
            var own: [ModulePathContext.OwnParameterDraw] = []
            for (k, input) in drawer.inputs.enumerated() where input.target == .moduleParameter && input.keyPath.hasPrefix(prefix) {
                own.append(.init(field: String(input.keyPath.dropFirst(prefix.count)), dimension: input.firstDimension,
                                 quantile: drawer.draws[k].quantile))
            }
            let context = ModulePathContext(scenario: scenario, startYear: model.startYear, yearCount: model.yearCount,
                                            operationStart: model.operationStart, runSeed: runSeed, ownParameterDraws: own)
            guard let pathModel = try module.pathModel(context) else { continue }
            bound.append(try ModulePathLanes(pathModel, module: module, scenario: scenario, compiled: model))
        }
        return bound
    }

    private init(_ pathModel: any ModulePathModel, module: any ScenarioModule, scenario: Scenario, compiled m: CompiledModel) throws(ScenarioErrors) {
        let n = m.yearCount
        model = pathModel
        yearCount = n
        sectionPrefix = type(of: module).sectionKey + "."
        var bindings: [Binding] = []
        var capexEntries = Set<Int>()
        for (l, line) in pathModel.lines.enumerated() {
            let found: (Destination, Int?)
            switch line.target {
            case .productQuantity(let id): found = (.quantity, m.productIDs.firstIndex(of: id))
            case .productPrice(let id): found = (.price, m.productIDs.firstIndex(of: id))
            case .costQuantity(let id): found = (.costQuantity, m.costLineIDs.firstIndex(of: id))
            case .capex(let id): found = (.capex, m.assetClasses.firstIndex { $0.id == id })
            }
            guard let row = found.1 else { continue }
            let years = line.years.clamped(to: 0..<n)
            bindings.append(Binding(line: l, destination: found.0, rowStart: row * n, years: years))
            if found.0 == .capex { for t in years { capexEntries.insert(row * n + t) } }
        }
        self.bindings = bindings
        if capexEntries.isEmpty {
            capexWithoutModule = []
        } else {
            // The module's classes compiled without its path-dependent capex, onto which each path adds its own.
            var without = scenario
            let key = type(of: module).sectionKey
            without.modules = scenario.modules.map { type(of: $0).sectionKey == key ? (pathModel.moduleWithoutPathCapex ?? $0) : $0 }
            let other = try without.compile()
            capexWithoutModule = capexEntries.sorted().map { ($0, other.capex.storage[$0]) }
        }
    }

    /// Values a worker writes: one row of the model's years per line.
    var valueCount: Int { model.lines.count * yearCount }

    /// The capex entries a path may make nonzero (so the engine depreciates them as vintages).
    var capexEntries: [(assetClass: Int, year: Int)] {
        capexWithoutModule.map { ($0.index / yearCount, $0.index % yearCount) }
    }

    /// Runs paths `firstPath ..< firstPath + 8`, one per lane, each with its uniforms `u` (after the
    /// copula), and writes their lines into `ws`.
    func apply(firstPath: Int, uniforms u: UnsafeMutablePointer<Lanes>, worker: any ModulePathWorker, _ ws: LaneWorkspace) {
        let values = ws.pathValues
        for j in 0..<Lanes.scalarCount {
            worker.run(path: firstPath + j, lane: j, uniform: { u[$0][j] }, into: values)
            write(values, lane: j, ws)
        }
    }

    /// Runs `path` with lane 0's uniforms `u` and writes its lines into every lane (an analysis that puts one
    /// point in all lanes and reads lane 0, as Sobol indices do): one run, not eight.
    func applyOne(path: Int, uniforms u: UnsafeMutablePointer<Lanes>, worker: any ModulePathWorker, _ ws: LaneWorkspace) {
        let values = ws.pathValues
        worker.run(path: path, lane: 0, uniform: { u[$0][0] }, into: values)
        for j in 0..<Lanes.scalarCount { write(values, lane: j, ws) }
    }

    /// Writes into every lane the base case with the module's own number `field` set to `value` (nil: none),
    /// for one input at a time. Without drawn numbers of its own the compiled lines, which nothing else
    /// writes, are already the base case's: nothing to do.
    func applyBase(setting field: String?, to value: Double, worker: any ModulePathWorker, _ ws: LaneWorkspace) {
        guard model.drawsOwnParameters else { return }
        let values = ws.pathValues
        worker.runBase(setting: field, to: value, into: values)
        for j in 0..<Lanes.scalarCount { write(values, lane: j, ws) }
    }

    /// Copies the lines' `values` into lane `j`: capex entries start from the capex without the module's
    /// path-dependent items, and the capex lines add to them in the model's order, as the compiler sums them.
    @inline(__always)
    private func write(_ values: UnsafeMutableBufferPointer<Double>, lane j: Int, _ ws: LaneWorkspace) {
        for (index, amount) in capexWithoutModule { ws.capex[index][j] = amount }
        let n = yearCount
        for b in bindings {
            let source = b.line * n
            switch b.destination {
            case .quantity: for t in b.years { ws.quantity[b.rowStart + t][j] = values[source + t] }
            case .price: for t in b.years { ws.price[b.rowStart + t][j] = values[source + t] }
            case .costQuantity: for t in b.years { ws.costQuantity[b.rowStart + t][j] = values[source + t] }
            case .capex: for t in b.years { ws.capex[b.rowStart + t][j] += values[source + t] }
            }
        }
    }
}
