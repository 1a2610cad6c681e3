import Foundation
import Testing
@testable import Steppe

@Suite("Payback counted from the start of construction (the feasibility-study method)")
struct PaybackTests {
    /// Two construction years, then eight operating years of 400.
    static let flows: [Double] = [-1000, -500] + Array(repeating: 400, count: 8)

    @Test("Static payback is T - 1 + |cumulative of year T-1| / flow of year T, with T counted from 1")
    func staticFromConstructionStart() {
        // Cumulative: -1000, -1500, -1100, -700, -300, +100: turns non-negative in year T = 6;
        // 6 - 1 + 300 / 400 = 5.75 years from the start of construction.
        #expect(paybackYears(Self.flows, from: .constructionStart) == .value(5.75))
    }

    @Test("Counted from the valuation date, the same flows pay back one year earlier")
    func valuationDateIsOneYearLater() {
        // The end of the first year is one year after the start of construction: 5.75 - 1.
        #expect(paybackYears(Self.flows) == .value(4.75))
    }

    @Test("Dynamic payback discounts year T by (1+i)^-T and applies the same formula")
    func dynamicFromConstructionStart() throws {
        // At 10%, year T discounted by 1.1^-T: cumulative after year 7 = -69.161399, year 8's flow
        // = 400 / 1.1^8 = 186.602952, so 8 - 1 + 69.161399 / 186.602952 = 7.370634 years.
        let value = try #require(paybackYears(Self.flows, discountRate: 0.1, firstYearIndex: 1, from: .constructionStart).number)
        #expect(abs(value - 7.370634) <= 1e-6)
    }

    @Test("When the cumulative flow turns negative again, the later crossing counts")
    func laterCrossingCounts() {
        // Cumulative: -1000, -400, +200, -300, +100. The first crossing (year 3) does not last; the
        // cumulative stays non-negative from year T = 5: 5 - 1 + 300 / 400 = 4.75.
        let flows: [Double] = [-1000, 600, 600, -500, 400]
        #expect(paybackYears(flows, from: .constructionStart) == .value(4.75))
        // Steppe's default keeps the first crossing: 1 + 400 / 600 years after the end of the first year.
        #expect(paybackYears(flows) == .value(1 + 400.0 / 600))
    }

    @Test("A cumulative flow that ends negative has no payback from the start of construction")
    func endingNegativeIsUndefined() {
        let flows: [Double] = [-1000, 1200, -500]
        #expect(paybackYears(flows, from: .constructionStart).number == nil)
    }
}
