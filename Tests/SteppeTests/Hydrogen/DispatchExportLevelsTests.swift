import PropertyBased
import Testing
@testable import Steppe

/// The export cap is allocated from surplus summed per price level; these properties check it
/// against the plain rule it replaces (hours in price order, ties earlier hour first, the last
/// one in part) and that switching off the hourly trace leaves the year unchanged.
@Suite("Dispatch export by price level")
struct DispatchExportLevelsTests {
    static let n = ResourceProfile.hoursPerYear

    /// Prices with many ties (a few levels), all distinct, or a day shape; some at or below zero.
    static func prices(_ rng: inout SplitMix64) -> [Double] {
        switch rng.next() % 3 {
        case 0: (0..<n).map { _ in Double(Int(rng.nextUnit() * 6)) * 0.1 - 0.1 }
        case 1: (0..<n).map { _ in rng.nextUnit() * 0.5 - 0.05 }
        default: (0..<n).map { (h: Int) -> Double in 0.2 + 0.1 * Double((h % 24 + 6) % 24) / 24 }
        }
    }

    /// The reference walk: every positive-price surplus hour from the highest price down,
    /// equal prices in hour order, until `budget` is spent.
    static func walk(surplus: [Double], price: [Double], budget: Double) -> [Double] {
        let order = (0..<n).filter { surplus[$0] > 0 && price[$0] > 0 }
            .sorted { price[$0] > price[$1] || (price[$0] == price[$1] && $0 < $1) }
        var export = [Double](repeating: 0, count: n), left = budget
        for h in order {
            let x = min(surplus[h], left)
            export[h] = x; left -= x
        }
        return export
    }

    @Test("Export per hour equals the walk in price order, with ties and with many distinct prices")
    func levelsMatchPriceOrderWalk() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let cap = [0.05, 0.2, 0.5][Int(rng.next() % 3)]
            var d = DispatchTests.dispatch(DispatchTests.randomPlant(&rng, cap: cap), exportPrice: Self.prices(&rng))
            let year = d.run(DispatchTests.randomProfile(&rng))
            let budget = cap / (1 - cap) * year.selfConsumption
            let expected = Self.walk(surplus: d.surplus, price: d.exportPrice, budget: budget)
            var worst = 0.0
            for h in 0..<Self.n { worst = max(worst, abs(d.export[h] - expected[h])) }
            #expect(worst <= 1e-9 * max(1, budget), "seed \(seed): largest hourly difference \(worst) MWh")
            #expect(abs(year.export - expected.reduce(0, +)) <= 1e-9 * max(1, year.export), "seed \(seed)")
        }
    }

    @Test("Without the hourly trace a year has the same totals, bit for bit, over several years")
    func traceOffSameTotals() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let plant = DispatchTests.randomPlant(&rng), price = Self.prices(&rng)
            var traced = DispatchTests.dispatch(plant, exportPrice: price)
            var quiet = DispatchTests.dispatch(plant, exportPrice: price)
            quiet.recordsHours = false
            for _ in 0..<2 {
                let profile = DispatchTests.randomProfile(&rng)
                #expect(traced.run(profile, windFactor: 0.99) == quiet.run(profile, windFactor: 0.99), "seed \(seed)")
                #expect(traced.state == quiet.state, "seed \(seed)")
            }
            #expect(quiet.export.allSatisfy { $0 == 0 }, "the untraced dispatch leaves its hourly buffers alone")
        }
    }

    @Test("Price levels: distinct positive prices highest first, the rest in the never-exported level")
    func levels() {
        let levels = ExportPriceLevels([0.3, 0, 0.5, 0.3, -0.1, 0.5, .nan, 0.2])
        #expect(levels.price == [0.5, 0.3, 0.2])
        #expect(levels.level == [1, 3, 0, 1, 3, 0, 3, 2])
        #expect(levels.neverExported == 3)
    }
}
