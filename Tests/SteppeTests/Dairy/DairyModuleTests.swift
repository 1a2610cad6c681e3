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
        for inc in try ScenarioFile.load(path: Self.examplePath).withModuleContributions().incentives {
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
