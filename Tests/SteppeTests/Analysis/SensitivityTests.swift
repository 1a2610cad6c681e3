import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("Tornado, spider and policy risk")
struct SensitivityTests {
    /// No tax, no debt: equity NPV = -1e6 + price × 1000 × a, a the 10-year annuity factor at 8%.
    static let yaml = """
        name: widgets
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: {distribution: uniform, min: 80, max: 120}}]
        operatingCosts: [{id: rent, annualAmount: {base: 10000, perYearMultiplier: {distribution: uniform, min: 0.5, max: 1.5}}}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """
    static let a = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }

    static func drawer(_ yaml: String = yaml) throws -> StochasticModel {
        let s = try scenario(yaml)
        return try StochasticModel(scenario: s, model: try s.compile())
    }

    @Test("A tornado bar puts one input at its P10 and P90 and keeps the others at base")
    func tornadoBar() throws {
        let t = Tornado(drawer: try Self.drawer(), metric: .equityNPV)
        let bars = t.bars()
        #expect(bars.map(\.input) == ["products[0].price", "operatingCosts[0].annualAmount"])   // longest first
        let price = bars[0]
        #expect(abs(price.low - 84) < 1e-9 && abs(price.high - 116) < 1e-9)
        // The base uniform price is its mean, 100; rent stays at 10000 a year.
        #expect(abs(try #require(price.valueLow) - (-1e6 + (84_000 - 10_000) * Self.a)) < 1e-6)
        #expect(abs(try #require(price.valueHigh) - (-1e6 + (116_000 - 10_000) * Self.a)) < 1e-6)
        let rent = bars[1]
        #expect(rent.kind == .multiplier && abs(rent.low - 0.6) < 1e-9)
        #expect(abs(try #require(rent.valueLow) - (-1e6 + (100_000 - 6_000) * Self.a)) < 1e-6)
        #expect(abs(try #require(t.baseValue) - (-1e6 + 90_000 * Self.a)) < 1e-6)
    }

    @Test("A spider line is monotone in the quantile and passes through the median")
    func spider() throws {
        let t = Tornado(drawer: try Self.drawer(), metric: .equityNPV)
        let line = t.spider()[0]
        let values = line.points.map { $0.value! }
        #expect(values == values.sorted())
        let median = try #require(line.points.first { $0.quantile == 0.5 })
        #expect(abs(median.level - 100) < 1e-9)
    }

    @Test("The year-k quantile of a process multiplier is exp(z √v_k - v_k / 2)")
    func processQuantile() {
        let p = PriceProcess.geometricBrownian(volatility: 0.2)
        #expect(abs(p.multiplierQuantile(0.5, year: 4) - exp(-0.08)) < 1e-12)
        #expect(p.multiplierQuantile(0.9, year: 4) > p.multiplierQuantile(0.9, year: 1))
    }

    @Test("A certain withdrawal costs exactly the incentive, and switching policy risk off restores it, on the same draws")
    func policyRiskOnOff() throws {
        let text = Self.yaml + """

            incentives:
              - {id: award, kind: annualAward, amountPerYear: 50000, validFrom: 2027, assumption: test, policyRisk: {withdrawalHazard: 1}}
            """
        let c = try PolicyRiskComparison(scenario: try scenario(text), scenarioText: text, configuration: MonteCarloConfiguration(paths: 256))
        let with = try #require(c.withRisk.statistics.first { $0.metric == .equityNPV }?.mean)
        let without = try #require(c.withoutRisk.statistics.first { $0.metric == .equityNPV }?.mean)
        #expect(abs((without - with) - 50_000 * Self.a) < 1e-3)
    }

    @Test("Sobol indices run the hydrogen dispatch per evaluation: a drawn plant number is an input, the weather drawn per path one more")
    func sobolOverDrawnPlantAndWeather() throws {
        let text = HydrogenPathModelTests.yaml(poolYears: 6)
            .replacingOccurrences(of: "electrolyser: {capacityMW: 40.0,", with: "electrolyser: {capacityMW: {distribution: uniform, min: 10, max: 70},")
        let s = try scenario(text)
        let drawer = try StochasticModel(scenario: s, model: try s.compile())
        let indices = try SobolIndices.estimate(scenario: s, drawer: drawer, metric: .equityNPV, samples: 64, bootstrap: 0)
        let capacity = try #require(indices.indices.first { $0.name == "hydrogen.electrolyser.capacityMW" })
        let weather = try #require(indices.indices.first { $0.name == "hydrogen.weather (years drawn per path)" })
        // A sevenfold range of electrolyser sizes moves the NPV far more than the weather years do.
        #expect(capacity.total > 0.5 && capacity.total > weather.total, "\(capacity.total) vs \(weather.total)")
        #expect(weather.total > 0, "the weather years move the NPV too")
    }

    @Test("Scenario Sobol indices group a per-year multiplier's years into one index and match the variance shares")
    func scenarioSobol() throws {
        let d = try Self.drawer()
        let s = try SobolIndices.estimate(d, metric: .equityNPV, samples: 2048, bootstrap: 0)
        #expect(s.indices.map(\.name) == ["products[0].price", "operatingCosts[0].annualAmount"])
        // NPV = const + 1000 a P - 10000 Σ_t v^t M_t: Var = (1000 a)² 40²/12 + 10000² Σ v^{2t} 1/12.
        let v2 = (1...10).reduce(0.0) { $0 + pow(1.08, -2 * Double($1)) }
        let vp = pow(1000 * Self.a, 2) * 1600 / 12, vr = 1e8 * v2 / 12
        #expect(abs(s.indices[0].firstOrder - vp / (vp + vr)) < 0.01)
        #expect(abs(s.indices[1].total - vr / (vp + vr)) < 0.01)
    }

    @Test("steppe sensitivity prints tornado entries with input, low, high, valueLow and valueHigh")
    func command() throws {
        let result = SteppeCommand.run(["sensitivity", "--tornado", "--sobol", "--paths", "128", "--bootstrap", "20", "--format", "json", "--threads", "2"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let bars = try #require(root["tornado"] as? [[String: Any]])
        #expect(!bars.isEmpty && root["spider"] == nil)
        for key in ["input", "low", "high", "valueLow", "valueHigh"] { #expect(bars[0][key] != nil, "\(key)") }
        let sobol = try #require(root["sobol"] as? [String: Any])
        #expect((sobol["indices"] as? [[String: Any]])?.first?["totalHigh"] != nil)
    }

    @Test("steppe incentives --policy-risk reports the probabilities with and without policy risk")
    func incentivesPolicyRisk() throws {
        let result = SteppeCommand.run(["incentives", "--policy-risk", "--paths", "200", "--format", "json", "--threads", "2"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let risk = try #require(root["policyRisk"] as? [String: Any])
        for side in ["withPolicyRisk", "withoutPolicyRisk"] {
            let s = try #require(risk[side] as? [String: Any])
            #expect(s["probabilityEquityIRRBelowHurdle"] != nil && s["probabilityMinDSCRBelowCovenant"] != nil)
        }
    }
}
