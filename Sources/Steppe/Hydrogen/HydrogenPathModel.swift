/// The hourly dispatch inside the Monte Carlo loop (`ModulePathModel`): each path dispatches each operating
/// year with its own weather (`hydrogen.weather: {draw: perPath}`, from the `WeatherPool`) and its own plant
/// (the plant's numbers given as distributions, `HydrogenPlant.Parameter`), with the export cap,
/// curtailment, battery and stack hours carried from year to year as in the base case, and its yearly
/// results replace the lines the section contributes, in that path's lane.
///
/// The lines are formed as the base case forms them (`DispatchYear+Lines`, `contribute`'s products and cost
/// lines), so a path equals a deterministic evaluation of the same weather years and plant
/// (`HydrogenModule.Profiles.yearly`). The engine writes them after the drawn entries are reset and the
/// copula has acted, and before the draws apply, so a drawn export or hydrogen price acts on the path's
/// own rows as on the base rows. Capex that follows the plant is the path's own: the capex of its classes
/// without it (`moduleWithoutPathCapex`, compiled once by the engine), plus the capacity costs' capex
/// items for the path's capacities in the section's order, plus its own stack replacements in the years
/// they happen (priced per kW of its electrolyser when so stated); the capacity costs' fixed O&M lines
/// follow its capacities too.
///
/// The plant's dispatch, with its price-level ranking of hours, is prepared once; each worker copies it
/// once (`HydrogenPathWorker`), so the per-path run allocates nothing.
///
/// Not per path: the first revenue year of a tax holiday counted from first revenue (a compiled constant
/// from the base case; it moves only if a whole year had no revenue).
struct HydrogenPathModel: ModulePathModel {
    /// The years paths draw their weather from.
    let pool: WeatherPool
    /// The base case's weather years, for one plant number set alone (`runBase`; with drawn weather and no
    /// drawn plant number, never read).
    let baseWeather: WeatherPool
    /// The plant's dispatch in its initial state, copied once per worker.
    let dispatch: Dispatch
    /// The plant as the file gives it (the base case's).
    let plant: HydrogenPlant
    /// A number of the plant each path draws, with its draw.
    struct PlantDraw: Sendable {
        var parameter: HydrogenPlant.Parameter
        var draw: ModulePathContext.OwnParameterDraw
    }
    let plantDraws: [PlantDraw]
    let section: HydrogenModule
    let yearCount: Int
    let operationStart: Int
    /// The calendar year of the first operating year.
    let firstOperatingYear: Int
    var operatingYears: Int { yearCount - operationStart }
    let waterTonnesPerKg: Double
    /// The capacity costs that follow the plant, in the section's order: capex items (each in its year)
    /// and fixed O&M lines (from the first operating year).
    let capacityCapex: [(cost: CapacityCost, year: Int)]
    let capacityOM: [CapacityCost]
    /// Whether stack replacements cost something and have an asset class (then a capex line).
    let stackCapex: Bool
    let lines: [ModulePathLine]
    /// The first line of each kind (`lines` order: the six dispatch lines, the capacity capex items, the
    /// stack replacements, the capacity O&M lines).
    private let firstCapacityCapexLine: Int, stackLine: Int, firstCapacityOMLine: Int

    var drawsOwnParameters: Bool { !plantDraws.isEmpty }
    var summaryPathLimit: Int { WeatherYieldSummary.pathLimit }
    var drawnByPath: String? { pool.drawsYears ? "\(HydrogenModule.sectionKey).weather (years drawn per path)" : nil }

    var moduleWithoutPathCapex: (any ScenarioModule)? {
        guard !capacityCapex.isEmpty || stackCapex else { return nil }
        var module = section
        module.contributesPlantCapex = false
        return module
    }

    /// The per-path dispatch of `section`, or nil when its weather is fixed and no number of its plant is drawn.
    init?(_ section: HydrogenModule, _ context: ModulePathContext) {
        let scenario = context.scenario
        plantDraws = context.ownParameterDraws.compactMap { draw in
            HydrogenPlant.Parameter(rawValue: draw.field).map { PlantDraw(parameter: $0, draw: draw) }
        }
        switch (section.weather, section.profiles) {
        case (.perPath(let poolYears), .synthetic(let resource, let profileSeed)):
            pool = WeatherPool(model: resource, profileSeed: profileSeed, firstYear: scenario.resolvedOperationStartYear,
                               years: poolYears, runSeed: context.runSeed)
        case (.perPath, .record(let years)):
            pool = WeatherPool(record: years, runSeed: context.runSeed)
        default:
            guard !plantDraws.isEmpty else { return nil }
            pool = WeatherPool(fixed: section.baseWeather(for: scenario))
        }
        // A plant number set alone dispatches the base case's weather years, which a drawing pool is not.
        baseWeather = pool.drawsYears && !plantDraws.isEmpty ? WeatherPool(fixed: section.baseWeather(for: scenario)) : pool
        self.section = section
        plant = section.plant
        dispatch = section.makeDispatch()
        yearCount = context.yearCount
        operationStart = context.operationStart
        firstOperatingYear = context.startYear + context.operationStart
        waterTonnesPerKg = section.water?.tonnesPerKg ?? 0

        let operating = context.operationStart..<context.yearCount
        var lines: [ModulePathLine] = [
            ModulePathLine(.productQuantity(id: "hydrogen"), years: operating),
            ModulePathLine(.productQuantity(id: "grid-export"), years: operating),
            ModulePathLine(.productPrice(id: "grid-export"), years: operating),
            ModulePathLine(.costQuantity(id: "grid-import"), years: operating),
            ModulePathLine(.costQuantity(id: "water"), years: operating),
            ModulePathLine(.costQuantity(id: "self-use-system-fees"), years: operating),
        ]
        var capacityCapex: [(cost: CapacityCost, year: Int)] = [], capacityOM: [CapacityCost] = []
        var capexLines: [ModulePathLine] = [], omLines: [ModulePathLine] = []
        for cost in section.capacityCosts where cost.amount(for: section.plant) != nil {
            switch cost.kind {
            case .capex(let year, let assetClass):
                let t = year - context.startYear
                capacityCapex.append((cost, t))
                capexLines.append(ModulePathLine(.capex(assetClass: assetClass), years: t..<(t + 1)))
            case .fixedOM(let id, _, _):
                capacityOM.append(cost)
                omLines.append(ModulePathLine(.costQuantity(id: id), years: operating))
            }
        }
        firstCapacityCapexLine = lines.count
        lines += capexLines
        stackLine = lines.count
        let elz = section.plant.electrolyser
        if let id = elz.stackAssetClass, elz.stackReplacementCost > 0 {
            stackCapex = true
            lines.append(ModulePathLine(.capex(assetClass: id), years: operating))
        } else {
            stackCapex = false
        }
        firstCapacityOMLine = lines.count
        lines += omLines
        self.capacityCapex = capacityCapex
        self.capacityOM = capacityOM
        self.lines = lines
    }

