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

    /// Issue 23's case: one 100 M yuan asset built in 2026, 20 operating years selling 1e6 units at 12 yuan,
    /// 5 M yuan of O&M, one loan at 3.45% over `tenor` years repaid by `repayment`.
    static func issue23(repayment: String, tenor: Int = 15, operatingYears: Int = 20) -> String {
        """
        name: issue 23
        startYear: 2026
        operatingYears: \(operatingYears)
        assetClasses: [{id: plant, lifeYears: 20, residualRate: 0.05}]
        capex: [{year: 2026, assetClass: plant, amount: 100000000}]
        products: [{id: widget, unit: unit, quantity: 1000000, price: 12}]
        operatingCosts: [{id: om, annualAmount: 5000000}]
        financing:
          equityShare: 0.5
          loans: [{id: bank, rate: 0.0345, tenorYears: \(tenor), repayment: \(repayment)}]
        discounting: {projectRate: 0.06, equityRate: 0.08}
        """
    }

    @Test("A sculpted loan capped by its maximum gearing converges to a flat DSCR in every repayment year")
    func cappedSculptedLoanHasFlatCover() throws {
        let e = try evaluate(Self.issue23(repayment: "sculpted, targetDSCR: 1.3, maxGearing: 0.5"))
        let covers = e.years[1...15].compactMap(\.dscr)
        #expect(covers.count == 15)
        let low = try #require(covers.min()), high = try #require(covers.max())
        // Before the fix: between 1.548594 and 1.549596 (the repayment profile of the previous pass).
        #expect(high - low <= 1e-9 * high, "DSCR from \(low) to \(high)")
        #expect(low > 1.3, "the cap binds, so the cover is above the target")
        let gearing = e.years[0].debtBalance / 100_000_000
        #expect(abs(gearing - 0.5) <= 1e-12)
    }

    @Test("A tenor longer than the project keeps its own instalments and repays the balance left in the last year")
    func tenorLongerThanProject() throws {
        let e = try evaluate(Self.issue23(repayment: "annuity", tenor: 15, operatingYears: 10))
        let drawn = e.years[0].debtDrawdown
        // A 15-year annuity's instalment, not a 10-year one (the project's remaining years).
        let instalment = -payment(rate: 0.0345, periods: 15, presentValue: drawn)
        let shortened = -payment(rate: 0.0345, periods: 10, presentValue: drawn)
        #expect(shortened - instalment > 0.3 * instalment)
        for y in e.years[1...9] { #expect(abs(y.debtService - instalment) <= 1e-6, "\(y.year)") }
        // The balance left after nine instalments is repaid in 2036, the last project year.
        let last = e.years[10]
        #expect(abs(last.principal - e.years[9].debtBalance) <= 1e-6)
        #expect(abs(last.debtBalance) <= 1e-6)
    }

    @Test("The minimum DSCR leaves out the grace years: it runs from the first scheduled principal repayment to maturity")
    func coverWindowStartsAfterGrace() throws {
        // No output in the first operating year (a ramp-up): a negative cover in a grace year must not set the minimum.
        let yaml = Self.yaml(loan: "{id: bank, rate: 0.05, tenorYears: 10, graceYears: 1, repayment: annuity}")
            .replacingOccurrences(of: "quantity: 1000, price: 150.0}", with: "quantity: [0, 1000], price: 150.0}")
        #expect(yaml.contains("[0, 1000]"))
        let e = try evaluate(yaml)
        let grace = try #require(e.years[2].dscr)
        #expect(grace < 0, "the ramp-up year's own cover is shown in its year")
        let repaying = e.years[3...11].compactMap(\.dscr)
        #expect(repaying.count == 9)
        #expect(e.metrics.minDSCR.number == repaying.min())
        let average = repaying.reduce(0, +) / Double(repaying.count)
        #expect(abs((e.metrics.averageDSCR.number ?? .nan) - average) <= 1e-12 * abs(average))
    }
}
