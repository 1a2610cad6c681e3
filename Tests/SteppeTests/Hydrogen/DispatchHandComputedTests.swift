import Testing
@testable import Steppe

/// A 48-hour profile small enough to follow by hand (the rest of the year is calm and dark).
///
/// 100 MW wind, no PV, a 50 MW electrolyser with a 20% (10 MW) minimum load at 50 kWh/kg,
/// no battery or storage, export capped at 20% of generation.
/// - Hours 0-23: wind at 0.8, 80 MW: 50 MW to the electrolyser (1000 kg/h), 30 MW surplus, price 0.3.
/// - Hours 24-47: wind at 0.05, 5 MW: below the minimum load, all surplus, price 0.5.
/// Self-consumption 1200 MWh allows 0.25 x 1200 = 300 MWh of export. The dearer hours 24-47 go first
/// (120 MWh), then 180 MWh from the earliest of the equal-priced hours: 0-5 at 30 MWh each.
@Suite("Dispatch, computed by hand")
struct DispatchHandComputedTests {
    static func dispatch() -> (Dispatch, DispatchYear) {
        let n = ResourceProfile.hoursPerYear
        var wind = [Double](repeating: 0, count: n)
        for h in 0..<24 { wind[h] = 0.8 }
        for h in 24..<48 { wind[h] = 0.05 }
        var price = [Double](repeating: 0.3, count: n)
        for h in 24..<48 { price[h] = 0.5 }
        let plant = HydrogenPlant(windMW: 100, solarMW: 0,
                                  electrolyser: .init(capacityMW: 50, minimumLoad: 0.2, specificConsumption: 50))
        var d = Dispatch(plant: plant, exportPrice: price, importPrice: [Double](repeating: 1, count: n))
        let year = d.run(ResourceProfile(wind: wind, solar: [Double](repeating: 0, count: n)))
        return (d, year)
    }

    @Test("Hour by hour: electrolyser, hydrogen, export and curtailment match the hand computation")
    func hourByHour() {
        let (d, _) = Self.dispatch()
        for h in 0..<48 {
            let expectedElectrolyser = h < 24 ? 50.0 : 0
            let expectedExport = h < 6 ? 30.0 : (h < 24 ? 0 : 5)
            let expectedCurtailment = (6..<24).contains(h) ? 30.0 : 0
            #expect(abs(d.electrolyserFromRenewables[h] - expectedElectrolyser) < 1e-9, "hour \(h)")
            #expect(abs(d.hydrogen[h] - (h < 24 ? 1000 : 0)) < 1e-9, "hour \(h)")
            #expect(abs(d.export[h] - expectedExport) < 1e-9, "hour \(h)")
            #expect(abs(d.curtailment[h] - expectedCurtailment) < 1e-9, "hour \(h)")
        }
        #expect(d.export[48...].allSatisfy { $0 == 0 } && d.generation[48...].allSatisfy { $0 == 0 })
    }

    @Test("Year totals: 300 MWh exported, exactly 20% of generation after curtailment")
    func totals() {
        let (_, year) = Self.dispatch()
        #expect(abs(year.selfConsumption - 1200) < 1e-9)
        #expect(abs(year.export - 300) < 1e-9)
        #expect(abs(year.curtailment - 540) < 1e-9)
        #expect(abs(year.exportShare - 0.2) < 1e-12)
        #expect(abs(year.hydrogenProduced - 24_000) < 1e-6)
        #expect(year.compliant)
    }
}
