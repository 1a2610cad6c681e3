/// The hourly dispatch inside the Monte Carlo loop: each path dispatches each operating year with its
/// own weather (`hydrogen.weather: {draw: perPath}`, from the `WeatherPool`) and its own plant (the
/// plant's numbers given as distributions, `HydrogenPlant.Parameter`), with the export cap,
/// curtailment, battery and stack hours carried from year to year as in the base case, and its yearly
/// results replace the lines the hydrogen section contributes, in that path's lane.
///
/// The lines are formed as the base case forms them (`DispatchYear+Lines`, the compiler's products and
/// cost lines), so a path equals a deterministic evaluation of the same weather years and plant
/// (`HydrogenModule.Profiles.yearly`). They are written after the drawn entries are reset and the
/// copula has acted, and before the draws apply, so a drawn export or hydrogen price acts on the path's
/// own rows as on the base rows. Capex that follows the plant is the path's own: the capex of its
/// classes without it (compiled once), plus the capacity costs' capex items for the path's capacities in
/// the section's order, plus its own stack replacements in the years they happen (priced per kW of its
/// electrolyser when so stated); the capacity costs' fixed O&M lines follow its capacities too.
///
/// The plant's dispatch, with its price-level ranking of hours, is prepared once; each worker copies
/// it once (`Scratch`), so the per-path loop allocates nothing.
///
/// Not per path: the first revenue year of a tax holiday counted from first revenue (a compiled
/// constant from the base case; it moves only if a whole year had no revenue).
struct PathWeather: Sendable {
    let pool: WeatherPool
    /// The base case's weather years, for one plant number set alone (`applyOnly`; with drawn weather and
    /// no drawn plant number, never read).
    let baseWeather: WeatherPool
    /// The plant's dispatch in its initial state, copied once per worker.
    let dispatch: Dispatch
    /// The plant as the file gives it (the base case's).
    let plant: HydrogenPlant
    /// A number of the plant each path draws: the uniform's dimension and the distribution.
    struct PlantDraw: Sendable {
        var parameter: HydrogenPlant.Parameter
        var dimension: Int
        var quantile: PreparedQuantile
    }
    let plantDraws: [PlantDraw]
    let yearCount: Int
    let operationStart: Int
    let operatingYears: Int
    /// Rows of the compiled model the section contributes (nil: the line is not there).
    let hydrogenRow: Int
    let exportRow: Int
    let importLine: Int?
    let waterLine: Int?
    let waterTonnesPerKg: Double
    let selfUseLine: Int?
    /// A cost per unit of a capacity, written into the workspace entry `index` (capex: class × years +
    /// year; fixed O&M: the line's first operating entry).
    struct SizedCost: Sendable {
        var capacity: CapacityCost.Capacity
        var yuanPerUnit: Double
        var index: Int
    }
    /// Every capex entry (class × years + year) the plant's costs reach, with its capex without them.
    let capexWithoutPlant: [(index: Int, amount: Double)]
    /// The capacity costs' capex items, in the order the section contributes them.
    let capacityCapex: [SizedCost]
    /// The capacity costs' fixed O&M lines (a quantity in yuan a year from the first operating year).
    let capacityOM: [SizedCost]
    /// The stack replacements' capex entry of the first operating year (nil: replacements cost nothing).
    let stackEntry: Int?

    /// One worker's dispatch and the years of the eight paths it last dispatched (lane `j`'s years at
    /// `j × operatingYears`).
    final class Scratch {
        var dispatch: Dispatch
        let initialState: Dispatch.State
        let years: UnsafeMutableBufferPointer<DispatchYear>
        let operatingYears: Int
        init(_ weather: PathWeather) {
            dispatch = weather.dispatch
            initialState = weather.dispatch.state
            operatingYears = weather.operatingYears
            years = .allocate(capacity: max(weather.operatingYears, 1) * Lanes.scalarCount)
            years.initialize(repeating: DispatchYear())
        }
        deinit { years.deallocate() }

        /// Lane `j`'s operating years.
        func years(lane j: Int) -> UnsafeMutableBufferPointer<DispatchYear> {
            UnsafeMutableBufferPointer(rebasing: years[(j * operatingYears)..<((j + 1) * operatingYears)])
        }
    }

