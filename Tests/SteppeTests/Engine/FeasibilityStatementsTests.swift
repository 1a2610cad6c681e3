import Foundation
import Testing
@testable import Steppe

/// `DebtTests`' case (capex 600,000 + 400,000 in 2026-2027, 60% borrowed at 5%, equal principal over
/// 10 years, operation 2028-2042) and the worked feasibility example.
@Suite("The feasibility study's statements: profit distribution, financial plan, balance sheet")
struct FeasibilityStatementsTests {
    static let loan = "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}"

    @Test("The surplus reserve is 10% of net profit until it reaches half the registered capital")
    func surplusReserveStopsAtHalfTheRegisteredCapital() throws {
        // Price 1,500: revenue 1.5 M a year, net profit near 1 M, so the cap binds in the second operating year.
        let e = try evaluate(DebtTests.yaml(loan: Self.loan, price: 1_500))
        let s = FeasibilityStatements(e)
        // Registered capital: the construction capex not borrowed, 240,000 + 160,000 (no VAT, no incentives).
        #expect(abs(s.registeredCapital - 400_000) <= 1e-6)
        let profit2028 = e.years[2].taxableIncome - e.years[2].tax
        #expect(s.surplusReserve[0] == 0 && s.surplusReserve[1] == 0)
        #expect(abs(s.surplusReserve[2] - 0.1 * profit2028) <= 1e-6)
        #expect(abs(s.surplusReserve[3] - (200_000 - 0.1 * profit2028)) <= 1e-6)
        #expect(s.surplusReserve[4...].allSatisfy { $0 == 0 })
        #expect(abs(s.surplusReserveBalance.last! - 200_000) <= 1e-6)
    }

    @Test("Earlier losses are made up before the surplus reserve is set aside")
    func lossesAreMadeUpBeforeTheReserve() throws {
        // At price 300, a first operating year at a tenth of the output loses about 88,800; the next year
        // earns about 160,100 after tax, and its reserve is on the profit beyond the loss.
        let yaml = DebtTests.yaml(loan: Self.loan, price: 300).replacingOccurrences(of: "quantity: 1000", with: "quantity: [100, 1000]")
        let e = try evaluate(yaml)
        let s = FeasibilityStatements(e)
        let loss = e.years[2].taxableIncome - e.years[2].tax, profit = e.years[3].taxableIncome - e.years[3].tax
        try #require(loss < 0 && profit > 0 && profit + loss > 0)
        #expect(s.surplusReserve[2] == 0)
        #expect(abs(s.surplusReserve[3] - 0.1 * (profit + loss)) <= 1e-9)
        #expect(abs(s.undistributed[3] - 0.9 * (profit + loss)) <= 1e-9)
    }

    @Test("At the end of construction the asset-liability ratio is the loan balance over capex plus capitalised interest")
    func assetLiabilityRatioAtTheEndOfConstruction() throws {
        let s = FeasibilityStatements(try evaluate(DebtTests.yaml(loan: Self.loan)))
        // 2027: assets are the plant at cost with 18,000 of interest (1,018,000); the loan owes 618,000; no cash is left.
        #expect(abs(s.totalAssets[1] - 1_018_000) <= 1e-6)
        #expect(abs(s.accumulatedSurplus[1]) <= 1e-6)
        #expect(abs(try #require(s.assetLiabilityRatio[1]) - 618_000 / 1_018_000) <= 1e-12)
    }

    @Test("The balance sheet balances in every year of the worked example")
    func balanceSheetBalances() throws {
        let e = try FeasibilityExampleTests.evaluation("ejin-horo-hydrogen-feasibility")
        let s = FeasibilityStatements(e)
        for t in e.years.indices {
            #expect(relativeError(s.totalAssets[t] / 1e6, (s.liabilities[t] + s.ownersEquity[t]) / 1e6) <= 1e-9, "\(e.years[t].year)")
        }
    }

    @Test("The financial plan's net cash flow is the equity cash flow plus the capital paid in")
    func financialPlanAddsTheCapitalPaidIn() throws {
        let e = try FeasibilityExampleTests.evaluation("ejin-horo-hydrogen-feasibility")
        let s = FeasibilityStatements(e)
        for t in e.years.indices {
            #expect(relativeError(s.netCash[t] / 1e6, (e.years[t].equityCashFlow + s.capitalPaidIn[t]) / 1e6) <= 1e-9, "\(e.years[t].year)")
        }
        // Construction is paid in full by the owners and the loans: no surplus or shortfall by its end.
        #expect(abs(s.accumulatedSurplus[1]) <= 1e-3)
    }
}
