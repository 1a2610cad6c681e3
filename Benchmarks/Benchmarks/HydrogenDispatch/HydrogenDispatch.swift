import Benchmark
import Steppe

/// One 8760-hour dispatch year of an integrated wind/solar-to-hydrogen plant (Ejin Horo synthetic
/// profile), with the 20% export cap binding and price-ranked export, without and with a battery.
/// One scaled iteration = one dispatch-year, 1000 years back to back per sample on one `Dispatch`
/// (steady state, as in a scenario's multi-year run; the price levels are sorted once, outside the
/// measurement), so wall clock is per year; the malloc counter shows a year allocates nothing.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                           maxDuration: .seconds(2))

    let profile = SyntheticResourceModel.ejinHoroMengsu.profile(year: 2030, seed: 1)
    let n = ResourceProfile.hoursPerYear
    // A day-shaped spot price so that export is ranked by price.
    let price: [Double] = (0..<n).map { (hour: Int) -> Double in
        let hourOfDay = Double((hour % 24 + 6) % 24)
        return 0.2 + 0.1 * hourOfDay / 24
    }
    let importPrice = [Double](repeating: 0.4, count: n)
    // A 40 MW electrolyser on 200 MW of wind and PV: the surplus exceeds the export budget.
    let electrolyser = HydrogenPlant.Electrolyser(capacityMW: 40, minimumLoad: 0.1, specificConsumption: 55)
    let plants: [(String, HydrogenPlant)] = [
        ("Dispatch 8760 h, no battery", HydrogenPlant(windMW: 100, solarMW: 100, electrolyser: electrolyser)),
        ("Dispatch 8760 h, battery", HydrogenPlant(windMW: 100, solarMW: 100, electrolyser: electrolyser,
                                                   battery: .init(powerMW: 20, energyMWh: 80))),
    ]
    // Default: the hourly buffers are filled; "totals only" (`recordsHours = false`, as the
    // scenario module runs it) sums the year without them.
    for (name, plant) in plants {
        for recordsHours in [true, false] {
            Benchmark(recordsHours ? name : name + ", totals only") { benchmark in
                var dispatch = Dispatch(plant: plant, exportPrice: price, importPrice: importPrice)
                dispatch.recordsHours = recordsHours
                blackHole(dispatch.run(profile))
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(dispatch.run(profile).export)
                }
            }
        }
    }
}