    /// The per-path dispatch of `scenario`'s hydrogen section, or nil when its weather is fixed and no
    /// number of its plant is drawn.
    ///
    /// - Parameters:
    ///   - model: `scenario` compiled (its rows are where the paths' lines go).
    ///   - drawer: the study's draws (which of the plant's numbers are drawn, from which dimension).
    ///   - runSeed: the Monte Carlo run's seed, which keys each path's weather years.
    init?(scenario: Scenario, model: CompiledModel, drawer: StochasticModel, runSeed: UInt64) throws(ScenarioErrors) {
        guard let section = scenario.modules.lazy.compactMap({ $0 as? HydrogenModule }).first else { return nil }
        var plantDraws: [PlantDraw] = []
        for (k, input) in drawer.inputs.enumerated() where input.target == .moduleParameter {
            guard let parameter = HydrogenPlant.Parameter.allCases.first(where: { "\(HydrogenModule.sectionKey).\($0.rawValue)" == input.keyPath })
            else { continue }
            plantDraws.append(PlantDraw(parameter: parameter, dimension: input.firstDimension, quantile: drawer.draws[k].quantile))
        }
        switch (section.weather, section.profiles) {
        case (.perPath(let poolYears), .synthetic(let resource, let profileSeed)):
            pool = WeatherPool(model: resource, profileSeed: profileSeed, firstYear: scenario.resolvedOperationStartYear,
                               years: poolYears, runSeed: runSeed)
            baseWeather = plantDraws.isEmpty ? pool : WeatherPool(fixed: section.baseWeather(for: scenario))
        default:
            guard !plantDraws.isEmpty else { return nil }
            pool = WeatherPool(fixed: section.baseWeather(for: scenario))
            baseWeather = pool
        }
        let n = model.yearCount
        self.plantDraws = plantDraws
        plant = section.plant
        dispatch = section.makeDispatch()
        yearCount = n
        operationStart = model.operationStart
        operatingYears = n - model.operationStart
        hydrogenRow = model.productIDs.firstIndex(of: "hydrogen")!
        exportRow = model.productIDs.firstIndex(of: "grid-export")!
        importLine = model.costLineIDs.firstIndex(of: "grid-import")
        waterLine = model.costLineIDs.firstIndex(of: "water")
        waterTonnesPerKg = section.water?.tonnesPerKg ?? 0
        selfUseLine = model.costLineIDs.firstIndex(of: "self-use-system-fees")

        let classIndex = { (id: String) in model.assetClasses.firstIndex { $0.id == id } }
        var capacityCapex: [SizedCost] = [], capacityOM: [SizedCost] = []
        for cost in section.capacityCosts where cost.amount(for: section.plant) != nil {
            switch cost.kind {
            case .capex(let year, let assetClass):
                if let c = classIndex(assetClass) {
                    capacityCapex.append(SizedCost(capacity: cost.capacity, yuanPerUnit: cost.yuanPerUnit, index: c * n + year - model.startYear))
                }
            case .fixedOM(let id, _, _):
                if let l = model.costLineIDs.firstIndex(of: id) {
                    capacityOM.append(SizedCost(capacity: cost.capacity, yuanPerUnit: cost.yuanPerUnit, index: l * n + model.operationStart))
                }
            }
        }
        let elz = section.plant.electrolyser
        if let id = elz.stackAssetClass, elz.stackReplacementCost > 0, let c = classIndex(id) {
            stackEntry = c * n + model.operationStart
        } else {
            stackEntry = nil
        }
        var entries = capacityCapex.map(\.index)
        if let stackEntry { entries += Array(stackEntry..<(stackEntry + n - model.operationStart)) }
        entries = Array(Set(entries)).sorted()
        if entries.isEmpty {
            capexWithoutPlant = []
        } else {
            var withoutPlant = scenario
            withoutPlant.modules = scenario.modules.map { module in
                guard var h = module as? HydrogenModule else { return module }
                h.contributesPlantCapex = false
                return h
            }
            let other = try withoutPlant.compile()
            capexWithoutPlant = entries.map { ($0, other.capex.storage[$0]) }
        }
        self.capacityCapex = capacityCapex
        self.capacityOM = capacityOM
    }

    /// The plant of a path whose uniforms are `uniform(dimension)`: the file's plant with each drawn number set.
    @inline(__always)
    func plant(_ uniform: (Int) -> Double) -> HydrogenPlant {
        var p = plant
        for draw in plantDraws { draw.parameter.set(draw.quantile.quantile(uniform(draw.dimension)), in: &p) }
        return p
    }

    /// Dispatches every operating year of `path` with its drawn weather and `plant` into `years`, from
    /// the plant's initial state.
    ///
    /// - Complexity: O(8760 × operating years); no allocation.
    func dispatchYears(path: Int, plant: HydrogenPlant?, _ scratch: Scratch, into years: UnsafeMutableBufferPointer<DispatchYear>) {
        dispatchYears(path: path, of: pool, plant: plant, scratch, into: years)
    }

    private func dispatchYears(path: Int, of pool: WeatherPool, plant: HydrogenPlant?, _ scratch: Scratch,
                               into years: UnsafeMutableBufferPointer<DispatchYear>) {
        if let plant { scratch.dispatch.start(plant) } else { scratch.dispatch.state = scratch.initialState }
        for k in 0..<operatingYears {
            years[k] = HydrogenModule.dispatchYear(&scratch.dispatch, pool.profiles[pool.index(path: path, operatingYear: k)],
                                                   operatingYear: k)
        }
    }

