import Testing
@testable import Steppe

@Suite("Incentives")
struct IncentiveTests {
    /// Capex of 1,100,000 in 2026; 1000 units at 1000 from 2027 for 10 years, profitable every year.
    static func yaml(incentives: String, cit: Double = 0.25) -> String {
        """
        name: incentives
        startYear: 2026
        operatingYears: 10
        assetClasses:
          - {id: plant, lifeYears: 20}
          - {id: tools, lifeYears: 5}
        capex:
          - {year: 2026, assetClass: plant, amount: 1000000}
          - {year: 2026, assetClass: tools, amount: 100000}
        products:
          - {id: widget, unit: unit, quantity: 1000, price: 1000}
        labour:
          - {role: engineers, headcount: 4, annualWage: 150000}
        operatingCosts:
          - {id: power, unit: kWh, annualQuantity: 100000, price: 0.5}
        tax: {citRate: \(cit)}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        incentives:
        \(incentives)
        """
    }

    static func amounts(_ e: Evaluation, _ id: String) -> [Double] {
        e.incentivesByItem.first { $0.id == id }!.amounts
    }

    @Test("A capped, time-limited, taxable subsidy pays within its caps and years and is taxed")
    func cappedTimeLimitedTaxableSubsidy() throws {
        let incentive = """
          - {id: s, kind: productionSubsidy, product: widget, amountPerUnit: 10, capPerYear: 6000,
             capTotal: 15000, validFrom: 2028, validTo: 2031, taxable: true, assumption: test}
        """
        let with = try evaluate(Self.yaml(incentives: incentive))
        let without = try evaluate(Self.yaml(incentives: "  []"))
        #expect(without.years.dropFirst().allSatisfy { $0.taxableIncome > 0 && $0.tax > 0 })
        // 10,000 a year, capped at 6,000 a year and 15,000 in all, only 2028-2031.
        #expect(Self.amounts(with, "s") == [0, 0, 6000, 6000, 3000, 0, 0, 0, 0, 0, 0])
        for t in with.years.indices {
            #expect(abs(with.years[t].taxableIncome - without.years[t].taxableIncome - Self.amounts(with, "s")[t]) <= 1e-9)
            #expect(abs(with.years[t].equityCashFlow - without.years[t].equityCashFlow - 0.75 * Self.amounts(with, "s")[t]) <= 1e-9)
        }
    }

    @Test("An untaxed subsidy raises cash flow by its full amount")
    func untaxedSubsidy() throws {
        let with = try evaluate(Self.yaml(incentives: """
          - {id: s, kind: annualAward, amountPerYear: 5000, validFrom: 2027, durationYears: 3, assumption: test}
        """))
        let without = try evaluate(Self.yaml(incentives: "  []"))
        let delta = zip(with.years, without.years).map { $0.equityCashFlow - $1.equityCashFlow }
        #expect(delta == [0, 5000, 5000, 5000, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("A grant that reduces the depreciable basis lowers depreciation of its asset classes only")
    func grantReducesBasis() throws {
        let reducing = try evaluate(Self.yaml(incentives: """
          - {id: g, kind: capitalGrant, share: 0.2, assetClasses: [plant], reducesDepreciableBasis: true, assumption: test}
        """))
        let keeping = try evaluate(Self.yaml(incentives: """
          - {id: g, kind: capitalGrant, share: 0.2, assetClasses: [plant], reducesDepreciableBasis: false, assumption: test}
        """))
        #expect(Self.amounts(reducing, "g")[0] == 200_000)
        // plant 800,000 / 20 + tools 100,000 / 5 against 1,000,000 / 20 + 100,000 / 5.
        #expect(abs(reducing.years[1].depreciation - (40_000 + 20_000)) <= 1e-9)
        #expect(abs(keeping.years[1].depreciation - (50_000 + 20_000)) <= 1e-9)
    }

    @Test("'highest' stacking keeps only the larger of two incentives in a group")
    func highestOnlyStacking() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: small, kind: annualAward, amountPerYear: 1000, stackingGroup: g, stackingRule: highest, assumption: test}
          - {id: large, kind: annualAward, amountPerYear: 3000, stackingGroup: g, stackingRule: highest, assumption: test}
          - {id: other, kind: annualAward, amountPerYear: 500, assumption: test}
        """))
        #expect(Self.amounts(e, "small").allSatisfy { $0 == 0 })
        #expect(Self.amounts(e, "large").allSatisfy { $0 == 3000 })
        #expect(e.years.allSatisfy { $0.incentives == 3500 })
    }

    @Test("'highest' stacking keeps the larger incentive also when it is listed first")
    func highestOnlyStackingLargerFirst() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: large, kind: annualAward, amountPerYear: 3000, stackingGroup: g, stackingRule: highest, assumption: test}
          - {id: small, kind: annualAward, amountPerYear: 1000, stackingGroup: g, stackingRule: highest, assumption: test}
        """))
        #expect(Self.amounts(e, "large").allSatisfy { $0 == 3000 })
        #expect(Self.amounts(e, "small").allSatisfy { $0 == 0 })
    }

    @Test("A clawback repays everything received so far in its year, and nothing is paid after it")
    func clawbackRepaysReceived() throws {
        // An award of 1000 a year from 2026, clawed back in 2029 (year index 3, as a policy-risk draw sets it):
        // 1000 in 2026-2028, -3000 in 2029, 0 from 2030.
        var m = try scenario(Self.yaml(incentives: """
          - {id: award, kind: annualAward, amountPerYear: 1000, assumption: test}
        """)).compile()
        let i = try #require(m.incentives.firstIndex { $0.id == "award" })
        m.incentiveClawbackYear[i] = 3
        var ws = Workspace(for: m)
        ProFormaEngine.run(m, &ws)
        #expect((0..<m.yearCount).map { ws.incentiveByItem[i, $0] } == [1000, 1000, 1000, -3000, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("An input-price override saves the price difference on the cost line, and the saving is taxed")
    func inputPriceOverride() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: cheap-power, kind: inputPrice, costLine: power, overridePrice: 0.3, assumption: test}
        """))
        #expect(abs(Self.amounts(e, "cheap-power")[1] - 100_000 * 0.2) <= 1e-9)
        #expect(Self.amounts(e, "cheap-power")[0] == 0)
    }

    @Test("An employee allowance reaches the firm only through its pass-through share")
    func employeeAllowancePassThrough() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: talent, kind: perPersonAllowance, role: engineers, amountPerPersonYear: 20000, payee: employee,
             passThroughShare: 0.25, assumption: test}
        """))
        #expect(Self.amounts(e, "talent")[1] == 4 * 20000 * 0.25)
    }

    @Test("A disabled incentive has no effect")
    func disabled() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: s, kind: annualAward, amountPerYear: 5000, enabled: false, assumption: test}
        """))
        #expect(e.years.allSatisfy { $0.incentives == 0 })
        #expect(e.incentivesByItem.isEmpty)
    }

    @Test("A fixed-amount grant is paid once, in its first eligible year")
    func fixedGrantPaidOnce() throws {
        let e = try evaluate(Self.yaml(incentives: """
          - {id: g, kind: capitalGrant, amount: 300000, eligibleFrom: firstRevenueYear, eligibleAfterYears: 1, assumption: test}
        """))
        #expect(Self.amounts(e, "g") == [0, 0, 300_000, 0, 0, 0, 0, 0, 0, 0, 0])
    }
}
