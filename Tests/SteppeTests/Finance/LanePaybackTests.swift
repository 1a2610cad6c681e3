import Foundation
import Testing
@testable import Steppe

@Suite("Payback in lanes")
struct LanePaybackTests {
    /// Each lane's payback of its own flows, fed year by year as the year loop does.
    static func lanes(_ flows: [[Double]], from start: PaybackStart) -> Lanes {
        var payback = Payback<Lanes>(from: start)
        for t in flows[0].indices {
            var year = Lanes.zero
            for j in 0..<Lanes.scalarCount { year[j] = flows[j % flows.count][t] }
            payback.add(year, year: t)
        }
        return payback.value
    }

    static let cases: [[Double]] = [
        [-1000, -500, 400, 400, 400, 400, 400],   // crosses once
        [-1000, 600, 600, -500, 400, 0, 0],       // crosses, turns negative, crosses again
        [100, 100, 100, 100, 100, 100, 100],      // never negative
        [-1000, 1200, -500, 0, 0, 0, 0],          // ends negative
    ]

    @Test("Each lane equals the scalar payback, from the valuation date and from the start of construction",
          arguments: [PaybackStart.valuationDate, .constructionStart])
    func lanesMatchScalar(start: PaybackStart) {
        let value = Self.lanes(Self.cases, from: start)
        for j in 0..<Lanes.scalarCount {
            let expected = paybackYears(Self.cases[j % Self.cases.count], from: start).number ?? .nan
            #expect(value[j] == expected || (value[j].isNaN && expected.isNaN), "lane \(j): \(value[j]) vs \(expected)")
        }
    }

    @Test("From the start of construction a lane that turns negative again takes its later crossing")
    func laterCrossingInLanes() {
        // Cumulative -1000, -400, 200, -300, 100: year T = 5, 5 - 1 + 300 / 400.
        #expect(Self.lanes([Self.cases[1]], from: .constructionStart)[0] == 4.75)
    }
}

@Suite("Payback of a scenario counted from the start of construction")
struct ScenarioPaybackTests {
    /// A price at which even the discounted project flow pays back.
    static let yaml = DebtTests.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}", price: 250)

    @Test("On flows that cross once, the paybacks from the start of construction are one year longer, and the lanes agree")
    func oneYearLongerThanDefault() throws {
        let today = try evaluate(Self.yaml)
        let cnScenario = try scenario(Self.yaml + "\nconventions: {payback: constructionStart}\n")
        let cn = try cnScenario.evaluate()
        for (a, b) in [(today.metrics.paybackYears, cn.metrics.paybackYears),
                       (today.metrics.equityPaybackYears, cn.metrics.equityPaybackYears),
                       (today.metrics.discountedPaybackYears, cn.metrics.discountedPaybackYears)] {
            let before = try #require(a.number), after = try #require(b.number)
            #expect(abs(after - (before + 1)) <= 1e-12, "\(before) -> \(after)")
        }
        var evaluator = DeterministicEvaluator(try cnScenario.withModuleContributions().compile())
        evaluator.run()
        #expect(evaluator.metric(.paybackYears) == cn.metrics.paybackYears.number)
        #expect(evaluator.metric(.equityPaybackYears) == cn.metrics.equityPaybackYears.number)
    }
}
