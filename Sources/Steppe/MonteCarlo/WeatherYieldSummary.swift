import Foundation

/// What the drawn weather does to the plant, over the first paths of a Monte Carlo run
/// (`hydrogen.weather: {draw: perPath}`): per operating year and over the life, P10/P50/P90 of the
/// hydrogen produced, the electricity exported and curtailed and the export share, and the
/// probability that the export cap binds in a year.
///
/// Percentiles are exact sample quantiles (type 7, as the fan chart) over paths `0 ..< paths`,
/// re-dispatched from their keys: they depend on the seed and the path count only, not on threads
/// or shards. P10 is the 10th percentile: the yield lenders call "P90" (exceeded with 90%
/// probability) is the `p10` column.
public struct WeatherYieldSummary: Sendable {
    /// The 10th, 50th and 90th percentiles of one quantity.
    public struct Band: Sendable, Equatable {
        public var p10, p50, p90: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            p10 = interpolatedQuantile(sorted, 0.1); p50 = interpolatedQuantile(sorted, 0.5); p90 = interpolatedQuantile(sorted, 0.9)
        }
    }
    /// One quantity per operating year and over the life.
    public struct Quantity: Sendable {
        public var name: String
        public var unit: String
        public var yearly: [Band]
        public var lifetime: Band
    }

    public let paths: Int
    public let poolYears: Int
    /// Calendar years of operation.
    public let years: [Int]
    /// Hydrogen produced (kg), export and curtailment (MWh), export share of generation (lifetime: Σ export / Σ generation).
    public let quantities: [Quantity]
    /// Share of paths on which the cap binds in each year, and share of all path-years.
    public let capBindingProbability: [Double]
    public let capBindingShareOfYears: Double

    /// Paths the summary re-dispatches (at most), as the fan chart re-evaluates its paths.
    public static let pathLimit = 1000

    /// - Complexity: O(*paths* × operating years) dispatch years; 1000 paths of 20 years take about 0.2-0.6 s.
    init(_ weather: PathWeather, paths: Int, firstYear: Int) {
        let n = weather.operatingYears
        let scratch = PathWeather.Scratch(weather)
        var yearly = [[DispatchYear]](repeating: [], count: n)
        var lifetimes: [(hydrogen: Double, export: Double, curtailment: Double, generation: Double)] = []
        for path in 0..<paths {
            weather.dispatchYears(path: path, scratch)
            var life = (hydrogen: 0.0, export: 0.0, curtailment: 0.0, generation: 0.0)
            for (k, y) in scratch.years.enumerated() {
                yearly[k].append(y)
                life.hydrogen += y.hydrogenProduced; life.export += y.export
                life.curtailment += y.curtailment; life.generation += y.generation
            }
            lifetimes.append(life)
        }
        func quantity(_ name: String, _ unit: String, _ year: (DispatchYear) -> Double,
                      _ life: ((hydrogen: Double, export: Double, curtailment: Double, generation: Double)) -> Double) -> Quantity {
            Quantity(name: name, unit: unit, yearly: yearly.map { Band($0.map(year)) }, lifetime: Band(lifetimes.map(life)))
        }
        self.paths = paths
        poolYears = weather.pool.profiles.count
        years = (0..<n).map { firstYear + $0 }
        quantities = [
            quantity("hydrogenProduced", "kg", \.hydrogenProduced, \.hydrogen),
            quantity("export", "MWh", \.export, \.export),
            quantity("curtailment", "MWh", \.curtailment, \.curtailment),
            quantity("exportShare", "share of generation", \.exportShare) { $0.generation > 0 ? $0.export / $0.generation : 0 },
        ]
        let binding = yearly.map { Double($0.filter(\.capBinds).count) }
        capBindingProbability = binding.map { paths > 0 ? $0 / Double(paths) : 0 }
        capBindingShareOfYears = paths > 0 && n > 0 ? binding.reduce(0, +) / Double(paths * n) : 0
    }

    /// `{paths, poolYears, years, <quantity>: {unit, p10: [..], p50: [..], p90: [..], lifetime: {p10, p50, p90}}, capBindingProbability: [..], capBindingShareOfYears}`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("paths", .number(Double(paths))), ("poolYears", .number(Double(poolYears))),
            ("years", .array(years.map { .number(Double($0)) })),
        ]
        for q in quantities {
            members.append((q.name, .object([
                ("unit", .string(q.unit)),
                ("p10", .array(q.yearly.map { .number($0.p10) })), ("p50", .array(q.yearly.map { .number($0.p50) })),
                ("p90", .array(q.yearly.map { .number($0.p90) })),
                ("lifetime", .object([("p10", .number(q.lifetime.p10)), ("p50", .number(q.lifetime.p50)), ("p90", .number(q.lifetime.p90))])),
            ])))
        }
        members.append(("capBindingProbability", .array(capBindingProbability.map { .number($0) })))
        members.append(("capBindingShareOfYears", .number(capBindingShareOfYears)))
        return .object(members)
    }

}
