import PropertyBased
import Testing
@testable import Steppe

@Suite("Dairy herd cohort model")
struct HerdSimulationTests {
    /// Fixed rates: the same culling rate in every parity class, and purchases that can always fill the places.
    static func fixedRates(places: Double = 1000, culling: Double = 0.25, mortality: Double = 0.05) -> HerdParameters {
        HerdParameters(cowPlaces: YearlyValue([places]), calvingIntervalDays: 400, ageAtFirstCalvingYears: 2,
                       femaleCalfShare: 0.47, sexedSemenShare: 0.5, sexedFemaleShare: 0.9, calfMortality: 0.06,
                       heiferMortality: 0.02, cowMortality: mortality, cullingRateByParity: Array(repeating: culling, count: 5),
                       maxPurchasesPerYear: 1e9)
    }

    @Test("At steady state, replacements equal (culling + mortality) x cows, and surplus heifers follow the closed form")
    func steadyState() {
        let h = Self.fixedRates()
        let years = HerdSimulation(parameters: h, lactationYieldTonnes: [10]).run(years: 12)
        let cows = 1000.0, q = 0.25 + 0.05, r = 365.0 / 400
        // Calvings: the entering heifers calve on entry, and r of the surviving cows calve in the year.
        let calvings = q * cows + (1 - q) * cows * r
        let supply = calvings * (0.5 * 0.9 + 0.5 * 0.47) * (1 - 0.06) * (1 - 0.02)
        for y in years.dropFirst(3) {
            #expect(abs(y.cows - cows) <= 1e-9)
            #expect(abs(y.heifersEntering + y.heifersPurchased - q * cows) <= 1e-9)
            #expect(abs(y.calvings - calvings) <= 1e-9)
            #expect(y.heifersPurchased == 0)
            #expect(abs(y.surplusHeifersSold - (supply - q * cows)) <= 1e-9)
            #expect(abs(y.milkTonnes - (cows + (1 - q) * cows) / 2 * 10 * r) <= 1e-9)
        }
    }

    @Test("Without enough own heifers, purchases make up exactly the shortfall")
    func purchasesFillShortfall() {
        var h = Self.fixedRates(culling: 0.6, mortality: 0.1)
        h.sexedSemenShare = 0
        let years = HerdSimulation(parameters: h, lactationYieldTonnes: [10]).run(years: 10)
        for y in years.dropFirst(3) {
            #expect(y.heifersPurchased > 0 && y.surplusHeifersSold == 0)
            #expect(abs(y.heifersEntering + y.heifersPurchased - 0.7 * 1000) <= 1e-9)
        }
    }

    /// Random parameters: places that grow and shrink, any rates, purchases or none.
    static func randomParameters(_ seed: Int) -> (HerdParameters, Int) {
        var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(g.next() >> 11) / 9_007_199_254_740_992 }
        let mortality = u(0, 0.2)
        let h = HerdParameters(
            cowPlaces: YearlyValue((0..<Int(u(1, 8))).map { _ in u(0, 5000) }), heiferPlaces: u(0, 1) < 0.5 ? u(0, 3000) : nil,
            calvingIntervalDays: u(365, 600), lactationDays: u(200, 400), ageAtFirstCalvingYears: Int(u(2, 4.99)),
            femaleCalfShare: u(0, 1), sexedSemenShare: u(0, 1), sexedFemaleShare: u(0, 1), calfMortality: u(0, 1),
            heiferMortality: u(0, 1), cowMortality: mortality,
            cullingRateByParity: (0..<Int(u(1, 8))).map { _ in u(0, 1 - mortality) }, maxPurchasesPerYear: u(0, 1) < 0.3 ? 0 : u(0, 4000))
        return (h, Int(u(1, 40)))
    }

    @Test("Head counts are never negative and the cows on 1 January never exceed the places")
    func invariants() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let (h, n) = Self.randomParameters(seed)
            let years = HerdSimulation(parameters: h, lactationYieldTonnes: [9, 11]).run(years: n)
            for (k, y) in years.enumerated() {
                let counts = y.cowsByParity + y.heifersByAge + [y.averageCows, y.averageLactatingCows, y.averageDryCows,
                    y.averageHeifers, y.averageCalves, y.heifersEntering, y.heifersPurchased, y.calvings, y.femaleCalvesBorn,
                    y.cowDeaths, y.youngStockDeaths, y.cullCowsSold, y.surplusHeifersSold, y.surplusCalvesSold, y.milkTonnes]
                #expect(counts.allSatisfy { $0 >= -1e-9 && $0.isFinite }, "seed \(seed) year \(k): \(counts)")
                #expect(y.cows <= h.cowPlaces[operatingYear: k] + 1e-6, "seed \(seed) year \(k): \(y.cows) cows")
                if let places = h.heiferPlaces { #expect(y.heifers <= places + 1e-6, "seed \(seed) year \(k): \(y.heifers) heifers") }
            }
        }
    }

    @Test("When places shrink, the oldest cows are culled first and sold")
    func shrinkingPlaces() {
        var h = Self.fixedRates()
        h.cowPlaces = YearlyValue([1000, 1000, 1000, 400])
        let years = HerdSimulation(parameters: h, lactationYieldTonnes: [10]).run(years: 4)
        #expect(abs(years[3].cows - 400) <= 1e-9)
        #expect(years[3].heifersEntering == 0 && years[3].heifersPurchased == 0)
        #expect(years[3].cullCowsSold > years[2].cullCowsSold)
        #expect(years[3].cowsByParity.last! <= years[2].cowsByParity.last!)
    }
}
