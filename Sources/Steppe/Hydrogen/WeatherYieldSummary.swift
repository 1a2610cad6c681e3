import Foundation

/// What the drawn weather and plant do to the hydrogen plant, over the first paths of a Monte Carlo run
/// (`hydrogen.weather: {draw: perPath}`, or plant numbers given as distributions): per operating year and
/// over the life, P10/P50/P90/P99 of the hydrogen produced, the electricity exported, curtailed and
/// imported, the export share, the electrolyser's operating hours and the stack replacements; the
/// probability that the export cap binds in a year; the lenders' one-year and ten-year P90 yield; and the
/// distribution of the yearly curtailment.
///
/// Percentiles are exact sample quantiles (type 7, as the fan chart) over paths `0 ..< paths`, whose
/// dispatch years are those the run's evaluation of the same paths dispatches: they depend on the seed
/// and the path count only, not on threads or shards. P10 is the 10th percentile: the yield lenders call
/// "P90" (exceeded with 90% probability) is the `p10` column.
public struct WeatherYieldSummary: Sendable {
    /// The 10th, 50th, 90th and 99th percentiles of one quantity.
    public struct Band: Sendable, Equatable {
        public var p10, p50, p90, p99: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            p10 = interpolatedQuantile(sorted, 0.1); p50 = interpolatedQuantile(sorted, 0.5)
            p90 = interpolatedQuantile(sorted, 0.9); p99 = interpolatedQuantile(sorted, 0.99)
        }

