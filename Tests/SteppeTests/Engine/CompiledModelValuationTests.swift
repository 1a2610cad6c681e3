import Foundation
import Testing
@testable import Steppe

@Suite("Valuation at the start of construction")
struct CompiledModelValuationTests {
    static let yaml = DebtTests.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}")

    @Test("Valued at the start of construction, every NPV is the default's divided by (1 + rate)")
    func npvDividedByOnePlusRate() throws {
        let today = try evaluate(Self.yaml)
        let cn = try evaluate(Self.yaml + "\nconventions: {valuationDate: constructionStart}\n")
        // Nothing else changes: the same flows.
        #expect(cn.years.map(\.equityCashFlow) == today.years.map(\.equityCashFlow))
        let projectNPV = try #require(today.metrics.projectNPV.number), equityNPV = try #require(today.metrics.equityNPV.number)
        #expect(relativeError(try #require(cn.metrics.projectNPV.number), projectNPV / 1.08) <= 1e-12)
        #expect(relativeError(try #require(cn.metrics.equityNPV.number), equityNPV / 1.10) <= 1e-12)
        // IRRs do not depend on the valuation date.
        #expect(cn.metrics.equityIRR == today.metrics.equityIRR)
    }

    @Test("A Monte Carlo path values at the same date as the deterministic evaluation")
    func lanesUseTheValuationDate() throws {
        let model = try scenario(Self.yaml + "\nconventions: {valuationDate: constructionStart}\n").withModuleContributions().compile()
        var evaluator = DeterministicEvaluator(model)
        evaluator.run()
        let e = Evaluation(model)
        #expect(relativeError(evaluator.metric(.equityNPV), try #require(e.metrics.equityNPV.number)) <= 1e-12)
        #expect(relativeError(evaluator.metric(.projectNPV), try #require(e.metrics.projectNPV.number)) <= 1e-12)
    }
}
