/// One worker thread's per-path dispatch (`ModulePathWorker`): its copy of the plant's dispatch and the
/// dispatch years of the eight paths it last ran (lane `j`'s years at `j × operatingYears`).
final class HydrogenPathWorker: ModulePathWorker {
    let model: HydrogenPathModel
    var dispatch: Dispatch
    let initialState: Dispatch.State
    let years: UnsafeMutableBufferPointer<DispatchYear>

    init(_ model: HydrogenPathModel) {
        self.model = model
        dispatch = model.dispatch
        initialState = model.dispatch.state
        years = .allocate(capacity: max(model.operatingYears, 1) * Lanes.scalarCount)
        years.initialize(repeating: DispatchYear())
    }
    deinit { years.deallocate() }

    /// Lane `j`'s operating years.
    func years(lane j: Int) -> UnsafeMutableBufferPointer<DispatchYear> {
        let n = model.operatingYears
        return UnsafeMutableBufferPointer(rebasing: years[(j * n)..<((j + 1) * n)])
    }

    /// Dispatches `path`'s drawn weather years with the plant its uniforms draw, and writes its lines.
    func run(path: Int, lane: Int, uniform: (Int) -> Double, into values: UnsafeMutableBufferPointer<Double>) {
        let plant: HydrogenPlant? = model.plantDraws.isEmpty ? nil : model.plant(uniform)
        let years = years(lane: lane)
        model.dispatchYears(path: path, of: model.pool, plant: plant, &dispatch, initialState: initialState, into: years)
        model.writeLines(plant: plant ?? model.plant, years: UnsafeBufferPointer(years), into: values)
    }

    /// Dispatches the base weather with the file's plant, number `field` set to `value` (any other field,
    /// or nil: the file's plant), and writes its lines (lane 0 keeps the years).
    func runBase(setting field: String?, to value: Double, into values: UnsafeMutableBufferPointer<Double>) {
        var plant = model.plant
        if let field, let parameter = model.plantDraws.first(where: { $0.draw.field == field })?.parameter {
            parameter.set(value, in: &plant)
        }
        let years = years(lane: 0)
        model.dispatchYears(path: 0, of: model.baseWeather, plant: plant, &dispatch, initialState: initialState, into: years)
        model.writeLines(plant: plant, years: UnsafeBufferPointer(years), into: values)
    }

    func record(lane: Int) -> [DispatchYear] { Array(years(lane: lane)) }
}
