import Foundation
import Testing
@testable import Steppe

@Suite("Debt")
struct DebtTests {
    /// Capex 600,000 in 2026 and 400,000 in 2027, operation 2028-2042, 1000 units at `price`.
    static func yaml(loan: String, equityShare: Double = 0.4, price: Double = 150) -> String {
        """
        name: debt
        startYear: 2026
        operatingYears: 15
        assetClasses:
          - {id: plant, lifeYears: 15}
        capex:
          - {year: 2026, assetClass: plant, amount: 600000}
          - {year: 2027, assetClass: plant, amount: 400000}
        products:
          - {id: widget, unit: unit, quantity: 1000, price: \(price)}
        operatingCosts:
          - {id: om, annualAmount: 20000, escalation: 0.02}
        financing:
          equityShare: \(equityShare)
          loans:
            - \(loan)
        discounting: {projectRate: 0.08, equityRate: 0.10}
        """
    }

    @Test("Interest during construction is capitalised into the loan balance and the depreciable basis")
    func interestDuringConstruction() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}"))
        // Draw 0.6 x 600,000 = 360,000 at the end of 2026; 2027 accrues 18,000 and draws 240,000.
        #expect(e.years[0].debtDrawdown == 360_000)
        #expect(abs(e.years[1].capitalisedInterest - 18_000) <= 1e-9)
        #expect(abs(e.years[1].debtBalance - 618_000) <= 1e-9)
        #expect(e.years[1].interest == 0)
        #expect(abs(e.years[2].interest - 0.05 * 618_000) <= 1e-9)
        // Depreciation basis 1,000,000 + 18,000 over 15 years.
        #expect(abs(e.years[2].depreciation - 1_018_000 / 15.0) <= 1e-9)
        // Equal principal over 10 years, repaid by maturity.
        #expect(abs(e.years[2].principal - 61_800) <= 1e-9)
        #expect(abs(e.years[11].debtBalance) <= 1e-6)
    }

    @Test("An equal-principal loan repays the same principal every year, and its interest falls by the rate times it")
    func equalPrincipalSchedule() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}"))
        // 618,000 at the start of operation (see above) over 10 years: 61,800 a year in 2028-2037;
        // interest 0.05 x (618,000 - 61,800 k) in the k-th year.
        for k in 0..<10 {
            #expect(abs(e.years[2 + k].principal - 61_800) <= 1e-6, "year \(2028 + k)")
            #expect(abs(e.years[2 + k].interest - 0.05 * (618_000 - 61_800 * Double(k))) <= 1e-6, "year \(2028 + k)")
        }
    }

    @Test("An annuity loan pays a level debt service after its grace year")
    func annuityLevelService() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, graceYears: 1, repayment: annuity}"))
        let service = e.years[3...11].map(\.debtService)
        let level = -payment(rate: 0.05, periods: 9, presentValue: 618_000)
        #expect(service.allSatisfy { abs($0 - level) <= 1e-6 })
        #expect(abs(e.years[2].debtService - 0.05 * 618_000) <= 1e-9)
        #expect(abs(e.years[11].debtBalance) <= 1e-6)
    }

    @Test("Sculpted debt meets the target DSCR in every repayment year when gearing does not bind")
    func sculptedMeetsTarget() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 12, repayment: sculpted, targetDSCR: 1.4, maxGearing: 0.9}",
                                       price: 100))
        for y in e.years[2...13] {
            let dscr = try #require(y.dscr)
            #expect(abs(dscr - 1.4) <= 1e-9, "\(y.year): DSCR \(dscr)")
        }
        #expect(abs(e.years[13].debtBalance) <= 1e-6)
        let gearing = e.years[1].debtBalance / (1_000_000 + e.years[1].capitalisedInterest)
        #expect(gearing < 0.9)
    }

    @Test("Sculpted debt never exceeds the maximum gearing", arguments: [0.3, 0.5, 0.7])
    func sculptedRespectsGearing(maxGearing: Double) throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 12, repayment: sculpted, targetDSCR: 1.2, maxGearing: \(maxGearing)}",
                                       price: 400))
        let capitalised = e.years[0].capitalisedInterest + e.years[1].capitalisedInterest
        let gearing = e.years[1].debtBalance / (1_000_000 + capitalised)
        #expect(gearing <= maxGearing + 1e-12)
        #expect(abs(gearing - maxGearing) <= 1e-9, "gearing binds at this price")
        // Capped, the service is scaled down, so every DSCR is above target.
        #expect(e.years[2...13].allSatisfy { ($0.dscr ?? 0) >= 1.2 - 1e-9 })
        #expect(abs(e.years[13].debtBalance) <= 1e-6)
    }

    @Test("Equity cash flow is CFADS plus draws less debt service")
    func equityIdentity() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, repayment: annuity}"))
        for y in e.years {
            #expect(abs(y.equityCashFlow - (y.cfads + y.debtDrawdown - y.debtService + y.residualValue)) <= 1e-6)
        }
    }

    @Test("Without debt, DSCR and LLCR are undefined with a reason")
    func noDebtMetricsUndefined() throws {
        let e = try evaluate(Self.yaml(loan: "{id: bank, share: 0, rate: 0.05, tenorYears: 10, repayment: annuity}"))
        #expect(e.metrics.minDSCR.reason != nil)
        #expect(e.metrics.llcr.reason != nil)
    }
}
