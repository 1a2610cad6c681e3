import PropertyBased
import Testing
@testable import Steppe

/// `Dispatch` against a straightforward reference: the hour rules of its documentation, one
/// hour after the other with one running sum per quantity, the battery's divisions by √η (and
/// exactly empty or full when an hour reaches its limit), and the export walk in price order. The dispatch sums export per price level and multiplies by
/// 1/√η, so totals agree to rounding and every count (operating hours, replacements, stack
/// hours) exactly.
@Suite("Dispatch against a reference loop")
struct DispatchReferenceTests {
    static let n = ResourceProfile.hoursPerYear

    /// The hour-by-hour rules, as documented on `Dispatch` and `allocateExport`.
    static func reference(_ plant: HydrogenPlant, _ profile: ResourceProfile, exportPrice: [Double], importPrice: [Double],
                          state: inout Dispatch.State) -> DispatchYear {
        let elz = plant.electrolyser
        let pMax = elz.capacityMW, pMin = elz.capacityMW * elz.minimumLoad
        let life = elz.stackLifeHours ?? .infinity
        let leg = (plant.battery?.roundTripEfficiency ?? 1).squareRoot()
        var y = DispatchYear()
        var surplus = [Double](repeating: 0, count: n)
        for h in 0..<n {
            let g = plant.windMW * profile.wind[h] + plant.solarMW * profile.solar[h]
            let sec = elz.specificConsumption(afterHours: state.stackHours)
            var cap = pMax
            if let st = plant.hydrogenStorage {
                cap = min(cap, max(0, st.capacityKg - state.hydrogenStock + st.offtakeKgPerHour) * sec / 1000)
            }
            var direct = min(g, cap), discharge = 0.0, imported = 0.0, emptied = false, filled = false
            if let bat = plant.battery {
                discharge = min(cap - direct, bat.powerMW, state.batteryEnergy * leg)
                emptied = state.batteryEnergy * leg < min(cap - direct, bat.powerMW)
            }
            switch plant.gridImport.rule {
            case .none: break
            case .keepMinimumLoad: if direct + discharge < pMin, cap >= pMin { imported = pMin - direct - discharge }
            case .belowPrice(let p): if importPrice[h] <= p { imported = cap - direct - discharge }
            }
            if cap < pMin || (imported <= 0 && direct + discharge < pMin) { direct = 0; discharge = 0; imported = 0; emptied = false }
            var rest = g - direct, charge = 0.0
            if let bat = plant.battery, rest > 0 {
                charge = max(0, min(rest, bat.powerMW, (bat.energyMWh - state.batteryEnergy) / leg))
                filled = (bat.energyMWh - state.batteryEnergy) / leg < min(rest, bat.powerMW)
                rest -= charge
            }
            // A battery emptied or filled by the hour is exactly empty or full.
            if let bat = plant.battery {
                if filled {
                    state.batteryEnergy = bat.energyMWh
                } else if emptied {
                    state.batteryEnergy = charge * leg
                } else {
                    state.batteryEnergy += charge * leg - (leg > 0 ? discharge / leg : 0)
                }
            }
            let load = direct + discharge + imported
            let kg = load * 1000 / sec
            if load > 0 {
                state.stackHours += 1
                y.electrolyserOperatingHours += 1
                if state.stackHours >= life { state.stackHours = 0; y.stackReplacements += 1 }
            }
            if let st = plant.hydrogenStorage {
                let inStore = state.hydrogenStock + kg, out = min(st.offtakeKgPerHour, inStore)
                state.hydrogenStock = min(st.capacityKg, inStore - out)
                y.hydrogenDelivered += out; y.unmetHydrogenDemand += st.offtakeKgPerHour - out
            } else {
                y.hydrogenDelivered += kg
            }
            y.availableGeneration += g; y.electrolyserFromRenewables += direct
            y.batteryCharge += charge; y.batteryDischarge += discharge
            y.gridImport += imported; y.importCost += imported * 1000 * importPrice[h]
            y.hydrogenProduced += kg
            surplus[h] = rest
        }
        y.selfConsumption = y.electrolyserFromRenewables + y.batteryCharge
        let c = plant.exportCapShare
        let budget = plant.enforceExportCap ? (c >= 1 ? .infinity : c / (1 - c) * y.selfConsumption) : .infinity
        let export = DispatchExportLevelsTests.walk(surplus: surplus, price: exportPrice, budget: budget)
        for h in 0..<n {
            y.export += export[h]; y.curtailment += surplus[h] - export[h]
            y.exportRevenue += export[h] * 1000 * exportPrice[h]
        }
        y.generation = y.selfConsumption + y.export
        return y
    }

