extension LaneModel {
    /// Sets uncertain input `k` to its `q`-quantile in every lane of `ws` and leaves every other input
    /// at its base value: a distribution takes `quantile(q)`, a per-year multiplier its `q`-quantile in
    /// every operating year, a process the `q`-quantile of each year's multiplier
    /// (`PriceProcess.multiplierQuantile`). Correlations and policy risks are not applied (one input at
    /// a time, for tornado and spider diagrams). A number of the hydrogen plant is dispatched with the
    /// base weather when the model has its per-path dispatch (`ModulePathLanes.applyBase`).
    ///
    /// - Returns: the level: the drawn value, or the multiplier (a process's first operating year).
    func setOnly(input k: Int, quantile q: Double, _ ws: LaneWorkspace) -> (level: Double, kind: StochasticModel.LevelKind) {
        resetDrawnEntries(ws)
        let input = drawer.inputs[k]
        // With a module's per-path model, its base case with this one number of its own (the base numbers for
        // any other input, which also undoes the last number set), written before the draw acts, as on a path
        // (a capex draw adds to the capex the plant's costs write).
        for (i, pathModel) in pathModels.enumerated() {
            var field: String?, value = 0.0
            if case .distribution(let dist) = input.law, input.keyPath.hasPrefix(pathModel.sectionPrefix) {
                field = String(input.keyPath.dropFirst(pathModel.sectionPrefix.count))
                value = dist.quantile(q)
            }
            pathModel.applyBase(setting: field, to: value, worker: ws.pathWorkers[i], ws)
        }
        let op = operationStart, n = yearCount
        switch input.law {
        case .distribution(let dist):
            let x = dist.quantile(q)
            applyValue(Lanes(repeating: x), input.target, base: input.base, ws)
            return (x, .value)
        case .perYearMultiplier(let dist):
            let f = dist.quantile(q)
            for t in op..<n { multiply(Lanes(repeating: f), year: t, input.target, ws) }
            return (f, .multiplier)
        case .process(let process):
            for t in op..<n { multiply(Lanes(repeating: process.multiplierQuantile(q, year: t - op + 1)), year: t, input.target, ws) }
            return (process.multiplierQuantile(q, year: 1), .multiplier)
        }
    }
}
