import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Share of the value resting on incentives")
struct IncentiveShareTests {
    @Test("The share is (all - none) / all when the NPV is clearly positive with and without incentives")
    func meaningfulShare() {
        #expect(IncentiveShare(all: 200, none: 50, materiality: 10) == .share(0.75))
    }

    @Test("No share when the equity NPV with every incentive is negative")
    func negativeWithAll() {
        guard case .notMeaningful(let reason) = IncentiveShare(all: -5, none: -50, materiality: 10) else {
            Issue.record("expected no share"); return
        }
        #expect(reason.contains("not positive"))
    }

    @Test("No share when the equity NPV with every incentive is near zero")
    func nearZeroWithAll() {
        guard case .notMeaningful(let reason) = IncentiveShare(all: 5, none: 1, materiality: 10) else {
            Issue.record("expected no share"); return
        }
        #expect(reason.contains("near zero"))
    }

    @Test("No share above 100%: without incentives the NPV is negative (the dairy farm's 1004%)")
    func negativeWithout() {
        guard case .notMeaningful(let reason) = IncentiveShare(all: 5.86e6, none: -52.97e6, materiality: 1e5) else {
            Issue.record("expected no share"); return
        }
        #expect(reason.contains("negative"))
    }

    @Test("No share when a value is undefined or not finite")
    func undefinedValues() {
        #expect(IncentiveShare(all: nil, none: 1, materiality: 1) != .share(0))
        if case .share = IncentiveShare(all: .infinity, none: 1, materiality: 1) { Issue.record("infinite NPV gave a share") }
    }

    @Test("Materiality is 0.5% of the present value of the investment")
    func materiality() throws {
        let m = try scenario("""
            name: m
            startYear: 2026
            operatingYears: 5
            assetClasses: [{id: plant, lifeYears: 5}]
            capex: [{year: 2026, assetClass: plant, amount: 1000000}, {year: 2027, assetClass: plant, amount: 1080000}]
            products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
            discounting: {projectRate: 0.08, equityRate: 0.08}
            """).compile()
        let pv = 1_000_000 * m.equityDiscountFactors[0] + 1_080_000 * m.equityDiscountFactors[1]
        #expect(abs(IncentiveShare.materiality(of: m) - 0.005 * pv) <= 1e-9 * pv)
    }

    static let dairy = packageRootURL.appendingPathComponent("Scenarios/dairy-3000-head.yaml").path

    @Test("steppe incentives on the 3,000-head dairy farm gives no share, with its reason, in JSON and text")
    func dairyCommand() throws {
        let json = SteppeCommand.run(["incentives", Self.dairy, "--format", "json"])
        #expect(json.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(root["incentiveShare"] is NSNull)
        let reason = try #require((root["undefined"] as? [String: Any])?["incentiveShare"] as? String)
        #expect(reason.contains("the project's whole value, and more, rests on them"))
        // The text the command prints is rendered from this same analysis JSON (`IncentiveReport.text`):
        // rendering the JSON above spares a second 2^n-coalition analysis in the debug test build.
        let model = try ScenarioFile.load(path: Self.dairy).compile()
        let text = IncentiveReport(model: model).text(try JSONValue(parsing: json.standardOutput))
        #expect(!text.contains("1004"))
        #expect(text.contains("no share resting on incentives"))
    }
}
