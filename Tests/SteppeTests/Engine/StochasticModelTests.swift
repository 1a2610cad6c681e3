import Foundation
import Testing
@testable import Steppe

@Suite("Stochastic model")
struct StochasticModelTests {
    /// Ten operating years, an award of 10 000 a year from 2027, and the given extras.
    static func yaml(price: String = "100", award: String = "", extra: String = "") -> String {
        """
        name: stochastic
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: \(price)}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        incentives:
          - {id: award, kind: annualAward, amountPerYear: 10000, validFrom: 2027, assumption: test\(award)}
        \(extra)
        """
    }

    static func study(_ yaml: String, paths: Int = 2000, sampler: SamplingMethod = .random) throws -> MonteCarloStudy {
        try MonteCarloStudy(scenario: try scenario(yaml), scenarioText: yaml,
                            configuration: MonteCarloConfiguration(paths: paths, seed: 3, sampler: sampler))
    }

    static func awards(_ study: MonteCarloStudy, path: Int) -> [Double] {
        study.runner.evaluatePath(path).incentiveByItem.row(0)
    }

    /// A dairy farm (the module inserts raw milk as the first product and appends its cost lines and
    /// its herd staff group) with a product, an operating cost and a staff group of the file's own;
    /// `widgetPrice` and `wage` are the file's values or uncertain mappings.
    static func dairyYAML(widgetPrice: String = "100", wage: String = "80000") -> String {
        """
        name: dairy with own lines
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 6
        assetClasses: [{id: barns, lifeYears: 20}, {id: herd, lifeYears: 5}]
        capex: [{year: 2026, assetClass: barns, amount: 100.0e6}]
        products: [{id: widget, unit: unit, quantity: 1000, price: \(widgetPrice)}]
        operatingCosts: [{id: office, unit: yuan, annualAmount: 1, price: 50000}]
        labour: [{role: accountant, headcount: 2, annualWage: \(wage)}]
        discounting: {projectRate: 0.06, equityRate: 0.08}
        dairy:
          herd:
            cowPlaces: [1000]
            cullingRateByParity: [0.25]
            maxPurchasesPerYear: 100000
          lactationYieldTonnes: [10]
          milk: {price: 3500}
          purchases: {pricePerHead: 20000, imported: true, assetClass: herd}
          feeds: [{id: silage-maize, price: 450, tonnesPerHeadYear: {lactating: 11, dry: 7}}]
        """
    }

    @Test("In a scenario with a module, an uncertain labour wage varies that staff group's cost line and nothing else")
    func labourWageBindsToItsLineWithAModule() throws {
        let base = try scenario(Self.dairyYAML()).evaluate()
        let study = try Self.study(Self.dairyYAML(wage: "{distribution: uniform, min: 60000, max: 100000, base: 80000}"), paths: 16)
        let labour = try #require(base.model.costLineIDs.firstIndex(of: "labour:accountant"))
        let ws = study.runner.evaluatePath(3)
        let drawnWage = ws.opexByLine[labour, 1] / 2
        #expect(drawnWage != 80000 && drawnWage >= 60000 && drawnWage <= 100000)
        for (l, id) in base.model.costLineIDs.enumerated() where l != labour {
            #expect(ws.opexByLine.row(l) == base.opexByLine[l].amounts, "line \(id) changed")
        }
        #expect(ws.revenue == base.years.map(\.revenue))
    }

    @Test("In a scenario whose module inserts a product first, an uncertain product price varies the file's product")
    func productPriceBindsToItsProductWithAModule() throws {
        let base = try scenario(Self.dairyYAML()).evaluate()
        let study = try Self.study(Self.dairyYAML(widgetPrice: "{distribution: uniform, min: 50, max: 150, base: 100}"), paths: 16)
        let widget = try #require(base.model.productIDs.firstIndex(of: "widget"))
        #expect(widget != 0)
        let ws = study.runner.evaluatePath(3)
        let drawnPrice = ws.revenueByProduct[widget, 1] / 1000
        #expect(drawnPrice != 100 && drawnPrice >= 50 && drawnPrice <= 150)
        var baseWorkspace = Workspace(for: base.model)
        ProFormaEngine.run(base.model, &baseWorkspace)
        for p in base.model.productIDs.indices where p != widget {
            #expect(ws.revenueByProduct.row(p) == baseWorkspace.revenueByProduct.row(p), "product \(base.model.productIDs[p]) changed")
        }
        #expect(ws.opex == base.years.map(\.opex))
    }

