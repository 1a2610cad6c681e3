import Foundation
import Testing
@testable import Steppe

@Suite("Scenario conventions: presets, single switches and their errors")
struct ProjectConventionsTests {
    static let valid = ScenarioErrorTests.valid

    /// The one error line of `yaml` read as `bad.yaml`.
    static func error(_ yaml: String) -> String {
        do {
            _ = try scenario(yaml, file: "bad.yaml")
            return "no error"
        } catch let error as ScenarioErrors {
            return error.issues.map(\.description).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    @Test("Without the key a scenario keeps Steppe's conventions")
    func defaultIsSteppe() throws {
        let s = try scenario(Self.valid)
        #expect(s.conventions == .steppe)
        #expect(!s.recoverResidualValue)
    }

    @Test("cn-feasibility switches every convention to the method's and recovers the residual value")
    func presetSwitchesAll() throws {
        let s = try scenario(Self.valid + "\nconventions: cn-feasibility\n")
        #expect(s.conventions.constructionInterest == .halfYear)
        #expect(s.conventions.valuationDate == .constructionStart)
        #expect(s.conventions.payback == .constructionStart)
        #expect(s.conventions.workingCapital == nil)
        #expect(s.recoverResidualValue)
    }

    @Test("A single switch changes only itself, over the preset named or Steppe's")
    func singleSwitch() throws {
        let one = try scenario(Self.valid + "\nconventions: {valuationDate: constructionStart}\n").conventions
        #expect(one.valuationDate == .constructionStart && one.constructionInterest == .yearEndDraws && one.payback == .valuationDate)
        let over = try scenario(Self.valid + "\nconventions: {preset: cn-feasibility, constructionInterest: yearEndDraws}\n").conventions
        #expect(over.constructionInterest == .yearEndDraws && over.valuationDate == .constructionStart)
    }

    @Test("The scenario's own recoverResidualValue wins over the preset's")
    func residualKeyWins() throws {
        let s = try scenario(Self.valid + "\nconventions: cn-feasibility\nrecoverResidualValue: false\n")
        #expect(!s.recoverResidualValue)
    }

    @Test("Under cn-feasibility the book value left is recovered in the last year")
    func residualRecoveredInLastYear() throws {
        // A 12-year plant in a 10-year project: 2/12 of 1000 is left at the end of 2036.
        let yaml = Self.valid.replacingOccurrences(of: "lifeYears: 10", with: "lifeYears: 12")
        let e = try evaluate(yaml + "\nconventions: cn-feasibility\n")
        #expect(abs(e.years.last!.residualValue - 1000.0 * 2 / 12) <= 1e-9)
        #expect(e.years.dropLast().allSatisfy { $0.residualValue == 0 })
        #expect(try evaluate(yaml).years.allSatisfy { $0.residualValue == 0 })
    }

    @Test("An unknown preset names the line and the choices, with the closest one")
    func unknownPreset() {
        #expect(Self.error(Self.valid + "\nconventions: cn-feasability\n")
                == "bad.yaml:11:14: conventions: 'cn-feasability' is not one of steppe, cn-feasibility; did you mean 'cn-feasibility'?")
    }

    @Test("An unknown switch is an unknown key with a suggestion")
    func unknownSwitch() {
        #expect(Self.error(Self.valid + "\nconventions: {paybak: constructionStart}\n")
                == "bad.yaml:11:15: conventions.paybak: unknown key; did you mean 'payback'?")
    }

    @Test("Borrowed working capital without a loan rate names the missing key and why")
    func workingCapitalNeedsRate() {
        #expect(Self.error(Self.valid + "\nconventions:\n  workingCapital: {share: 0.1, of: revenue}\n")
                == "bad.yaml:12:19: conventions.workingCapital.loanRate: missing required key: 70% of the working capital is borrowed (ownFundedShare 0.3), so its loan needs a rate")
    }

    @Test("Days of turnover read as the detailed method: a share of operating cost of their net days over 360")
    func workingCapitalByDaysOfTurnover() throws {
        let s = try scenario(Self.valid + "\nconventions:\n  workingCapital: {daysOfTurnover: {receivables: 30, inventories: 45, cash: 15, payables: 18}, ownFundedShare: 1}\n")
        let w = try #require(s.conventions.workingCapital)
        #expect(w.turnoverDays == TurnoverDays(receivables: 30, inventories: 45, cash: 15, payables: 18))
        #expect(w.basis == .operatingCost && abs(w.share - 72.0 / 360) <= 1e-15)
    }

    @Test("Days of turnover beside a share are refused, naming both methods")
    func daysOfTurnoverOrShare() {
        #expect(Self.error(Self.valid + "\nconventions:\n  workingCapital: {share: 0.1, of: revenue, ownFundedShare: 1, daysOfTurnover: {receivables: 30, inventories: 30, cash: 10, payables: 20}}\n")
                .contains("conventions.workingCapital.daysOfTurnover: give either daysOfTurnover (the detailed method) or share and of (the ratio method), not both"))
    }

    @Test("Payables beyond the current assets' days are refused: the working capital would be negative")
    func payablesBeyondCurrentAssets() {
        #expect(Self.error(Self.valid + "\nconventions:\n  workingCapital: {daysOfTurnover: {receivables: 10, inventories: 10, cash: 5, payables: 40}, ownFundedShare: 1}\n")
                .contains("conventions.workingCapital.daysOfTurnover.payables: payables (40 days) exceed receivables, inventories and cash (25 days)"))
    }

    @Test("A working-capital basis other than revenue or operating cost is refused")
    func workingCapitalBasis() {
        #expect(Self.error(Self.valid + "\nconventions:\n  workingCapital: {share: 0.1, of: sales, ownFundedShare: 1}\n")
                == "bad.yaml:12:36: conventions.workingCapital.of: 'sales' is not one of revenue, operatingCost")
    }
}
