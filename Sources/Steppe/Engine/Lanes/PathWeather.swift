/// The hourly dispatch inside the Monte Carlo loop (`hydrogen.weather: {draw: perPath}`): each path
/// dispatches each operating year with its own weather from the `WeatherPool`, with the export cap,
/// curtailment, battery and stack hours carried from year to year as in the base case, and its yearly
/// results replace the lines the hydrogen section contributes, in that path's lane.
///
/// The lines are formed as the base case forms them (`DispatchYear+Lines`, the compiler's products and
/// cost lines), so a path equals a deterministic evaluation of the same weather years
/// (`HydrogenModule.Profiles.yearly`). They are written after the drawn entries are reset and before
/// the draws apply, so a drawn export or hydrogen price acts on the path's own rows as on the base rows.
/// Stack replacements are capex of the year they happen on the path: the stack class's capex without
/// them (compiled once) plus the path's replacements.
///
/// The plant's dispatch, with its price-level ranking of hours, is prepared once; each worker copies
/// it once (`Scratch`), so the per-path loop allocates nothing.
///
/// Not per path: the first revenue year of a tax holiday counted from first revenue (a compiled
/// constant from the base weather; it moves only if a whole year had no revenue).
struct PathWeather: Sendable {
    let pool: WeatherPool
    /// The plant's dispatch in its initial state, copied once per worker.
    let dispatch: Dispatch
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
    /// The stack replacements' asset class, the cost of one replacement and the class's capex of
    /// each year without them (nil: replacements cost nothing).
    let stack: (assetClass: Int, cost: Double, capexWithout: [Double])?

    /// One worker's dispatch and one path's years.
    final class Scratch {
        var dispatch: Dispatch
        let initialState: Dispatch.State
        let years: UnsafeMutableBufferPointer<DispatchYear>
        init(_ weather: PathWeather) {
            dispatch = weather.dispatch
            initialState = weather.dispatch.state
            years = .allocate(capacity: max(weather.operatingYears, 1))
            years.initialize(repeating: DispatchYear())
        }
        deinit { years.deallocate() }
    }

    /// The per-path weather of `scenario`'s hydrogen section, or nil when its weather is fixed.
    ///
    /// - Parameters:
    ///   - model: `scenario` compiled (its rows are where the paths' lines go).
    ///   - runSeed: the Monte Carlo run's seed, which keys each path's weather years.
    init?(scenario: Scenario, model: CompiledModel, runSeed: UInt64) throws(ScenarioErrors) {
        guard let section = scenario.modules.lazy.compactMap({ $0 as? HydrogenModule }).first,
              case .perPath(let poolYears) = section.weather, case .synthetic(let resource, let profileSeed) = section.profiles
        else { return nil }
        let n = model.yearCount
        pool = WeatherPool(model: resource, profileSeed: profileSeed, firstYear: scenario.resolvedOperationStartYear,
                           years: poolYears, runSeed: runSeed)
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
        let elz = section.plant.electrolyser
        if let id = elz.stackAssetClass, elz.stackReplacementCost > 0, let c = model.assetClasses.firstIndex(where: { $0.id == id }) {
            var withoutStacks = scenario
            withoutStacks.modules = scenario.modules.map { module in
                guard var h = module as? HydrogenModule else { return module }
                h.contributesStackCapex = false
                return h
            }
            let other = try withoutStacks.compile()
            stack = (c, elz.stackReplacementCost, (0..<n).map { other.capex[c, $0] })
        } else {
            stack = nil
        }
    }

    /// Dispatches every operating year of `path` with its drawn weather into `scratch.years`, from the plant's initial state.
    ///
    /// - Complexity: O(8760 × operating years); no allocation.
    func dispatchYears(path: Int, _ scratch: Scratch) {
        scratch.dispatch.state = scratch.initialState
        for k in 0..<operatingYears {
            scratch.years[k] = HydrogenModule.dispatchYear(&scratch.dispatch, pool.profiles[pool.index(path: path, operatingYear: k)],
                                                           operatingYear: k)
        }
    }

    /// Writes the section's lines of paths `firstPath ..< firstPath + 8`, one per lane, into `ws`:
    /// hydrogen and export quantities, the export price row, the import, water and self-use lines, and
    /// the stack class's capex.
    func apply(firstPath: Int, _ ws: LaneWorkspace) {
        guard let scratch = ws.weatherScratch else { return }
        let n = yearCount, op = operationStart
        for j in 0..<Lanes.scalarCount {
            dispatchYears(path: firstPath + j, scratch)
            let years = UnsafeBufferPointer(scratch.years)
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
                if let (c, cost, without) = stack {
                    ws.capex[c * n + t][j] = y.stackReplacements > 0 ? without[t] + Double(y.stackReplacements) * cost : without[t]
                }
            }
        }
    }

    /// The operating years' capex entries of the stack class, which a path may make nonzero (so the
    /// engine depreciates them as vintages).
    var capexEntries: [(assetClass: Int, year: Int)] {
        guard let stack else { return [] }
        return (operationStart..<yearCount).map { (stack.assetClass, $0) }
    }
}
