import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Dairy scenario section")
struct DairyModuleTests {
    static let examplePath = packageRootURL.appendingPathComponent("Scenarios/dairy-3000-head.yaml").path

    /// A farm whose places follow `places`, filled by purchases at once; `extra` goes inside the section.
    static func yaml(places: String, milk: String = "{price: 3500}", extra: String = "") -> String {
        """
        name: dairy
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 6
        assetClasses: [{id: barns, lifeYears: 20}, {id: herd, lifeYears: 5}]
        capex: [{year: 2026, assetClass: barns, amount: 100.0e6}]
        products: []
        discounting: {projectRate: 0.06, equityRate: 0.08}
        dairy:
          herd:
            cowPlaces: \(places)
            cullingRateByParity: [0.25]
            maxPurchasesPerYear: 100000
          lactationYieldTonnes: [10]
          milk: \(milk)
          purchases: {pricePerHead: 20000, imported: true, assetClass: herd}
          feeds: [{id: silage-maize, price: 450, tonnesPerHeadYear: {lactating: 11, dry: 7}}]
        \(extra)
        """
    }

    static func series(_ e: Evaluation, _ name: String) -> [Double] {
        e.moduleSeries.first { $0.module == "dairy" && $0.name == name }!.values
    }

    static func amounts(_ e: Evaluation, _ id: String) -> [Double] {
        e.incentivesByItem.first { $0.id == id }?.amounts ?? Array(repeating: 0, count: e.years.count)
    }