    /// Writes into every lane of `ws` the section's lines for the base weather and the file's plant with
    /// the number of input `keyPath` set to `value` (any other key path: the file's plant), for one input
    /// at a time (`LaneModel.setOnly`: tornado and spider diagrams). Without a drawn plant number the
    /// compiled lines, which nothing else writes there, are already the base case's: nothing to do.
    func applyOnly(keyPath: String, value: Double, _ ws: LaneWorkspace) {
        guard !plantDraws.isEmpty, let scratch = ws.weatherScratch else { return }
        var p = plant
        if let draw = plantDraws.first(where: { "\(HydrogenModule.sectionKey).\($0.parameter.rawValue)" == keyPath }) {
            draw.parameter.set(value, in: &p)
        }
        let years = scratch.years(lane: 0)
        dispatchYears(path: 0, of: baseWeather, plant: p, scratch, into: years)
        for j in 0..<Lanes.scalarCount { writeLines(lane: j, plant: p, years: UnsafeBufferPointer(years), ws) }
    }

    /// Writes the section's lines of paths `firstPath ..< firstPath + 8`, one per lane, into `ws`, each
    /// with the plant its uniforms `u` draw (after the copula): hydrogen and export quantities, the
    /// export price row, the import, water and self-use lines, and the capex and fixed O&M that follow
    /// the plant. Each lane's years stay in the worker's scratch.
    func apply(firstPath: Int, uniforms u: UnsafeMutablePointer<Lanes>, _ ws: LaneWorkspace) {
        guard let scratch = ws.weatherScratch else { return }
        for j in 0..<Lanes.scalarCount {
            var pathPlant: HydrogenPlant?
            if !plantDraws.isEmpty { pathPlant = plant { u[$0][j] } }
            let years = scratch.years(lane: j)
            dispatchYears(path: firstPath + j, plant: pathPlant, scratch, into: years)
            writeLines(lane: j, plant: pathPlant ?? plant, years: UnsafeBufferPointer(years), ws)
        }
    }

    /// Lane `j`'s lines for the dispatch `years` of `plant`.
    @inline(__always)
    private func writeLines(lane j: Int, plant: HydrogenPlant, years: UnsafeBufferPointer<DispatchYear>, _ ws: LaneWorkspace) {
        let n = yearCount, op = operationStart
        let capturePrice = DispatchYear.lifetimeCapturePrice(years)
        for k in 0..<operatingYears {
            let t = op + k, y = years[k]
            ws.quantity[hydrogenRow * n + t][j] = y.hydrogenDelivered
            ws.quantity[exportRow * n + t][j] = y.exportKWh
            // The compiler's price row: price × (1 + escalation 0)^k × shape.
            ws.price[exportRow * n + t][j] = capturePrice * y.exportPriceShape(lifetimeCapturePrice: capturePrice)
            if let l = importLine { ws.costQuantity[l * n + t][j] = y.importCost }
            if let l = waterLine { ws.costQuantity[l * n + t][j] = y.waterTonnes(perKg: waterTonnesPerKg) }
            if let l = selfUseLine { ws.costQuantity[l * n + t][j] = y.selfConsumptionKWh }
        }
        writePlantCosts(lane: j, plant: plant, years: years, ws)
    }

    /// Lane `j`'s capex and fixed O&M that follow `plant`: summed as the compiler sums the section's
    /// items (the class's other capex first, then the capacity costs in order, then the replacements).
    @inline(__always)
    private func writePlantCosts(lane j: Int, plant: HydrogenPlant, years: UnsafeBufferPointer<DispatchYear>, _ ws: LaneWorkspace) {
        for (index, amount) in capexWithoutPlant { ws.capex[index][j] = amount }
        for cost in capacityCapex {
            if let amount = cost.capacity.amount(yuanPerUnit: cost.yuanPerUnit, for: plant) { ws.capex[cost.index][j] += amount }
        }
        if let stackEntry {
            let cost = plant.electrolyser.stackReplacementCost(capacityMW: plant.electrolyser.capacityMW)
            for k in 0..<operatingYears where years[k].stackReplacements > 0 {
                ws.capex[stackEntry + k][j] += Double(years[k].stackReplacements) * cost
            }
        }
        for cost in capacityOM {
            let amount = cost.capacity.amount(yuanPerUnit: cost.yuanPerUnit, for: plant) ?? 0
            for k in 0..<operatingYears { ws.costQuantity[cost.index + k][j] = amount }
        }
    }

    /// The capex entries a path may make nonzero (so the engine depreciates them as vintages): the
    /// capacity costs' items and the stack class's operating years.
    var capexEntries: [(assetClass: Int, year: Int)] {
        capexWithoutPlant.map { ($0.index / yearCount, $0.index % yearCount) }
    }
}
