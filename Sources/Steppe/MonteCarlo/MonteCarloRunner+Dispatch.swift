extension MonteCarloRunner {
    /// Each path's hourly-dispatch years over `paths` (`[path][operating year]`), as the evaluation of the
    /// same paths dispatches them (its weather and plant); nil when no path dispatches its own.
    ///
    /// - Complexity: O(*paths* × operating years) dispatch years plus the paths' pro forma.
    func dispatchYears(paths: Range<Int>) -> [[DispatchYear]]? {
        guard lanes.weather != nil else { return nil }
        var result: [[DispatchYear]] = []
        result.reserveCapacity(paths.count)
        forEachGroup(of: paths, recording: false, only: []) { _, count, ws, _ in
            guard let scratch = ws.weatherScratch else { return }
            for j in 0..<count { result.append(Array(scratch.years(lane: j))) }
        }
        return result
    }
}
