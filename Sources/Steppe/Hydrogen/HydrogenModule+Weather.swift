extension HydrogenModule {
    /// Whose weather a Monte Carlo path dispatches (`hydrogen.weather`). The deterministic
    /// evaluation always keeps the base weather of `profile`.
    public enum Weather: Sendable, Equatable {
        /// Every path has the base weather (the default): the dispatch runs once per scenario.
        case fixed
        /// Each path draws the weather of each operating year from a pool of `poolYears` years of the
        /// synthetic resource model (`WeatherPool`), keyed by (run seed, path, operating year), and is
        /// dispatched hour by hour with it (`HydrogenPathModel`).
        case perPath(poolYears: Int)

        /// The pool's size when the scenario gives none: enough years for a one-year P90 of a few
        /// per cent's accuracy, while the pool (140 KB a year) stays small and is built in about 0.1 s.
        public static let defaultPoolYears = 100
        /// The largest pool accepted (about 280 MB of profiles).
        public static let largestPoolYears = 2000
    }

    /// Reads `weather: {draw: fixed | perPath, poolYears: N}`; a drawn weather needs a synthetic profile.
    static func decodeWeather(_ f: SourceField, profiles: Profiles?) -> Weather? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let drawField = o.required("draw")
        let draw = drawField?.string()
        let poolField = o.optional("poolYears")
        let pool = poolField?.int(min: 1, max: Weather.largestPoolYears)
        guard let drawField, let draw else { return nil }
        switch draw {
        case "fixed":
            if let poolField { f.reader.fail(poolField.node, poolField.path, "applies only to draw: perPath") }
            return .fixed
        case "perPath":
            if poolField != nil, pool == nil { return nil }
            if case .representative = profiles {
                f.reader.fail(drawField.node, drawField.path,
                              "draw: perPath needs a synthetic profile (profile.synthetic); resampling the years of a CSV profile is not implemented yet")
                return nil
            }
            return .perPath(poolYears: pool ?? Weather.defaultPoolYears)
        default:
            let names = ["fixed", "perPath"]
            let hint = closestMatch(to: draw, in: names).map { "; did you mean '\($0)'?" } ?? ""
            f.reader.fail(drawField.node, drawField.path, "'\(draw)' is not one of \(names.joined(separator: ", "))\(hint)")
            return nil
        }
    }
}

extension HydrogenModule {
    /// The base case's weather of each operating year of `scenario`, first operating year first: what
    /// every path dispatches when only the plant is drawn. A representative profile is one year, reused.
    func baseWeather(for scenario: Scenario) -> [ResourceProfile] {
        let first = scenario.resolvedOperationStartYear
        switch profiles {
        case .representative(let p): return [p]
        case .synthetic(let model, let seed): return (0..<scenario.operatingYears).map { model.profile(year: first + $0, seed: seed) }
        case .yearly(let given): return given
        }
    }
}
