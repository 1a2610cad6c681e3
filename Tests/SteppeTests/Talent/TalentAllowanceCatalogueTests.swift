import Testing
@testable import Steppe
import SteppeFiles

/// The talent module's allowances come from the catalogue's `cohortRule` entries (TalentAllowance+Catalogue.swift).
@Suite("Talent allowances from the catalogue")
struct TalentAllowanceCatalogueTests {
    /// Evaluates the talent test plant with `hires` against the shipped catalogue with `user` (a talent document) over it.
    static func evaluate(hires: String, settings: String = "keyFirm: true", user: String? = nil) throws -> Evaluation {
        let catalogue = try user.map { try CatalogueFiles.standard().extended(by: [("user.yaml", $0)]) } ?? CatalogueFiles.standard()
        return try ScenarioFile.parse(TalentModuleTests.yaml(hires: hires, settings: settings), file: "test.yaml", catalogue: catalogue)
            .evaluate()
    }

    /// A talent catalogue document with one entry `id` of `kind`, its `cohortRule`, `parameters` and `more` keys.
    static func entry(_ id: String, level: String = "ordos", kind: String = "perPersonAllowance", rule: String,
                      parameters: String, more: String = "durationYears: 1") -> String {
        """
        domain: talent
        policies:
          - id: \(id)
            title: {zh: 测试, en: Test allowance}
            level: \(level)
            kind: \(kind)
            payee: employee
            cohortRule: \(rule)
            parameters:
              \(parameters.replacingOccurrences(of: "\n", with: "\n      "))
            \(more)
            assumption: a changed entry, to test that the talent module reads it
        """
    }

    static let executive = "    - {id: boss, category: executive, count: 1, year: 2027, annualWage: 500000}"

    @Test("A condition on pay comes from the catalogue: lowering the minimum makes a lower-paid executive qualify")
    func minimumPayFromTheCatalogue() throws {
        let shipped = try Self.evaluate(hires: Self.executive)
        #expect(TalentModuleTests.series(shipped, "allowance:talent.ordos-key-firm-executive").reduce(0, +) == 0)
        let lowered = try Self.evaluate(hires: Self.executive, user: Self.entry(
            "talent.ordos-key-firm-executive", rule: "{payment: oneOff, keyFirm: true, categories: [executive]}",
            parameters: "amountPerPersonYear: {value: 100000, unit: yuan per person}\nminimumAnnualWage: {value: 400000, unit: yuan a year}",
            more: "durationYears: 1\n    stacking: {group: talent-executive-living, rule: highest}"))
        #expect(TalentModuleTests.series(lowered, "allowance:talent.ordos-key-firm-executive")[1] == 100_000)
    }

    @Test("A monthly allowance pays the catalogue's yearly amount month by month for its duration")
    func monthlyAllowanceFromTheCatalogue() throws {
        let e = try Self.evaluate(hires: "    - {id: dr, category: phd, count: 1, year: 2027, annualWage: 300000}", user: Self.entry(
            "talent.ordos-retention-phd", rule: "{payment: monthly, keyFirm: true, origins: [outsideCity], categories: [phd]}",
            parameters: "amountPerPersonYear: {value: 48000, unit: yuan per person-year}",
            more: "eligibleAfterYears: 3\n    durationYears: 2\n    stacking: {group: talent-retention-phd, rule: highest}"))
        // 4000 yuan a month from the fourth year after hiring (2030), 24 months.
        let paid = TalentModuleTests.series(e, "allowance:talent.ordos-retention-phd")
        #expect(paid[4] == 48_000 && paid[5] == 48_000 && paid.reduce(0, +) == 96_000)
    }

    @Test("The range a scenario picks the banner's degree grant in is the catalogue's")
    func degreeGrantRangeFromTheCatalogue() throws {
        let hires = "    - {id: dr, category: phd, count: 1, year: 2027, annualWage: 300000}"
        let settings = "keyFirm: true, bannerDegreeSettlingIn: 450000"
        #expect { _ = try Self.evaluate(hires: hires, settings: settings) } throws: { "\($0)".contains("bannerDegreeSettlingIn") }
        let widened = try Self.evaluate(hires: hires, settings: settings, user: Self.entry(
            "talent.ejh-settling-degree", level: "ejinHoro",
            rule: "{payment: oneOff, mode: fullTime, categories: [phd, master, bachelorKeyUniversity], scenarioPicksAmount: true}",
            parameters: "amountPerPersonYear: {value: 50000, unit: yuan per person}\nmaximum: {value: 500000, unit: yuan per person}",
            more: "durationYears: 1\n    stacking: {group: talent-settling-in, rule: highest}"))
        #expect(TalentModuleTests.series(widened, "allowance:talent.ejh-settling-degree")[1] == 450_000)
    }

    @Test("A share-of-pay cohort rule without its share is a catalogue error")
    func shareOfPayNeedsItsShare() {
        #expect {
            _ = try CatalogueFiles.standard().extended(by: [("user.yaml", Self.entry(
                "talent.test-flexible", rule: "{payment: shareOfPay, mode: flexible}",
                parameters: "amountPerPersonYear: {value: 300000, unit: yuan per person-year}", more: "durationYears: 5"))])
        } throws: { "\($0)".contains("talent.test-flexible.parameters: a shareOfPay cohortRule needs parameter shareOfPay") }
    }
}
