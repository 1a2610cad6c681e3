import Testing
@testable import Steppe

/// A degrading electrolyser without a hydrogen buffer: the year's hydrogen is summed a day at a time
/// from the hours' loads (`Dispatch.ElectrolyserFirst.degradedHydrogen`), not divided hour by hour.
@Suite("Dispatch: hydrogen of a degrading electrolyser")
struct DispatchDegradedHydrogenTests {
    static let n = ResourceProfile.hoursPerYear

    /// The hour rules over the traced loads of a year, from `stackHours`: each operating hour's
    /// kilograms at its stack hours, summed in hour order.
    static func hourRules(_ d: Dispatch, stackHours: inout Double) -> (kg: [Double], total: Double, operating: Int, replacements: Int) {
        let elz = d.plant.electrolyser
        var kg = [Double](repeating: 0, count: n), total = 0.0, operating = 0, replacements = 0
        for h in 0..<n {
            let load = d.electrolyserFromRenewables[h] + d.batteryDischarge[h] + d.gridImport[h]
            kg[h] = load * 1000 / elz.specificConsumption(afterHours: stackHours)
            total += kg[h]
            if load > 0 {
                operating += 1
                stackHours += 1
                if stackHours >= elz.stackLifeHours ?? .infinity { stackHours = 0; replacements += 1 }
            }
        }
        return (kg, total, operating, replacements)
    }

    /// Plants without a buffer, with or without battery and import, degrading by `degradation`, with
    /// stack lives that end within the years dispatched (whole or not) or never.
    static func plant(_ rng: inout SplitMix64, degradation: Double) -> HydrogenPlant {
        var plant = DispatchTests.randomPlant(&rng)
        plant.hydrogenStorage = nil
        plant.electrolyser.degradationPerThousandHours = degradation
        plant.electrolyser.stackLifeHours = [nil, 2500, 1000 + 8000 * rng.nextUnit(), 60000][Int(rng.next() % 4)]
        return plant
    }

    @Test("Hydrogen equals the hour rules' sum to 1e-12, counts and stack hours exactly, over three years")
    func equalsHourRules() {
        var rng = SplitMix64(seed: 27)
        for _ in 0..<40 {
            let degradation = [0.0008, 0.0012, 0.002, 0.004][Int(rng.next() % 4)]
            var d = DispatchTests.dispatch(Self.plant(&rng, degradation: degradation), exportPrice: DispatchTests.randomPrices(&rng))
            var stackHours = d.state.stackHours
            for _ in 0..<3 {
                let year = d.run(DispatchTests.randomProfile(&rng))
                let rules = Self.hourRules(d, stackHours: &stackHours)
                #expect(abs(year.hydrogenProduced - rules.total) <= 1e-12 * rules.total, "\(year.hydrogenProduced) vs \(rules.total)")
                #expect(year.hydrogenDelivered == year.hydrogenProduced)
                #expect(year.electrolyserOperatingHours == Double(rules.operating))
                #expect(year.stackReplacements == rules.replacements)
                #expect(d.state.stackHours == stackHours)
            }
        }
    }

    @Test("The hourly trace holds each hour's kilograms by the hour rules")
    func traceIsHourRules() {
        var rng = SplitMix64(seed: 2027)
        for _ in 0..<10 {
            var d = DispatchTests.dispatch(Self.plant(&rng, degradation: 0.002), exportPrice: DispatchTests.randomPrices(&rng))
            var stackHours = d.state.stackHours
            for _ in 0..<2 {
                _ = d.run(DispatchTests.randomProfile(&rng))
                #expect(d.hydrogen == Self.hourRules(d, stackHours: &stackHours).kg)
            }
        }
    }

    @Test("A degradation too fast for the day series is summed hour by hour, as the hour rules sum it")
    func fastDegradationHourByHour() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<10 {
            var d = DispatchTests.dispatch(Self.plant(&rng, degradation: 0.05), exportPrice: DispatchTests.randomPrices(&rng))
            var stackHours = d.state.stackHours
            for _ in 0..<2 {
                let year = d.run(DispatchTests.randomProfile(&rng))
                #expect(year.hydrogenProduced == Self.hourRules(d, stackHours: &stackHours).total)
            }
        }
    }
}