    @Test("The example farm evaluates, with raw milk first and its subsidies in the years their conditions hold")
    func exampleEvaluates() throws {
        let e = try ScenarioFile.load(path: Self.examplePath).evaluate()
        #expect(e.model.productIDs.first == "raw-milk")
        #expect(e.model.productIDs.contains("cull-cows") && e.model.productIDs.contains("surplus-heifers"))
        let cows = Self.series(e, "cows"), bought = Self.series(e, "heifersPurchased")
        // The 6 million yuan grant is paid once, in the first year the herd reaches 3000 cows.
        let firstFull = cows.firstIndex { $0 >= 3000 - 1e-9 }!
        #expect(Self.amounts(e, "dairy.scale-farm-base")[firstFull] == 6_000_000)
        #expect(Self.amounts(e, "dairy.scale-farm-base").reduce(0, +) == 6_000_000)
        // The import subsidy follows the heifers bought, at 5000 yuan a head.
        for t in e.years.indices { #expect(abs(Self.amounts(e, "dairy.imported-cow")[t] - 5000 * bought[t]) <= 1e-6) }
        // Every dairy incentive carries a title and a citation or an assumption.
        for inc in try ScenarioFile.load(path: Self.examplePath).withModuleContributions().scenario.incentives {
            #expect(!inc.title.isEmpty, "\(inc.id) has no title")
        }
        #expect(cows.allSatisfy { $0 <= 3000 + 1e-9 })
    }

    @Test("A subsidy tied to a herd-size band starts and stops in the years the herd enters and leaves the band")
    func bandSubsidy() throws {
        let e = try evaluate(Self.yaml(places: "[50, 150, 400, 3500, 3500, 80]",
                                       extra: "  subsidies: {dairy.per-head-100-3000: {enabled: true, paid: yearly}}"))
        let cows = Self.series(e, "cows")
        #expect(cows == [0, 50, 150, 400, 3500, 3500, 80].map(Double.init))
        #expect(Self.amounts(e, "dairy.per-head-100-3000") == [0, 0, 150 * 400, 400 * 400, 0, 0, 0])
    }

    @Test("Paid once, the band subsidy is paid in the first year in the band only")
    func bandSubsidyOnce() throws {
        let e = try evaluate(Self.yaml(places: "[50, 150, 400, 3500, 3500, 80]",
                                       extra: "  subsidies: {dairy.per-head-100-3000: {enabled: true}}"))
        #expect(Self.amounts(e, "dairy.per-head-100-3000") == [0, 0, 150 * 400, 0, 0, 0, 0])
    }

    @Test("The scale-farm grant pays 6 million at 3000 cows and 1 million for each further full 500")
    func scaleFarmSteps() throws {
        let e = try evaluate(Self.yaml(places: "[2000, 3200, 3600, 4100, 4100, 4600]",
                                       extra: "  subsidies: {dairy.scale-farm-base: {enabled: true}}"))
        #expect(Self.amounts(e, "dairy.scale-farm-base") == [0, 0, 6_000_000, 1_000_000, 1_000_000, 0, 1_000_000])
    }

    /// The farm of `yaml` with places `[500, 1000]`, at most 200 heifers bought a year, and `herdExtra` in the herd.
    ///
    /// The herd by hand (one parity class culled at 25%, cow mortality 4%, 365/400 calvings a cow-year,
    /// female calves 47%, calf mortality 6%, heifer mortality 2%, first calving at 2 years):
    /// - 2027: 200 bought; 200 calve; survivors 200 x 0.71 = 142; average cows (200 + 142) / 2 = 171;
    ///   94 female calves, 88.36 yearlings.
    /// - 2028: 142 + 200 bought = 342 cows; calvings 200 + 142 x 0.9125 = 329.575; survivors 242.82,
    ///   average (342 + 242.82) / 2 = 292.41; the yearlings become 88.36 x 0.98 = 86.5928 heifers ready to calve.
    /// - 2029: 242.82 + 86.5928 entering + 200 bought = 529.4128 cows.
    static func slowFarm(extra: String = "", herdExtra: String = "", feed: String = "{lactating: 11, dry: 7}") -> String {
        yaml(places: "[500, 1000]", extra: extra)
            .replacingOccurrences(of: "maxPurchasesPerYear: 100000", with: "maxPurchasesPerYear: 200" + herdExtra)
            .replacingOccurrences(of: "tonnesPerHeadYear: {lactating: 11, dry: 7}", with: "tonnesPerHeadYear: \(feed)")
    }

    static let slowCows: [Double] = [0, 200, 342, 529.4128]

    static func expectClose(_ actual: [Double], _ expected: [Double], _ what: String) {
        #expect(actual.count >= expected.count, "\(what): \(actual)")
        for (t, x) in expected.enumerated() where t < actual.count {
            #expect(abs(actual[t] - x) <= 1e-9 * max(1, abs(x)), "\(what)[\(t)]: \(actual[t]) vs \(x)")
        }
    }

    @Test("With 200 purchases a year the herd fills slowly: 0, 200, 342, 529.4128 cows")
    func slowFill() throws {
        let e = try evaluate(Self.slowFarm())
        Self.expectClose(Self.series(e, "cows"), Self.slowCows, "cows")
    }

    @Test("The band subsidy pays 400 per cow on 1 January, not per place, while the herd fills")
    func bandSubsidyOnSlowHerd() throws {
        let e = try evaluate(Self.slowFarm(extra: "  subsidies: {dairy.per-head-100-3000: {enabled: true, paid: yearly}}"))
        // 400 x [0, 200, 342, 529.4128]; per place it would be 400 x [0, 500, 1000, 1000].
        Self.expectClose(Self.amounts(e, "dairy.per-head-100-3000"), [0, 80_000, 136_800, 211_765.12], "band")
    }

    @Test("TB testing pays 15 per cow in the census on 1 January")
    func tbTestingOnCensus() throws {
        let e = try evaluate(Self.slowFarm())
        // 15 x [0, 200, 342, 529.4128]; on average cows it would be 15 x [0, 171, 292.41, ...].
        Self.expectClose(Self.amounts(e, "dairy.tb-testing"), [0, 3_000, 5_130, 7_941.192], "TB testing")
    }

    @Test("Sexed semen pays 120 per insemination: the sexed share of the year's calvings")
    func sexedSemenPerInsemination() throws {
        let e = try evaluate(Self.slowFarm(herdExtra: "\n    sexedSemen: {share: 0.5}"))
        // Calvings 200 (2027) and 200 + 142 x 0.9125 = 329.575 (2028), half with sexed semen:
        // 120 x 100 = 12000 and 120 x 164.7875 = 19774.5. (The sexed share changes the female calves,
        // and so the herd, only from 2029.)
        Self.expectClose(Self.amounts(e, "dairy.sexed-semen"), [0, 12_000, 19_774.5], "sexed semen")
    }

    @Test("Silage storage pays 50 a tonne on the silage fed, up to 5.5 t per average cow", arguments: [true, false])
    func silageStorage(capBinds: Bool) throws {
        // Average cows 171 (2027) and 292.41 (2028); 76.25% of the year lactating (305 / 400 days).
        // 11 t lactating and 7 t dry feed 10.05 t a cow: above the cap, 50 x 5.5 x [171, 292.41].
        // 4 t for every cow stays under it: 50 x 4 x [171, 292.41].
        let feed = capBinds ? "{lactating: 11, dry: 7}" : "{lactating: 4, dry: 4}"
        let e = try evaluate(Self.slowFarm(feed: feed))
        let expected = capBinds ? [0, 47_025, 80_412.75] : [0, 34_200, 58_482]
        Self.expectClose(Self.amounts(e, "dairy.silage-storage"), expected, "silage")
    }

    @Test("A raw-milk contract floor lifts the milk revenue when the price is below it")
    func contractFloor() throws {
        let floor = try evaluate(Self.yaml(places: "[1000]", milk: "{price: 3000, contractFloor: 3400}"))
        let plain = try evaluate(Self.yaml(places: "[1000]", milk: "{price: 3000}"))
        let tonnes = floor.model.quantity[0, 2]
        #expect(abs(floor.years[2].revenue - plain.years[2].revenue - 400 * tonnes) <= 1e-6)
    }

    @Test("An unknown subsidy id is an error with a suggestion")
    func unknownSubsidy() {
        #expect {
            _ = try scenario(Self.yaml(places: "[1000]", extra: "  subsidies: {dairy.sexed-semn: {enabled: false}}"))
        } throws: { error in
            "\(error)".contains("dairy.subsidies.dairy.sexed-semn: unknown key; did you mean 'dairy.sexed-semen'?")
        }
    }
}
