import Testing
@testable import Steppe

@Suite("Hydrogen dispatch")
struct DispatchTests {
    static let n = ResourceProfile.hoursPerYear

    /// Random profile: independent uniform capacity factors each hour, solar zero at night.
    static func randomProfile(_ rng: inout SplitMix64) -> ResourceProfile {
        let wind = (0..<n).map { _ in rng.nextUnit() * rng.nextUnit() }
        let solar = (0..<n).map { h in (6..<19).contains(h % 24) ? rng.nextUnit() : 0 }
        return ResourceProfile(wind: wind, solar: solar)
    }

    /// Random prices in [-0.05, 0.45) yuan/kWh, a few hours negative.
    static func randomPrices(_ rng: inout SplitMix64) -> [Double] { (0..<n).map { _ in rng.nextUnit() * 0.5 - 0.05 } }

    /// Random plants: sizes, minimum load, with or without battery, buffer and import.
    static func randomPlant(_ rng: inout SplitMix64, cap: Double = 0.2) -> HydrogenPlant {
        let battery = rng.nextUnit() < 0.5 ? nil
            : HydrogenPlant.Battery(powerMW: 5 + 40 * rng.nextUnit(), energyMWh: 10 + 100 * rng.nextUnit(),
                                    roundTripEfficiency: 0.8 + 0.15 * rng.nextUnit(), initialStateOfCharge: rng.nextUnit())
        let storage = rng.nextUnit() < 0.7 ? nil
            : HydrogenPlant.HydrogenStorage(capacityKg: 5000 + 20000 * rng.nextUnit(), offtakeKgPerHour: 200 + 800 * rng.nextUnit())
        let rules: [HydrogenPlant.GridImport.Rule] = [.none, .keepMinimumLoad, .belowPrice(maxPrice: 0.3)]
        return HydrogenPlant(
            windMW: 200 * rng.nextUnit(), solarMW: 200 * rng.nextUnit(),
            electrolyser: .init(capacityMW: 10 + 100 * rng.nextUnit(), minimumLoad: 0.3 * rng.nextUnit(),
                                specificConsumption: 50 + 5 * rng.nextUnit(), degradationPerThousandHours: 0.002,
                                stackLifeHours: 3000),
            battery: battery, hydrogenStorage: storage,
            gridImport: .init(rule: rules[Int(rng.next() % 3)]), exportCapShare: cap)
    }

    static func dispatch(_ plant: HydrogenPlant, exportPrice: [Double], importPrice: [Double]? = nil) -> Dispatch {
        Dispatch(plant: plant, exportPrice: exportPrice, importPrice: importPrice ?? Array(repeating: 0.35, count: n))
    }

    @Test("Grid export never exceeds 20% of annual generation")
    func exportCap() {
        var rng = SplitMix64(seed: 20240417)
        for _ in 0..<30 {
            var d = Self.dispatch(Self.randomPlant(&rng), exportPrice: Self.randomPrices(&rng))
            for _ in 0..<3 {
                let year = d.run(Self.randomProfile(&rng))
                #expect(year.export <= 0.2 * year.generation * (1 + 1e-12) + 1e-9)
                #expect(year.exportShare <= 0.2 + 1e-12)
                #expect(year.compliant)
            }
        }
    }

