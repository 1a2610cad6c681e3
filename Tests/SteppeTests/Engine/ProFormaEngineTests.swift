import Testing
@testable import Steppe

/// The pro forma's operating lines, followed by hand.
@Suite("Pro forma engine")
struct ProFormaEngineTests {
    /// Capex 1000 in 2026 carrying 13% input VAT; from 2027 revenue 500 (13% output VAT) and a cost of
    /// 100 (13% input VAT); surtax 12% of the VAT paid.
    static let vatYAML = """
        name: vat
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 3
        assetClasses: [{id: plant, lifeYears: 10, vatRate: 0.13}]
        capex: [{year: 2026, assetClass: plant, amount: 1000}]
        products: [{id: x, unit: unit, quantity: 500, price: 1, vatRate: 0.13}]
        operatingCosts: [{id: cost, annualAmount: 100, vatRate: 0.13}]
        tax: {citRate: 0.25, vatSurtaxRate: 0.12}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    static func expectClose(_ actual: [Double], _ expected: [Double], _ what: String) {
        #expect(actual.count == expected.count, "\(what): \(actual)")
        for (a, b) in zip(actual, expected) { #expect(abs(a - b) <= 1e-9, "\(what): \(actual) vs \(expected)") }
    }

    @Test("Input VAT on capex is a credit used against later output VAT; VAT is paid only once the credit is gone")
    func vatCreditCarriedForward() throws {
        let e = try evaluate(Self.vatYAML)
        // By hand: 2026 input 130 -> credit 130. Each later year nets 65 - 13 = 52:
        // credit 78 (2027), 26 (2028), then 26 paid in 2029. The cash cost is the change of the credit.
        Self.expectClose(e.years.map(\.vatPaid), [0, 0, 0, 26], "VAT paid")
        Self.expectClose(e.years.map(\.vatCashCost), [130, -52, -52, -26], "VAT cash cost")
    }

    @Test("The surtax is its rate times the VAT paid, not the output VAT")
    func surtaxOnVATPaid() throws {
        let e = try evaluate(Self.vatYAML)
        // 12% of [0, 0, 0, 26].
        Self.expectClose(e.years.map(\.surtax), [0, 0, 0, 3.12], "surtax")
    }
}