        /// The percentiles, P10 first, with their levels.
        public var levels: [(level: Int, value: Double)] { [(10, p10), (50, p50), (90, p90), (99, p99)] }
    }
    /// One quantity per operating year and over the life.
    public struct Quantity: Sendable {
        public var name: String
        public var unit: String
        public var yearly: [Band]
        public var lifetime: Band
    }
    /// The yield lenders size debt on (hydrogen produced, kg a year) over the first `years` operating
    /// years: P50 and P90 (exceeded with 90% probability, the 10th percentile) of a single year (all
    /// path-years of the window) and of the mean year of the window on a path.
    public struct LenderYield: Sendable, Equatable {
        public var years: Int
        public var oneYearP50, oneYearP90: Double
        public var multiYearP50, multiYearP90: Double
    }

    public let paths: Int
    /// Synthetic years the weather is drawn from (nil: every path has the base weather).
    public let poolYears: Int?
    /// Key paths of the plant's numbers drawn per path.
    public let plantParameters: [String]
    /// Calendar years of operation.
    public let years: [Int]
    /// Hydrogen produced (kg), export, curtailment and import (MWh), export share of generation (lifetime:
    /// Σ export / Σ generation), electrolyser operating hours (h) and stack replacements (count).
    public let quantities: [Quantity]
    /// Share of paths on which the cap binds in each year, and share of all path-years.
    public let capBindingProbability: [Double]
    public let capBindingShareOfYears: Double
    /// The lenders' yield over `lenderWindow` operating years (nil without operating years).
    public let lenderYield: LenderYield?
    /// The paths' mean yearly curtailment (MWh a year), in `curtailmentBins` equal bins.
    public let curtailmentHistogram: EqualBinHistogram?

    /// Paths the summary takes (at most), as the fan chart re-evaluates its paths.
    public static let pathLimit = 1000
    /// Operating years of the lenders' multi-year yield (the usual ten, fewer in a shorter life).
    public static let lenderWindow = 10
    public static let curtailmentBins = 20

    /// - Parameter pathYears: each path's dispatch years, first operating year first (all the same count).
    init(pathYears: [[DispatchYear]], poolYears: Int?, plantParameters: [String], firstYear: Int) {
        let n = pathYears.first?.count ?? 0, paths = pathYears.count
        typealias Life = (hydrogen: Double, export: Double, curtailment: Double, generation: Double, imports: Double,
                          hours: Double, replacements: Double)
        var yearly = [[DispatchYear]](repeating: [], count: n)
        var lifetimes: [Life] = []
        for path in pathYears {
            var life: Life = (0, 0, 0, 0, 0, 0, 0)
            for (k, y) in path.enumerated() {
                yearly[k].append(y)
                life.hydrogen += y.hydrogenProduced; life.export += y.export
                life.curtailment += y.curtailment; life.generation += y.generation; life.imports += y.gridImport
                life.hours += y.electrolyserOperatingHours; life.replacements += Double(y.stackReplacements)
            }
            lifetimes.append(life)
        }
        func quantity(_ name: String, _ unit: String, _ year: (DispatchYear) -> Double, _ life: (Life) -> Double) -> Quantity {
            Quantity(name: name, unit: unit, yearly: yearly.map { Band($0.map(year)) }, lifetime: Band(lifetimes.map(life)))
        }
        self.paths = paths
        self.poolYears = poolYears
        self.plantParameters = plantParameters
        years = (0..<n).map { firstYear + $0 }
        quantities = [
            quantity("hydrogenProduced", "kg", \.hydrogenProduced, \.hydrogen),
            quantity("export", "MWh", \.export, \.export),
            quantity("curtailment", "MWh", \.curtailment, \.curtailment),
            quantity("exportShare", "share of generation", \.exportShare) { $0.generation > 0 ? $0.export / $0.generation : 0 },
            quantity("gridImport", "MWh", \.gridImport, \.imports),
            quantity("operatingHours", "h", \.electrolyserOperatingHours, \.hours),
            quantity("stackReplacements", "count", { Double($0.stackReplacements) }, \.replacements),
        ]
        let binding = yearly.map { Double($0.filter(\.capBinds).count) }
        capBindingProbability = binding.map { paths > 0 ? $0 / Double(paths) : 0 }
        capBindingShareOfYears = paths > 0 && n > 0 ? binding.reduce(0, +) / Double(paths * n) : 0
        let window = min(Self.lenderWindow, n)
        if paths > 0, window > 0 {
            let single = Band(yearly[0..<window].flatMap { $0.map(\.hydrogenProduced) })
            let mean = Band(pathYears.map { path in path[0..<window].reduce(0) { $0 + $1.hydrogenProduced } / Double(window) })
            lenderYield = LenderYield(years: window, oneYearP50: single.p50, oneYearP90: single.p10,
                                      multiYearP50: mean.p50, multiYearP90: mean.p10)
        } else {
            lenderYield = nil
        }
        curtailmentHistogram = n > 0 ? EqualBinHistogram(lifetimes.map { $0.curtailment / Double(n) }, bins: Self.curtailmentBins) : nil
    }

    /// `{paths, poolYears, plantParameters, years, <quantity>: {unit, p10: [..], p50: [..], p90: [..], p99: [..],
    /// lifetime: {p10, p50, p90, p99}}, capBindingProbability: [..], capBindingShareOfYears, lenderYield: {years,
    /// oneYearP50, oneYearP90, multiYearP50, multiYearP90}, curtailmentHistogram: {unit, lower, upper, counts}}`;
    /// `poolYears` is null when the weather is the base case's.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("paths", .number(Double(paths))), ("poolYears", poolYears.map { .number(Double($0)) } ?? .null),
            ("plantParameters", .array(plantParameters.map { .string($0) })),
            ("years", .array(years.map { .number(Double($0)) })),
        ]
        for q in quantities {
            var quantity: [(String, JSONValue)] = [("unit", .string(q.unit))]
            for (i, level) in [10, 50, 90, 99].enumerated() {
                quantity.append(("p\(level)", .array(q.yearly.map { .number($0.levels[i].value) })))
            }
            quantity.append(("lifetime", .object(q.lifetime.levels.map { ("p\($0.level)", .number($0.value)) })))
            members.append((q.name, .object(quantity)))
        }
        members.append(("capBindingProbability", .array(capBindingProbability.map { .number($0) })))
        members.append(("capBindingShareOfYears", .number(capBindingShareOfYears)))
        if let l = lenderYield {
            members.append(("lenderYield", .object([
                ("unit", .string("kg of hydrogen a year")), ("years", .number(Double(l.years))),
                ("oneYearP50", .number(l.oneYearP50)), ("oneYearP90", .number(l.oneYearP90)),
                ("multiYearP50", .number(l.multiYearP50)), ("multiYearP90", .number(l.multiYearP90)),
            ])))
        }
        if let h = curtailmentHistogram {
            members.append(("curtailmentHistogram", .object([
                ("unit", .string("MWh a year (mean over the operating years of a path)")),
                ("lower", .number(h.lower)), ("upper", .number(h.upper)), ("counts", .array(h.counts.map { .number(Double($0)) })),
            ])))
        }
        return .object(members)
    }
}
