import Testing
@testable import Steppe

/// CIT: holidays, reduced rates, their stacking and loss carry-forward.
///
/// The scenarios have no capex, so taxable income is revenue less a fixed cost of 100
/// a year and the numbers can be followed by hand.
@Suite("Corporate income tax")
struct CorporateIncomeTaxTests {
    /// Ten operating years 2026-2035, revenue per year as given, cost 100 a year.
    static func yaml(revenue: [Double], incentives: String, stacking: String = "lowerOf") -> String {
        """
        name: tax
        startYear: 2026
        operationStartYear: 2026
        operatingYears: 10
        assetClasses: []
        capex: []
        products:
          - {id: service, unit: unit, quantity: [\(revenue.map { "\($0)" }.joined(separator: ", "))], price: 1}
        operatingCosts:
          - {id: cost, annualAmount: 100}
        tax: {citRate: 0.25, lossCarryForwardYears: 5, holidayStacking: \(stacking)}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        incentives:
        \(incentives)
        """
    }

    static let holiday = """
          - {id: holiday, kind: taxHoliday, exemptYears: 3, reducedYears: 3, reducedFactor: 0.5,
             countFrom: firstRevenueYear, assumption: test}
        """
    static let westernDevelopment = """
          - {id: wd, kind: taxRate, rate: 0.15, validFrom: 2021, validTo: 2033, assumption: test}
        """

    @Test("A loss made in a holiday year offsets income in a reduced-rate year within five years")
    func holidayLossUsedWithinFiveYears() throws {
        // 2026 (exempt) loses 99; 2031 (half-rate year 6) earns 300, of which 99 is offset.
        let e = try evaluate(Self.yaml(revenue: [1, 100, 100, 100, 100, 400, 100, 100, 100, 100], incentives: Self.holiday))
        #expect(e.years[0].lossCarriedForward == 99)
        #expect(e.years[4].lossCarriedForward == 99)
        #expect(abs(e.years[5].tax - 0.125 * (300 - 99)) <= 1e-9)
        #expect(e.years[5].lossCarriedForward == 0)
    }

    @Test("A loss made in a holiday year expires after five years")
    func holidayLossExpires() throws {
        // The same loss is no longer available in 2032, the sixth year after it.
        let e = try evaluate(Self.yaml(revenue: [1, 100, 100, 100, 100, 100, 400, 100, 100, 100], incentives: Self.holiday))
        #expect(e.years[5].lossCarriedForward == 0)
        #expect(abs(e.years[6].tax - 0.25 * 300) <= 1e-9)
    }

    @Test("With exemptIncomeUsesLosses: true, income in an exempt year consumes carried losses")
    func exemptYearConsumesLosses() throws {
        // 2026 loses 99; 2027 (still exempt) earns 200 and uses the loss; 2031 earns 300 with no loss left.
        let yaml = Self.yaml(revenue: [1, 300, 100, 100, 100, 400, 100, 100, 100, 100], incentives: Self.holiday)
            .replacingOccurrences(of: "holidayStacking: lowerOf}", with: "holidayStacking: lowerOf, exemptIncomeUsesLosses: true}")
        let e = try evaluate(yaml)
        #expect(e.years[1].tax == 0)
        #expect(e.years[1].lossCarriedForward == 0)
        #expect(abs(e.years[5].tax - 0.125 * 300) <= 1e-9)
    }

    @Test("By default, income in the exempt years of a holiday counted from the first revenue year leaves carried losses for later (return line 20 before line 21)")
    func exemptYearKeepsLossesByDefault() throws {
        // 2026 loses 99; 2027 (exempt) earns 200 but keeps the loss; 2031 (half rate) earns 300 and offsets it.
        let e = try evaluate(Self.yaml(revenue: [1, 300, 100, 100, 100, 400, 100, 100, 100, 100], incentives: Self.holiday))
        #expect(e.years[1].tax == 0)
        #expect(e.years[1].lossCarriedForward == 99)
        #expect(abs(e.years[5].tax - 0.125 * (300 - 99)) <= 1e-9)
        #expect(e.years[5].lossCarriedForward == 0)
    }

    @Test("A holiday counted from the first profit year cannot keep losses in its exempt years")
    func firstProfitHolidayRefusesKeepingLosses() throws {
        let holiday = """
              - {id: holiday, kind: taxHoliday, exemptYears: 2, reducedYears: 2, countFrom: firstProfitYear, assumption: test}
            """
        let yaml = Self.yaml(revenue: [1, 300, 100, 100, 100, 400, 100, 100, 100, 100], incentives: holiday)
            .replacingOccurrences(of: "holidayStacking: lowerOf}", with: "holidayStacking: lowerOf, exemptIncomeUsesLosses: false}")
        #expect(throws: ScenarioErrors.self) { try evaluate(yaml) }
        do { _ = try evaluate(yaml) } catch let error as ScenarioErrors {
            #expect(error.issues.map(\.keyPath) == ["tax.exemptIncomeUsesLosses"])
        } catch {}
    }

