import Foundation
import Testing
@testable import Steppe

@Suite("Construction interest by the half-year rule")
struct LaneModelLoansTests {
    /// `DebtTests`' case (capex 600,000 in 2026 and 400,000 in 2027, 60% debt at 5%) with `conventions`.
    static func yaml(conventions: String, loan: String = "{id: bank, rate: 0.05, tenorYears: 10, repayment: equalPrincipal}") -> String {
        DebtTests.yaml(loan: loan) + "\nconventions: \(conventions)\n"
    }

    @Test("A two-year build charges (opening balance + draw / 2) x rate each year and capitalises it")
    func halfYearOverTwoYears() throws {
        let e = try evaluate(Self.yaml(conventions: "{constructionInterest: halfYear}"))
        // 2026: draw 360,000, interest 0.05 x 360,000 / 2 = 9,000, balance 369,000.
        #expect(e.years[0].debtDrawdown == 360_000)
        #expect(abs(e.years[0].capitalisedInterest - 9_000) <= 1e-9)
        #expect(abs(e.years[0].debtBalance - 369_000) <= 1e-9)
        // 2027: draw 240,000, interest 0.05 x (369,000 + 120,000) = 24,450, balance 633,450.
        #expect(abs(e.years[1].capitalisedInterest - 24_450) <= 1e-9)
        #expect(abs(e.years[1].debtBalance - 633_450) <= 1e-9)
        // Operating years pay interest on the whole balance; the basis takes 1,000,000 + 33,450.
        #expect(abs(e.years[2].interest - 0.05 * 633_450) <= 1e-9)
        #expect(abs(e.years[2].depreciation - 1_033_450 / 15.0) <= 1e-9)
    }

    @Test("The cn-feasibility preset charges construction interest by the half-year rule")
    func presetUsesHalfYear() throws {
        let e = try evaluate(Self.yaml(conventions: "cn-feasibility"))
        #expect(abs(e.years[0].capitalisedInterest + e.years[1].capitalisedInterest - 33_450) <= 1e-9)
    }

    @Test("A sculpted loan under the half-year rule still meets its target DSCR")
    func sculptedUnderHalfYear() throws {
        let loan = "{id: bank, rate: 0.05, tenorYears: 12, repayment: sculpted, targetDSCR: 1.4, maxGearing: 0.9}"
        let e = try evaluate(DebtTests.yaml(loan: loan, price: 100) + "\nconventions: {constructionInterest: halfYear}\n")
        for y in e.years[2...13] {
            let dscr = try #require(y.dscr)
            #expect(abs(dscr - 1.4) <= 1e-9, "\(y.year): DSCR \(dscr)")
        }
        // The draws bore interest by the half-year rule: 2026's draw x 0.05 / 2.
        #expect(abs(e.years[0].capitalisedInterest - 0.05 * e.years[0].debtDrawdown / 2) <= 1e-9)
    }
}