    @Test("Every hour's energy balance closes: generation = electrolyser + battery charge + export + curtailment")
    func hourlyBalance() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let plant = Self.randomPlant(&rng)
            var d = Self.dispatch(plant, exportPrice: Self.randomPrices(&rng))
            let before = d.state.batteryEnergy
            let year = d.run(Self.randomProfile(&rng))
            var worst = 0.0
            for h in 0..<Self.n {
                let out = d.electrolyserFromRenewables[h] + d.batteryCharge[h] + d.export[h] + d.curtailment[h]
                worst = max(worst, abs(d.generation[h] - out))
                #expect(d.export[h] >= 0 && d.curtailment[h] >= 0 && d.batteryCharge[h] >= 0)
            }
            #expect(worst <= 1e-9, "largest hourly imbalance \(worst) MWh")
            // Annual sums agree with the hours, and delivered generation is self-consumption plus export.
            #expect(abs(year.availableGeneration - year.generation - year.curtailment) <= 1e-6)
            #expect(abs(year.generation - year.selfConsumption - year.export) <= 1e-6)
            // The battery's store changes by charge in less discharge out, with losses split evenly.
            if let b = plant.battery {
                let leg = b.roundTripEfficiency.squareRoot()
                let expected = before + year.batteryCharge * leg - year.batteryDischarge / leg
                #expect(abs(d.state.batteryEnergy - expected) <= 1e-6)
                #expect(d.state.batteryEnergy >= -1e-9 && d.state.batteryEnergy <= b.energyMWh + 1e-9)
            }
        }
    }

    @Test("When the cap binds, the most valuable surplus hours are exported and the rest curtailed")
    func exportsMostValuableHours() {
        var rng = SplitMix64(seed: 99)
        var bound = 0
        for _ in 0..<20 {
            var d = Self.dispatch(Self.randomPlant(&rng), exportPrice: Self.randomPrices(&rng))
            let year = d.run(Self.randomProfile(&rng))
            // Lowest price exported in full vs highest positive price curtailed in part or full.
            var lowestExported = Double.infinity, highestCurtailed = -Double.infinity
            for h in 0..<Self.n {
                if d.export[h] > 0, d.curtailment[h] == 0 { lowestExported = min(lowestExported, d.exportPrice[h]) }
                if d.curtailment[h] > 0, d.exportPrice[h] > 0 { highestCurtailed = max(highestCurtailed, d.exportPrice[h]) }
                #expect(d.export[h] == 0 || d.exportPrice[h] > 0, "exported at a non-positive price in hour \(h)")
            }
            if highestCurtailed > 0 {
                bound += 1
                // Positive-price surplus is curtailed only when the budget is spent.
                #expect(abs(year.export - 0.25 * year.selfConsumption) <= 1e-6 * max(1, year.export))
                #expect(lowestExported >= highestCurtailed)
            }
        }
        #expect(bound > 5, "the sweep should make the cap bind in several cases (it did in \(bound))")
    }

    @Test("Below the budget all positive-price surplus is exported")
    func slackBudget() {
        // 100 MW of flat wind at 0.5, an 80 MW electrolyser: surplus is 10 MWh an hour and the
        // budget 0.25 x 40 MWh = 10 MWh an hour; with 30 MW of wind the surplus is zero.
        let plant = HydrogenPlant(windMW: 100, solarMW: 0,
                                  electrolyser: .init(capacityMW: 40, minimumLoad: 0, specificConsumption: 50))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        let flat = ResourceProfile(wind: Array(repeating: 0.5, count: Self.n), solar: Array(repeating: 0, count: Self.n))
        let year = d.run(flat)
        #expect(abs(year.export - 10 * Double(Self.n)) <= 1e-6)
        #expect(abs(year.curtailment) <= 1e-6)
        #expect(abs(year.exportShare - 0.2) <= 1e-12)
        #expect(abs(year.hydrogenProduced - 40 * 1000 / 50 * Double(Self.n)) <= 1e-3)
    }

    @Test("Dropping the cap exports all surplus and flags the breach")
    func uncappedCounterfactual() {
        var plant = HydrogenPlant(windMW: 100, solarMW: 0,
                                  electrolyser: .init(capacityMW: 20, minimumLoad: 0, specificConsumption: 50))
        plant.enforceExportCap = false
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        let year = d.run(ResourceProfile(wind: Array(repeating: 0.5, count: Self.n), solar: Array(repeating: 0, count: Self.n)))
        #expect(abs(year.exportShare - 0.6) <= 1e-12)
        #expect(!year.compliant)
    }

    @Test("With no generation nothing is exported and the year complies")
    func noGeneration() {
        let plant = HydrogenPlant(windMW: 0, solarMW: 0, electrolyser: .init(capacityMW: 20, specificConsumption: 50))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        let year = d.run(ResourceProfile(wind: Array(repeating: 0.5, count: Self.n), solar: Array(repeating: 0.5, count: Self.n)))
        #expect(year.generation == 0 && year.export == 0 && year.exportShare == 0 && year.compliant)
    }

    @Test("Below the minimum load the electrolyser is off and its power is surplus")
    func minimumLoad() {
        let plant = HydrogenPlant(windMW: 10, solarMW: 0,
                                  electrolyser: .init(capacityMW: 100, minimumLoad: 0.2, specificConsumption: 50))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        // 10 MW x 1.0 = 10 MWh < 20 MW minimum load: nothing runs, all 10 MWh is surplus,
        // and with no self-consumption the budget is zero, so it is curtailed.
        let year = d.run(ResourceProfile(wind: Array(repeating: 1, count: Self.n), solar: Array(repeating: 0, count: Self.n)))
        #expect(year.hydrogenProduced == 0 && year.electrolyserOperatingHours == 0)
        #expect(year.export == 0 && abs(year.curtailment - 10 * Double(Self.n)) <= 1e-6)
    }

    @Test("Grid import keeps the electrolyser at minimum load and is priced per hour")
    func gridImportMinimumLoad() {
        let plant = HydrogenPlant(windMW: 10, solarMW: 0,
                                  electrolyser: .init(capacityMW: 100, minimumLoad: 0.2, specificConsumption: 50),
                                  gridImport: .init(rule: .keepMinimumLoad))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n),
                              importPrice: Array(repeating: 0.4, count: Self.n))
        let year = d.run(ResourceProfile(wind: Array(repeating: 1, count: Self.n), solar: Array(repeating: 0, count: Self.n)))
        #expect(abs(year.gridImport - 10 * Double(Self.n)) <= 1e-6)
        #expect(abs(year.importCost - 10 * 1000 * 0.4 * Double(Self.n)) <= 1e-3)
        // Imported power is not generation: the cap's denominator is own generation only.
        #expect(abs(year.generation - 10 * Double(Self.n)) <= 1e-6)
        #expect(abs(year.hydrogenProduced - 20 * 1000 / 50 * Double(Self.n)) <= 1e-3)
    }

    @Test("Keep-minimum-load import runs the electrolyser in every hour, whatever the rounding of the top-up")
    func gridImportMinimumLoadSurvivesRounding() {
        // Generation plus battery discharge below the 0.3 x 70 MW minimum in every hour: the top-up
        // 21 - direct - discharge does not always add back to exactly 21 in binary floating point.
        let plant = HydrogenPlant(windMW: 15, solarMW: 3.1,
                                  electrolyser: .init(capacityMW: 70, minimumLoad: 0.3, specificConsumption: 52.7),
                                  battery: .init(powerMW: 2.3, energyMWh: 30_000, initialStateOfCharge: 1),
                                  gridImport: .init(rule: .keepMinimumLoad))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        var rng = SplitMix64(seed: 5)
        let profile = ResourceProfile(wind: (0..<Self.n).map { _ in rng.nextUnit() },
                                      solar: (0..<Self.n).map { _ in rng.nextUnit() })
        let year = d.run(profile)
        #expect(year.electrolyserOperatingHours == Double(Self.n))
        for h in 0..<Self.n {
            let load = d.electrolyserFromRenewables[h] + d.batteryDischarge[h] + d.gridImport[h]
            #expect(abs(load - 21) <= 1e-12, "hour \(h)")
        }
    }

    @Test("Stacks are replaced after their life in operating hours and specific consumption resets")
    func stackReplacement() {
        let plant = HydrogenPlant(windMW: 100, solarMW: 0,
                                  electrolyser: .init(capacityMW: 50, minimumLoad: 0, specificConsumption: 50,
                                                      degradationPerThousandHours: 0.01, stackLifeHours: 5000))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        let always = ResourceProfile(wind: Array(repeating: 1, count: Self.n), solar: Array(repeating: 0, count: Self.n))
        let first = d.run(always)
        #expect(first.stackReplacements == 1)
        #expect(d.state.stackHours == Double(Self.n - 5000))
        // Consumption rises 1% per 1000 h, then resets at the replacement in hour 4999.
        #expect(abs(d.hydrogen[0] - 50 * 1000 / 50) <= 1e-9)
        #expect(abs(d.hydrogen[4998] - 50 * 1000 / (50 * (1 + 0.01 * 4.998))) <= 1e-9)
        #expect(abs(d.hydrogen[5000] - 50 * 1000 / 50) <= 1e-9)
        let second = d.run(always)
        #expect(second.stackReplacements == 2)   // 3760 + 8760 hours: at 5000 and 10000
    }

    @Test("A full hydrogen buffer turns the electrolyser down to the offtake")
    func hydrogenBuffer() {
        let plant = HydrogenPlant(windMW: 100, solarMW: 0,
                                  electrolyser: .init(capacityMW: 50, minimumLoad: 0, specificConsumption: 50),
                                  hydrogenStorage: .init(capacityKg: 1000, offtakeKgPerHour: 400, initialFill: 1))
        var d = Self.dispatch(plant, exportPrice: Array(repeating: 0.3, count: Self.n))
        let year = d.run(ResourceProfile(wind: Array(repeating: 1, count: Self.n), solar: Array(repeating: 0, count: Self.n)))
        // 400 kg/h x 50 kWh/kg = 20 MW each hour; the buffer stays full.
        #expect(abs(year.hydrogenDelivered - 400 * Double(Self.n)) <= 1e-6)
        #expect(abs(year.electrolyserFromRenewables - 20 * Double(Self.n)) <= 1e-6)
        #expect(year.unmetHydrogenDemand == 0)
    }

    /// A year that ends with ten calm days drains the battery; one that ends with ten windy days
    /// fills it. At its limits the battery is exactly empty or full, not within a rounding of
    /// it: after the hour that empties it, no hour discharges even a sliver, and the full
    /// battery holds exactly its capacity. E − (E√η)/√η is not 0 for many E and η, so 61
    /// efficiencies make the check sharp.
    @Test("A battery drained or filled to its limit is exactly empty or full")
    func batteryLimitsAreExact() throws {
        let electrolyser = HydrogenPlant.Electrolyser(capacityMW: 40, minimumLoad: 0.1, specificConsumption: 55)
        let flat = [Double](repeating: 0.3, count: Self.n), lastDays = 355 * 24
        for efficiency in stride(from: 0.80, through: 0.95, by: 0.0025) {
            let plant = HydrogenPlant(windMW: 100, solarMW: 0, electrolyser: electrolyser,
                                      battery: .init(powerMW: 20, energyMWh: 80, roundTripEfficiency: efficiency))
            for endsWindy in [false, true] {
                // Windy (90 MW) and calm (5 MW: the electrolyser wants 20 MW from the battery) days alternate.
                let wind = (0..<Self.n).map { (h: Int) -> Double in
                    (h >= lastDays ? endsWindy : (h / 24) % 2 == 0) ? 0.9 : 0.05
                }
                var d = Self.dispatch(plant, exportPrice: flat)
                _ = d.run(ResourceProfile(wind: wind, solar: [Double](repeating: 0, count: Self.n)))
                if endsWindy {
                    #expect(d.state.batteryEnergy == 80, "round-trip efficiency \(efficiency)")
                } else {
                    let emptied = try #require((lastDays..<Self.n).first { d.batteryDischarge[$0] < 20 })
                    #expect(d.batteryDischarge[(emptied + 1)...].allSatisfy { $0 == 0 }, "round-trip efficiency \(efficiency)")
                    #expect(d.state.batteryEnergy == 0)
                }
            }
        }
    }

    @Test("Availability derates the electrolyser: a plant available a share a of hours dispatches as one of a times the capacity")
    func availabilityDeratesTheCapacity() {
        var rng = SplitMix64(seed: 27)
        for _ in 0..<6 {
            var plant = Self.randomPlant(&rng)
            let a = 0.5 + 0.5 * rng.nextUnit()
            var derated = plant
            derated.electrolyser.capacityMW = plant.electrolyser.capacityMW * a
            plant.electrolyser.availability = a
            let prices = Self.randomPrices(&rng), profile = Self.randomProfile(&rng)
            var d = Self.dispatch(plant, exportPrice: prices), e = Self.dispatch(derated, exportPrice: prices)
            let year = d.run(profile), expected = e.run(profile)
            #expect(year == expected, "availability \(a)")
        }
    }

    @Test("start(_:) dispatches another plant from its own initial state, as a dispatch built for it")
    func startReplacesThePlant() {
        var rng = SplitMix64(seed: 28)
        let prices = Self.randomPrices(&rng), profile = Self.randomProfile(&rng)
        let first = Self.randomPlant(&rng), second = Self.randomPlant(&rng)
        var d = Self.dispatch(first, exportPrice: prices)
        _ = d.run(profile)
        d.start(second)
        var fresh = Self.dispatch(second, exportPrice: prices)
        #expect(d.state == fresh.state)
        #expect(d.run(profile) == fresh.run(profile))
    }
}
