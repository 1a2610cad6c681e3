import Testing
@testable import Steppe

@Suite("Talent scenario section")
struct TalentModuleTests {
    /// A profitable plant operating 2027-2036 with a `talent:` section; `hires` are its cohorts.
    static func yaml(hires: String, settings: String = "keyFirm: true, centralUrbanArea: true") -> String {
        let settings = settings.replacingOccurrences(of: ", ", with: "\n")
        return """
        name: talent
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 20}]
        capex: [{year: 2026, assetClass: plant, amount: 1.0e6}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 100000}]
        discounting: {projectRate: 0.08, equityRate: 0.08}
        talent:
          \(settings.replacingOccurrences(of: "\n", with: "\n  "))
          hires:
        \(hires)
        """
    }

    static func amounts(_ e: Evaluation, _ id: String) -> [Double] {
        e.incentivesByItem.first { $0.id == id }?.amounts ?? Array(repeating: 0, count: e.years.count)
    }

    static func series(_ e: Evaluation, _ name: String) -> [Double] {
        e.moduleSeries.first { $0.module == "talent" && $0.name == name }?.values ?? Array(repeating: 0, count: e.years.count)
    }

    @Test("A hire who leaves before the retention period gets no retention allowance; one who stays gets it for what is served",
          arguments: [(2, 0.0), (3, 0.0), (4, 12 * 3000.0), (10, 24 * 3000.0)])
    func retention(tenure: Int, expected: Double) throws {
        let e = try evaluate(Self.yaml(hires: """
            - {id: dr, category: phd, count: 1, year: 2027, annualWage: 300000, tenureYears: \(tenure)}
        """, settings: "keyFirm: true, passThroughShare: 1"))
        #expect(Self.series(e, "allowance:talent.ordos-retention-phd").reduce(0, +) == expected)
        // Paid from the fourth year after hiring (2030), to people still employed.
        if expected > 0 { #expect(Self.series(e, "allowance:talent.ordos-retention-phd")[4] == 36_000) }
    }

    @Test("Expected attrition pays the retention allowance to the survivors only")
    func retentionWithAttrition() throws {
        let e = try evaluate(Self.yaml(hires: """
            - {id: eng, category: master, count: 10, year: 2027, annualWage: 200000, attrition: 0.1}
        """, settings: "keyFirm: true"))
        let paid = Self.series(e, "allowance:talent.ordos-retention-master")
        #expect(abs(paid[4] - 10 * 0.9 * 0.9 * 0.9 * 24_000) <= 1e-6)
        #expect(abs(paid[5] - 10 * 0.9 * 0.9 * 0.9 * 0.9 * 24_000) <= 1e-6)
        #expect(paid[6] == 0)
    }

    @Test("The flexible-hire subsidy is capped per person and per firm a year (Ordos) or in all (Ejin Horo)")
    func flexibleHireCaps() throws {
        // 30% of 2 million is 600,000, capped at 300,000 a person; 10 people: 3 million, capped at 2 million a year.
        let ordos = try evaluate(Self.yaml(hires: """
            - {id: advisers, category: phd, ordosTier: D, mode: flexible, count: 10, year: 2027, annualWage: 2.0e6}
        """, settings: "jurisdiction: ordos"))
        #expect(Self.series(ordos, "allowance:talent.ordos-flexible-hire")[1] == 3_000_000)
        #expect(Self.amounts(ordos, "talent.ordos-flexible-hire") == [0, 2e6, 2e6, 2e6, 2e6, 2e6, 0, 0, 0, 0, 0])
        // One person at 500,000: 150,000 a year, under every cap, for 5 years.
        let one = try evaluate(Self.yaml(hires: """
            - {id: adviser, category: phd, ordosTier: C, mode: flexible, count: 1, year: 2027, annualWage: 500000}
        """, settings: "jurisdiction: ordos"))
        #expect(Self.amounts(one, "talent.ordos-flexible-hire").reduce(0, +) == 5 * 150_000)
        // The banner's tier-B flexible hires are capped at 2 million in all.
        let banner = try evaluate(Self.yaml(hires: """
            - {id: advisers, category: phd, bannerTier: B, mode: flexible, count: 3, year: 2027, annualWage: 2.0e6}
        """))
        #expect(Self.amounts(banner, "talent.ejh-flexible-hire") == [0, 900_000, 900_000, 200_000, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("Within a benefit family only the highest item is paid to a person", arguments: [50_000.0, 100_000.0])
    func highestOnly(degreeGrant: Double) throws {
        // A PhD qualifies for the Ordos rent subsidy (2000 x 36 = 72,000) and the banner's degree settling-in grant.
        let e = try evaluate(Self.yaml(hires: """
            - {id: dr, category: phd, count: 1, year: 2027, annualWage: 300000}
        """, settings: "keyFirm: true, centralUrbanArea: true, bannerDegreeSettlingIn: \(degreeGrant)"))
        let rent = Self.series(e, "allowance:talent.ordos-rent-phd").reduce(0, +)
        let grant = Self.series(e, "allowance:talent.ejh-settling-degree").reduce(0, +)
        #expect(degreeGrant > 72_000 ? (rent == 0 && grant == degreeGrant) : (rent == 72_000 && grant == 0))
        // The two retention allowances (city and banner) are one family too.
        #expect(Self.series(e, "allowance:talent.ejh-retention-phd").reduce(0, +) == 0)
    }

    @Test("Pass-through 0 and 1 give the two extreme cash flows")
    func passThroughExtremes() throws {
        let hires = """
            - {id: dr, category: phd, ordosTier: F, count: 2, year: 2027, annualWage: 300000}
        """
        let none = try evaluate(Self.yaml(hires: hires, settings: "keyFirm: true, passThroughShare: 0"))
        let all = try evaluate(Self.yaml(hires: hires, settings: "keyFirm: true, passThroughShare: 1"))
        // Tier F settling-in grant 800,000 a person in 2027 (002 L8662-8666).
        #expect(Self.series(none, "allowance:talent.ordos-settling-f")[1] == 1_600_000)
        #expect(none.years.allSatisfy { $0.incentives == 0 })
        for t in none.years.indices {
            let gross = Self.series(none, "toStaff:phd")[t]
            #expect(abs(all.years[t].equityCashFlow - none.years[t].equityCashFlow - 0.75 * gross) <= 1e-6)
        }
        #expect(Self.series(none, "toStaff:phd")[1] == 1_600_000)
    }

    @Test("Staff become a wage line per cohort, with head count after attrition")
    func staffGroups() throws {
        let e = try evaluate(Self.yaml(hires: """
            - {id: techs, category: technician, count: 10, year: 2028, annualWage: 100000, onCostRate: 0.3, attrition: 0.2}
        """))
        let line = e.opexByLine.first { $0.id == "labour:talent:techs" }!.amounts
        #expect(line[1] == 0)
        #expect(abs(line[2] - 10 * 130_000) <= 1e-6 && abs(line[3] - 8 * 130_000) <= 1e-6)
    }

    @Test("A hiring year outside the operating years is an error at its key")
    func hireYearOutside() {
        #expect {
            _ = try scenario(Self.yaml(hires: "    - {id: x, category: phd, count: 1, year: 2026, annualWage: 1}"))
        } throws: { error in
            "\(error)".contains("talent.hires[0].year: must be within the operating years 2027-2036 (got 2026)")
        }
    }
}