    func makeWorker() -> HydrogenPathWorker { HydrogenPathWorker(self) }

    /// The plant of a path whose uniforms are `uniform(dimension)`: the file's plant with each drawn number set.
    @inline(__always)
    func plant(_ uniform: (Int) -> Double) -> HydrogenPlant {
        var p = plant
        for d in plantDraws { d.parameter.set(d.draw.value(uniform: uniform(d.draw.dimension)), in: &p) }
        return p
    }

    /// Dispatches every operating year of `path` of `pool` with `plant` (nil: the file's) into `years`,
    /// from the plant's initial state.
    ///
    /// - Complexity: O(8760 × operating years); no allocation.
    func dispatchYears(path: Int, of pool: WeatherPool, plant: HydrogenPlant?, _ dispatch: inout Dispatch,
                       initialState: Dispatch.State, into years: UnsafeMutableBufferPointer<DispatchYear>) {
        if let plant { dispatch.start(plant) } else { dispatch.state = initialState }
        for k in 0..<operatingYears {
            years[k] = HydrogenModule.dispatchYear(&dispatch, pool.profiles[pool.index(path: path, operatingYear: k)], operatingYear: k)
        }
    }

    /// The lines' values for the dispatch `years` of `plant`, at `values[line × yearCount + year]`.
    @inline(__always)
    func writeLines(plant: HydrogenPlant, years: UnsafeBufferPointer<DispatchYear>, into values: UnsafeMutableBufferPointer<Double>) {
        let n = yearCount, op = operationStart
        let capturePrice = DispatchYear.lifetimeCapturePrice(years)
        for k in 0..<operatingYears {
            let t = op + k, y = years[k]
            values[t] = y.hydrogenDelivered
            values[n + t] = y.exportKWh
            // The compiler's price row: price × (1 + escalation 0)^k × shape.
            values[2 * n + t] = capturePrice * y.exportPriceShape(lifetimeCapturePrice: capturePrice)
            values[3 * n + t] = y.importCost
            values[4 * n + t] = y.waterTonnes(perKg: waterTonnesPerKg)
            values[5 * n + t] = y.selfConsumptionKWh
        }
        for (i, item) in capacityCapex.enumerated() {
            values[(firstCapacityCapexLine + i) * n + item.year] = item.cost.capacity.amount(yuanPerUnit: item.cost.yuanPerUnit, for: plant) ?? 0
        }
        if stackCapex {
            let cost = plant.electrolyser.stackReplacementCost(capacityMW: plant.electrolyser.capacityMW)
            for k in 0..<operatingYears { values[stackLine * n + op + k] = Double(years[k].stackReplacements) * cost }
        }
        for (i, cost) in capacityOM.enumerated() {
            let amount = cost.capacity.amount(yuanPerUnit: cost.yuanPerUnit, for: plant) ?? 0
            for k in 0..<operatingYears { values[(firstCapacityOMLine + i) * n + op + k] = amount }
        }
    }

    /// What the drawn weather and plant did over the first paths (`WeatherYieldSummary`), with the report's
    /// section (`presentation`) for the export cap in force.
    func summary(of records: [[DispatchYear]]) -> ModulePathSummary? {
        let summary = yieldSummary(of: records)
        var json = summary.json
        if case .object(let members) = json {
            json = .object(members + [("presentation", summary.presentation(capShare: plant.exportCapShare).json)])
        }
        return ModulePathSummary(key: "hydrogenWeather", json: json, text: summary.text)
    }

    func yieldSummary(of records: [[DispatchYear]]) -> WeatherYieldSummary {
        WeatherYieldSummary(pathYears: records, poolYears: pool.drawsYears ? pool.profiles.count : nil,
                            plantParameters: plantDraws.map { "\(HydrogenModule.sectionKey).\($0.parameter.rawValue)" },
                            firstYear: firstOperatingYear)
    }
}

extension HydrogenModule {
    /// The hourly dispatch run on each path, when its weather or a number of its plant is drawn.
    public func pathModel(_ context: ModulePathContext) throws(ScenarioErrors) -> (any ModulePathModel)? {
        HydrogenPathModel(self, context)
    }
}
