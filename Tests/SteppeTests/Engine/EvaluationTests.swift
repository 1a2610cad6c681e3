import Foundation
import Testing
@testable import Steppe

@Suite("Evaluation")
struct EvaluationTests {
    /// Two classes, straight line from the first operating year 2028: plant 1,000,000 (built 2026) over
    /// 10 years, 10% residual; vehicles 500,000 (built 2027) over 5 years, no residual. A loan of 60% at
    /// 5% draws in both years, so the 2027 interest is capitalised and depreciated beside the classes.
    static let yaml = """
        name: two classes
        startYear: 2026
        operationStartYear: 2028
        operatingYears: 12
        assetClasses:
          - {id: plant, lifeYears: 10, residualRate: 0.1}
          - {id: vehicles, lifeYears: 5}
        capex:
          - {year: 2026, assetClass: plant, amount: 1000000}
          - {year: 2027, assetClass: vehicles, amount: 500000}
        products: [{id: widget, unit: unit, quantity: 1000, price: 400}]
        financing: {equityShare: 0.4, loans: [{id: bank, share: 0.6, rate: 0.05, tenorYears: 8, repayment: equalPrincipal}]}
        tax: {citRate: 0.25}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    @Test("Depreciation by asset class: each class's own charge, the capitalised interest's apart, together the year's depreciation")
    func depreciationByClass() throws {
        let e = try evaluate(Self.yaml)
        #expect(e.depreciationByClass.map(\.id) == ["plant", "vehicles"])
        let plant = e.depreciationByClass[0].amounts, vehicles = e.depreciationByClass[1].amounts
        // 2028-2037: (1,000,000 - 100,000) / 10; 2028-2032: 500,000 / 5.
        for t in 2...11 { #expect(abs(plant[t] - 90_000) <= 1e-6, "plant \(2026 + t)") }
        #expect(plant[0] == 0 && plant[1] == 0 && plant[12...].allSatisfy { $0 == 0 })
        for t in 2...6 { #expect(abs(vehicles[t] - 100_000) <= 1e-6, "vehicles \(2026 + t)") }
        #expect(vehicles[..<2].allSatisfy { $0 == 0 } && vehicles[7...].allSatisfy { $0 == 0 })
        #expect(e.years.contains { $0.depreciationOfInterest > 0 })
        for (t, year) in e.years.enumerated() {
            #expect(abs(plant[t] + vehicles[t] + year.depreciationOfInterest - year.depreciation) <= 1e-6, "year \(year.year)")
        }
    }
}