    @Test("A holiday counted from the first revenue year starts in the first year with revenue, not the first operating year")
    func holidayStartsAtFirstRevenueYear() throws {
        // Revenue 0 in 2026 (operating, but nothing sold), 200 from 2027: the 3+3 clock starts in 2027.
        // By hand: 2026 is outside the holiday (25%; the loss of 100 pays no tax at any rate), 2027-2029
        // are exempt (0), 2030-2032 pay half (12.5%), 2033-2035 the statutory 25%. Counting from the
        // first operating year instead would give 0, 0, 0, 0.125, 0.125, 0.125, 0.25, ...
        let e = try evaluate(Self.yaml(revenue: [0] + Array(repeating: 200, count: 9), incentives: Self.holiday))
        #expect(e.years.map(\.citRate) == [0.25, 0, 0, 0, 0.125, 0.125, 0.125, 0.25, 0.25, 0.25])
        // 2030: income 100, less the 2026 loss of 100, kept through the exempt years 2027-2029 (their
        // income leaves losses alone by default) -> nothing taxed.
        #expect(e.years[4].tax == 0)
        #expect(e.years[3].lossCarriedForward == 100)
    }

    @Test("A reduced rate cut to half keeps half its reduction: 20%, not 15%, while it is valid")
    func scaledReducedRate() throws {
        // Statutory 25%, the 15% rate valid to 2033, cut to half (scale 0.5, as a policy-risk cut draws):
        // 25% - 0.5 x (25% - 15%) = 20% in 2026-2033, 25% after.
        var m = try scenario(Self.yaml(revenue: Array(repeating: 200, count: 10), incentives: Self.westernDevelopment)).compile()
        let wd = try #require(m.incentives.firstIndex { $0.id == "wd" })
        m.incentiveScale[wd] = 0.5
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        #expect(ws.citRate.map { ($0 * 1e12).rounded() / 1e12 } == [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.25, 0.25])
    }

    @Test("15% and 3+3 stack as 'lowerOf': 0, 0, 0, then 12.5% (not 7.5%), then 15%, then 25% after validity")
    func lowerOfStacking() throws {
        let e = try evaluate(Self.yaml(revenue: Array(repeating: 200, count: 10),
                                       incentives: Self.holiday + "\n" + Self.westernDevelopment))
        let rates = e.years.map(\.citRate)
        #expect(rates == [0, 0, 0, 0.125, 0.125, 0.125, 0.15, 0.15, 0.25, 0.25])
        #expect(abs(e.years[3].tax - 12.5) <= 1e-12)
    }

    @Test("15% and 3+3 stack as 'halveReducedRate': the half years pay 7.5%")
    func halveReducedRateStacking() throws {
        let e = try evaluate(Self.yaml(revenue: Array(repeating: 200, count: 10),
                                       incentives: Self.holiday + "\n" + Self.westernDevelopment, stacking: "halveReducedRate"))
        #expect(e.years.map(\.citRate) == [0, 0, 0, 0.075, 0.075, 0.075, 0.15, 0.15, 0.25, 0.25])
    }

    @Test("A holiday counted from the first profit year starts after the loss years")
    func holidayFromFirstProfit() throws {
        let e = try evaluate(Self.yaml(revenue: [50, 50, 200, 200, 200, 200, 200, 200, 200, 200], incentives: """
              - {id: holiday, kind: taxHoliday, exemptYears: 2, reducedYears: 2, countFrom: firstProfitYear, assumption: test}
            """))
        // Losses of 50 in 2026 and 2027; 2028 is the first year with taxable income after offset (100 - 100 = 0 is not profit).
        #expect(e.years[2].taxableIncome == 100)
        #expect(e.years.map(\.citRate) == [0.25, 0.25, 0.25, 0, 0, 0.125, 0.125, 0.25, 0.25, 0.25])
    }

    @Test("Without incentives the statutory 25% applies and losses carry forward")
    func statutoryWithLosses() throws {
        let e = try evaluate(Self.yaml(revenue: [0, 300, 100, 100, 100, 100, 100, 100, 100, 100], incentives: "  []"))
        #expect(e.years[0].tax == 0)
        #expect(abs(e.years[1].tax - 0.25 * (200 - 100)) <= 1e-12)
        #expect(e.years.allSatisfy { $0.citRate == 0.25 })
    }

    @Test("With a 60% offset limit, carried losses offset at most 60% of a year's income")
    func lossOffsetLimit() throws {
        // Losses of 100 in 2026 and 2027; income 200 a year from 2028. By hand: 2028 offsets 0.6 x 200 = 120
        // (tax 0.25 x 80 = 20, 80 of loss left); 2029 offsets the remaining 80 (tax 0.25 x 120 = 30); then 50 a year.
        let yaml = Self.yaml(revenue: [0, 0] + Array(repeating: 300, count: 8), incentives: "  []")
            .replacingOccurrences(of: "lossCarryForwardYears: 5", with: "lossCarryForwardYears: 5, lossOffsetLimit: 0.6")
        let e = try evaluate(yaml)
        #expect(e.years.map(\.tax) == [0, 0, 20, 30, 50, 50, 50, 50, 50, 50])
        #expect(e.years.map(\.lossCarriedForward)[0...3] == [100, 200, 80, 0])
    }
}
