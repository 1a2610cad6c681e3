import Testing
@testable import Steppe

/// The two general engine options the dairy and talent modules need: awards with an amount
/// per calendar year, and a product price floor.
@Suite("Scheduled awards and price floors")
struct ScheduledAwardAndPriceFloorTests {
    @Test("A scheduled award pays its listed amounts in their years, within caps, and nothing in other years")
    func scheduledAward() throws {
        let e = try evaluate(IncentiveTests.yaml(incentives: """
          - {id: s, kind: scheduledAward, amounts: [{year: 2027, amount: 1000}, {year: 2029, amount: 9000}],
             capPerYear: 5000, assumption: test}
        """))
        #expect(IncentiveTests.amounts(e, "s") == [0, 1000, 0, 5000, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("A scheduled award to employees reaches the firm through the pass-through share, 0 and 1 being the extremes", arguments: [0.0, 0.5, 1.0])
    func scheduledAwardPassThrough(share: Double) throws {
        let e = try evaluate(IncentiveTests.yaml(incentives: """
          - {id: s, kind: scheduledAward, amounts: [{year: 2028, amount: 8000}], payee: employee, passThroughShare: \(share), assumption: test}
        """))
        let base = try evaluate(IncentiveTests.yaml(incentives: "  []"))
        #expect(IncentiveTests.amounts(e, "s")[2] == 8000 * share)
        // Pass-through lowers a deductible wage cost, so it is taxed at 25%.
        #expect(abs(e.years[2].equityCashFlow - base.years[2].equityCashFlow - 0.75 * 8000 * share) <= 1e-9)
    }

    @Test("A scheduled award for a year outside the project is an error at its key")
    func scheduledAwardOutsideProject() {
        #expect {
            _ = try scenario(IncentiveTests.yaml(incentives: """
              - {id: s, kind: scheduledAward, amounts: [{year: 2050, amount: 1}], assumption: test}
            """))
        } throws: { error in
            "\(error)".contains("incentives[0].amounts: year 2050 is outside the project years 2026-2036")
        }
    }

    @Test("A price floor lifts revenue in years the price is below it, also when a path sets the price")
    func priceFloor() throws {
        let yaml = IncentiveTests.yaml(incentives: "  []").replacingOccurrences(
            of: "{id: widget, unit: unit, quantity: 1000, price: 1000}",
            with: "{id: widget, unit: unit, quantity: 1000, price: 1000, escalation: -0.1, priceFloor: 800}")
        let e = try evaluate(yaml)
        // 1000, 900, 810, then 729 < 800.
        #expect(e.years[1...4].map(\.revenue) == [1_000_000, 900_000, 810_000, 800_000])
        var model = try scenario(yaml).compile()
        model.price[0, 1] = 100   // a sampled price far below the floor
        #expect(Evaluation(model).years[1].revenue == 800_000)
    }
}