    @Test("A policy-risk delay counts from the incentive's first payment, as the incentive analysis's delay does")
    func delayCountsFromFirstPayment() throws {
        // Eligible since 2020, but a production subsidy pays only from the first operating year.
        let yaml = """
            name: delayed subsidy
            startYear: 2026
            operationStartYear: 2027
            operatingYears: 10
            assetClasses: [{id: plant, lifeYears: 10}]
            capex: [{year: 2026, assetClass: plant, amount: 1000000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            tax: {citRate: 0}
            discounting: {projectRate: 0.08, equityRate: 0.08}
            incentives:
              - {id: subsidy, kind: productionSubsidy, product: widget, amountPerUnit: 5, validFrom: 2020, assumption: test,
                 policyRisk: {delayYears: {distribution: discrete, values: [1], probabilities: [1]}}}
            """
        let study = try Self.study(yaml, paths: 64)
        let delayed = IncentiveDependence(model: try scenario(yaml).compile()).delayedModel(0, by: 1)
        var ws = Workspace(for: delayed)
        ProFormaEngine.run(delayed, &ws)
        let expected = ws.incentiveByItem.row(0)
        #expect(expected[1] == 0 && expected[2] == 5000)
        for path in [0, 1, 17, 63] { #expect(Self.awards(study, path: path) == expected) }
    }

    @Test("A withdrawal hazard of 0 reproduces the deterministic incentive on every path")
    func hazardZero() throws {
        let s = try Self.study(Self.yaml(award: ", policyRisk: {withdrawalHazard: 0}"))
        let base = try scenario(Self.yaml()).evaluate().incentivesByItem[0].amounts
        for path in [0, 1, 17, 999] { #expect(Self.awards(s, path: path) == base) }
    }

    @Test("A withdrawal hazard of 1 removes the incentive from its first eligible year")
    func hazardOne() throws {
        let s = try Self.study(Self.yaml(award: ", policyRisk: {withdrawalHazard: 1}"))
        for path in [0, 1, 17, 999] { #expect(Self.awards(s, path: path).allSatisfy { $0 == 0 }) }
    }

    @Test("With a yearly hazard h the incentive lasts a geometric number of years")
    func hazardGeometric() throws {
        let s = try Self.study(Self.yaml(award: ", policyRisk: {withdrawalHazard: 0.3}"), paths: 4000)
        let paidYears = (0..<4000).map { Double(Self.awards(s, path: $0).filter { $0 > 0 }.count) }
        // Years paid = min(K, 10) with K ~ Geometric on {0, 1, ...}: P(K >= k) = 0.7^k.
        let expected = (1...10).reduce(0.0) { $0 + pow(0.7, Double($1)) }
        let mean = paidYears.reduce(0, +) / 4000
        #expect(abs(mean - expected) < 0.1, "mean \(mean) vs \(expected)")
    }

    @Test("A cut with probability 1 pays the given fraction; a clawback repays what was received")
    func cutAndClawback() throws {
        let cut = try Self.study(Self.yaml(award: ", policyRisk: {cut: {probability: 1, toFraction: 0.25}}"))
        #expect(Self.awards(cut, path: 5)[1] == 2500)
        let clawback = try Self.study(Self.yaml(award: ", policyRisk: {clawback: {annualHazard: 1, withinYears: 3}}"))
        // The clawback happens in the first eligible year, before anything was received.
        #expect(Self.awards(clawback, path: 5).allSatisfy { $0 == 0 })
        let later = try Self.study(Self.yaml(award: ", policyRisk: {clawback: {annualHazard: 0.5, withinYears: 5}}"), paths: 200)
        var sawRepayment = false
        for path in 0..<200 {
            let a = Self.awards(later, path: path)
            if let k = a.firstIndex(where: { $0 < 0 }) {
                sawRepayment = true
                #expect(a[k] == -a[..<k].reduce(0, +))
                #expect(a[(k + 1)...].allSatisfy { $0 == 0 })
            }
        }
        #expect(sawRepayment)
    }

    @Test("A distribution on the price gives the mean and spread of the linear NPV")
    func priceDistribution() throws {
        let s = try Self.study(Self.yaml(price: "{distribution: uniform, min: 100, max: 200, base: 150}"), paths: 20_000, sampler: .latinHypercube)
        let summary = MonteCarloSummary(s.runner.run(threads: 2), thresholds: s.thresholds)
        let npv = try #require(summary.statistics.first { $0.metric == .equityNPV })
        let a = (1...10).reduce(0.0) { $0 + pow(1.08, -Double($1)) }
        #expect(abs(try #require(npv.mean) - (-1_000_000 + (150 * 1000 + 10000) * a)) < 100)
        #expect(abs(try #require(npv.standardDeviation) / (1000 * a * 100 / 12.0.squareRoot()) - 1) < 0.01)
    }

    @Test("The deterministic evaluation uses the base value, the mode of a triangular")
    func baseIsMode() throws {
        let s = try scenario(Self.yaml(price: "{distribution: triangular, min: 80, mode: 100, max: 200}"))
        #expect(s.products[0].price == 100)
        #expect(s.uncertainty.count == 1)
    }

    @Test("Correlated inputs reach the target rank correlation within 0.02")
    func correlation() throws {
        let yaml = """
            name: correlated
            startYear: 2026
            operatingYears: 5
            assetClasses: [{id: plant, lifeYears: 5}]
            capex: [{year: 2026, assetClass: plant, amount: {distribution: normal, mean: 1000000, sd: 100000}}]
            products: [{id: widget, unit: unit, quantity: 1000, price: {distribution: lognormal, mean: 100, sd: 20}}]
            discounting: {projectRate: 0.08, equityRate: 0.08}
            correlations:
              - {between: ["capex[0].amount", "products[0].price"], rank: 0.7}
            """
        let s = try Self.study(yaml, paths: 10_000)
        var capex: [Double] = [], price: [Double] = []
        for path in 0..<10_000 {
            let ws = s.runner.evaluatePath(path)
            capex.append(ws.capex[0]); price.append(ws.revenue[1] / 1000)
        }
        #expect(abs(spearman(capex, price) - 0.7) < 0.02)
        // The run reports the same achieved correlation next to its target.
        let reported = try #require(s.achievedCorrelations.first)
        #expect(reported.first == "capex[0].amount" && reported.second == "products[0].price" && reported.target == 0.7)
        #expect(abs(try #require(reported.achieved) - spearman(capex, price)) < 1e-12)
    }

    @Test("A correlation matrix that is not positive semi-definite is a clear error")
    func notPSD() throws {
        let yaml = """
            name: bad
            startYear: 2026
            operatingYears: 5
            assetClasses: [{id: plant, lifeYears: 5}]
            capex: [{year: 2026, assetClass: plant, amount: {distribution: uniform, min: 1, max: 2}}]
            products: [{id: a, unit: u, quantity: {distribution: uniform, min: 1, max: 2}, price: {distribution: uniform, min: 1, max: 2}}]
            discounting: {projectRate: 0.08, equityRate: 0.08}
            correlations:
              - {between: ["capex[0].amount", "products[0].quantity"], rank: 0.9}
              - {between: ["capex[0].amount", "products[0].price"], rank: 0.9}
              - {between: ["products[0].quantity", "products[0].price"], rank: -0.9}
            """
        #expect(throws: ScenarioErrors.self) { try Self.study(yaml) }
        do { _ = try Self.study(yaml) } catch {
            #expect("\(error)".contains("positive semi-definite"), "\(error)")
        }
    }

    @Test("A PERT distribution with min above mode names the problem and its line")
    func badPERT() throws {
        #expect(throws: ScenarioErrors.self) { try scenario(Self.yaml(price: "{distribution: pert, min: 120, mode: 100, max: 200}")) }
        do { _ = try scenario(Self.yaml(price: "{distribution: pert, min: 120, mode: 100, max: 200}")) } catch let error as ScenarioErrors {
            let line = try #require(error.issues.first?.description)
            #expect(line.hasPrefix("test.yaml:6:"), "\(line)")
            #expect(line.contains("products[0].price") && line.contains("min"), "\(line)")
        }
    }

    @Test("A number that cannot be uncertain says which ones can")
    func unsupportedUncertainInput() throws {
        let yaml = Self.yaml().replacingOccurrences(of: "operatingYears: 10", with: "operatingYears: {distribution: uniform, min: 5, max: 10}")
        #expect(throws: ScenarioErrors.self) { try scenario(yaml) }
    }

    @Test("Hazards outside [0, 1] are rejected")
    func hazardRange() throws {
        #expect(throws: ScenarioErrors.self) { try scenario(Self.yaml(award: ", policyRisk: {withdrawalHazard: 1.5}")) }
    }
}