    /// Plants of every equipment combination; degradation, stack life (short enough for
    /// replacements within a year) and a minimum load each present or not.
    static func plant(_ rng: inout SplitMix64) -> HydrogenPlant {
        var plant = DispatchTests.randomPlant(&rng, cap: [0.05, 0.2, 0.5][Int(rng.next() % 3)])
        if rng.next() % 2 == 0 { plant.battery = nil }
        if rng.next() % 2 == 0 { plant.hydrogenStorage = nil }
        plant.electrolyser.degradationPerThousandHours = rng.next() % 2 == 0 ? 0 : 0.002
        plant.electrolyser.stackLifeHours = [nil, 1000 + 6000 * rng.nextUnit(), 2500, 1][Int(rng.next() % 4)]
        plant.enforceExportCap = rng.next() % 5 != 0
        // A zero minimum load: the electrolyser may run at zero load (and is then not operating).
        if rng.next() % 4 == 0 { plant.electrolyser.minimumLoad = 0 }
        // A battery without power (dispatched as none).
        if rng.next() % 8 == 0 { plant.battery?.powerMW = 0 }
        return plant
    }

    static func close(_ a: Double, _ b: Double, scale: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, scale) }

    @Test("Totals, counts and state equal the reference over three years, every equipment combination")
    func matchesReference() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max)) { seed in
            Self.check(seed: seed, independentHours: false)
        }
    }

    /// Without battery, buffer and degradation the dispatch takes its SIMD pass (hours
    /// independent, stack replacements in closed form, levels summed on demand).
    @Test("Plants whose hours are independent (no battery, buffer or degradation) equal the reference")
    func independentHoursMatchReference() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max)) { seed in
            Self.check(seed: seed, independentHours: true)
        }
    }

    static func check(seed: Int, independentHours: Bool) {
        var rng = SplitMix64(seed: UInt64(seed))
        var plant = Self.plant(&rng)
        if independentHours {
            plant.battery = nil; plant.hydrogenStorage = nil; plant.electrolyser.degradationPerThousandHours = 0
        }
        let price = DispatchExportLevelsTests.prices(&rng)
        let importPrice = (0..<Self.n).map { _ in 0.2 + 0.2 * rng.nextUnit() }
        var d = Dispatch(plant: plant, exportPrice: price, importPrice: importPrice)
        d.recordsHours = rng.next() % 2 == 0
        var state = d.state
        for _ in 0..<3 {
            // Some calm nights: hours with no generation at all.
            let random = DispatchTests.randomProfile(&rng)
            let wind = random.wind.indices.map { h in h % 7 == 0 && random.solar[h] == 0 ? 0 : random.wind[h] }
            let profile = ResourceProfile(wind: wind, solar: random.solar)
            let year = d.run(profile)
            let expected = Self.reference(plant, profile, exportPrice: price, importPrice: importPrice, state: &state)
            let scale = expected.availableGeneration + expected.gridImport
            #expect(year.electrolyserOperatingHours == expected.electrolyserOperatingHours, "seed \(seed)")
            #expect(year.stackReplacements == expected.stackReplacements, "seed \(seed)")
            #expect(d.state.stackHours == state.stackHours, "seed \(seed)")
            #expect(Self.close(d.state.batteryEnergy, state.batteryEnergy, scale: 1), "seed \(seed)")
            #expect(Self.close(d.state.hydrogenStock, state.hydrogenStock, scale: 1), "seed \(seed)")
            for (got, want) in [(year.availableGeneration, expected.availableGeneration),
                                (year.electrolyserFromRenewables, expected.electrolyserFromRenewables),
                                (year.batteryCharge, expected.batteryCharge), (year.batteryDischarge, expected.batteryDischarge),
                                (year.gridImport, expected.gridImport), (year.selfConsumption, expected.selfConsumption),
                                (year.export, expected.export), (year.curtailment, expected.curtailment),
                                (year.generation, expected.generation)] {
                #expect(Self.close(got, want, scale: scale), "seed \(seed): \(got) vs \(want)")
            }
            #expect(Self.close(year.importCost, expected.importCost, scale: 1000 * scale), "seed \(seed)")
            #expect(Self.close(year.exportRevenue, expected.exportRevenue, scale: 1000 * scale), "seed \(seed)")
            let kg = expected.hydrogenProduced
            #expect(Self.close(year.hydrogenProduced, kg, scale: kg), "seed \(seed)")
            #expect(Self.close(year.hydrogenDelivered, expected.hydrogenDelivered, scale: kg), "seed \(seed)")
            #expect(Self.close(year.unmetHydrogenDemand, expected.unmetHydrogenDemand, scale: kg), "seed \(seed)")
            state = d.state   // carry the dispatch's own state, so rounding does not accumulate across years
        }
    }
}
