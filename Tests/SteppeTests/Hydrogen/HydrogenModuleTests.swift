import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Hydrogen scenario section")
struct HydrogenModuleTests {
    static let examplePath = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-hourly.yaml").path

    /// A small scenario around a `hydrogen:` section; `extra` goes inside the section.
    static func yaml(electrolyserMW: Double = 50, extra: String = "", profile: String = "{synthetic: ejin-horo-mengsu, seed: 3}") -> String {
        """
        name: h2
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 4
        assetClasses: [{id: plant, lifeYears: 20}, {id: stacks, lifeYears: 5}]
        capex: [{year: 2026, assetClass: plant, amount: 500.0e6}]
        products: []
        discounting: {projectRate: 0.06, equityRate: 0.08}
        hydrogen:
          wind: {capacityMW: 100}
          solar: {capacityMW: 100}
          profile: \(profile)
          electrolyser: {capacityMW: \(electrolyserMW), minimumLoad: 0.2, specificConsumption: 52,
                         stackLifeHours: 12000, stackReplacement: {assetClass: stacks, cost: 20.0e6}}
          gridExport: {price: 0.25, timeOfUse: [1, 1, 1, 1, 1, 1, 1, 1, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 1, 1.8, 1.8, 1.8, 1.8, 1, 1, 1]}
          hydrogenSales: {price: 20}
          water: {tonnesPerKg: 0.015}
        \(extra)
        """
    }

    static func series(_ e: Evaluation, _ name: String) -> [Double] {
        e.moduleSeries.first { $0.module == "hydrogen" && $0.name == name }!.values
    }

    @Test("The example hydrogen scenario evaluates, with hydrogen as the first product and a compliant export every year")
    func exampleEvaluates() throws {
        let e = try ScenarioFile.load(path: Self.examplePath).evaluate()
        #expect(e.model.productIDs.first == "hydrogen")
        #expect(e.years.filter { $0.revenue > 0 }.count == 20)
        let share = Self.series(e, "exportShare"), compliant = Self.series(e, "exportCompliant")
        #expect(share.count == e.years.count && share.allSatisfy { $0 <= 0.2 + 1e-12 })
        #expect(compliant.allSatisfy { $0 == 1 })
        for name in ["generationMWh", "selfConsumptionMWh", "exportMWh", "curtailmentMWh", "hydrogenProducedKg", "gridImportMWh"] {
            #expect(Self.series(e, name).count == e.years.count, "\(name) has one value per year")
        }
        // Stack replacements become capex in their years, at 30 million each.
        let stacks = Self.series(e, "stackReplacements")
        #expect(stacks.reduce(0, +) >= 1)
        for (t, n) in stacks.enumerated() where n > 0 { #expect(e.years[t].capex == n * 30.0e6) }
        if case .object(let members) = e.json, let modules = members.first(where: { $0.0 == "modules" }) {
            if case .object(let sections) = modules.1 { #expect(sections.map(\.0) == ["hydrogen"]) }
        } else {
            Issue.record("the JSON report has no modules member")
        }
    }

    @Test("Curtailment and export share are reported per year, and the cap binds when the electrolyser is small")
    func capBindsPerYear() throws {
        let e = try evaluate(Self.yaml(electrolyserMW: 30))
        let share = Self.series(e, "exportShare"), curtailed = Self.series(e, "curtailmentMWh")
        let generation = Self.series(e, "generationMWh"), exported = Self.series(e, "exportMWh")
        #expect(share[0] == 0 && generation[0] == 0)            // construction year
        for t in 1..<e.years.count {
            #expect(abs(share[t] - 0.2) <= 1e-12, "year \(t): the cap binds, so the share is exactly 20%")
            #expect(curtailed[t] > 0)
            #expect(abs(exported[t] - 0.2 * generation[t]) <= 1e-6)
        }
        // Export in the pro forma is the exported kWh at each year's own capture price.
        let exportRow = e.model.productIDs.firstIndex(of: "grid-export")!
        let kWh = (1..<e.years.count).map { e.model.quantity[exportRow, $0] }
        #expect(zip(kWh, exported.dropFirst()).allSatisfy { abs($0 - $1 * 1000) <= 1e-3 })
        let capture = Self.series(e, "exportCapturePrice")
        #expect(Set(capture.dropFirst()).count > 1, "the example's capture price differs between years")
        for t in 1..<e.years.count {
            let revenue = e.model.quantity[exportRow, t] * e.model.price[exportRow, t]
            #expect(abs(revenue - exported[t] * 1000 * capture[t]) <= 1e-9 * revenue, "year \(t)")
        }
    }

    @Test("Without the self-use exemption, opex rises by the fees on self-consumed power")
    func selfUseFeeExemption() throws {
        let fees = "  selfUseFees: {systemBackupFee: 0.02, crossSubsidy: 0.01, exempt: EXEMPT}"
        let with = try evaluate(Self.yaml(extra: fees.replacingOccurrences(of: "EXEMPT", with: "true")))
        let without = try evaluate(Self.yaml(extra: fees.replacingOccurrences(of: "EXEMPT", with: "false")))
        let selfKWh = Self.series(with, "selfConsumptionMWh").map { $0 * 1000 }
        let saving = with.incentivesByItem.first { $0.id == "self-use-fee-exemption" }!.amounts
        for t in 1..<with.years.count {
            #expect(abs(saving[t] - 0.03 * selfKWh[t]) <= 1e-6 * selfKWh[t])
            #expect(abs((without.years[t].opex - without.years[t].incentives)
                        - (with.years[t].opex - with.years[t].incentives) - 0.03 * selfKWh[t]) <= 1e-3)
        }
        let inc = with.model.incentives.first { $0.id == "self-use-fee-exemption" }!
        #expect(inc.provenance == .seed(document: "002_4322e846ed20b2fa.txt", lines: "4175-4177"))
    }

    @Test("Water is priced per tonne of the hydrogen produced")
    func water() throws {
        let e = try evaluate(Self.yaml())
        let water = e.opexByLine.first { $0.id == "water" }!.amounts
        let kg = Self.series(e, "hydrogenProducedKg")
        for t in 1..<e.years.count { #expect(abs(water[t] - kg[t] * 0.015 * 10.4) <= 1e-6 * water[t]) }
    }

    @Test("A representative CSV year is dispatched in every year")
    func csvProfile() throws {
        let p = SyntheticResourceModel.ejinHoroMengsu.profile(year: 2030, seed: 1)
        var text = "hour,wind,solar\n"
        for h in 0..<ResourceProfile.hoursPerYear { text += "\(h),\(p.wind[h]),\(p.solar[h])\n" }
        let path = try temporaryFile(named: "profile.csv", text)
        let e = try evaluate(Self.yaml(profile: "{csv: \(path)}"))
        let generation = Self.series(e, "generationMWh"), curtailed = Self.series(e, "curtailmentMWh")
        let available = zip(generation, curtailed).map(+)
        #expect(abs(available[1] - (100 * p.windFullLoadHours + 100 * p.solarFullLoadHours)) <= 1e-6)
        #expect(abs(available[4] - available[1]) <= 1e-6)   // no degradation: the same year every year
    }

    static let errorCases: [(String, String)] = [
        (yaml(profile: "{synthetic: ejin-horo-mengs}"),
         "test.yaml:12:24: hydrogen.profile.synthetic: no shipped parameters for zone 'ejin-horo-mengs' (shipped: alxa, ejin-horo-mengsu, xilin-gol); did you mean 'ejin-horo-mengsu'?; or give latitude, longitude, windFullLoadHours and solarFullLoadHours"),
        (yaml(extra: "  gridImport: {rule: keepMinLoad}"),
         "test.yaml:18:15: hydrogen.gridImport.rule: 'keepMinLoad' is not one of none, keepMinimumLoad, belowPrice"),
        (yaml(extra: "  gridImport: {rule: none, basis: strategicEmergingIndustry, price: 0.35}"),
         "test.yaml:18:15: hydrogen.gridImport.price: must be within the Mengxi strategic-emerging-industry band 0.29-0.33 yuan/kWh (002_4322e846ed20b2fa.txt L180-182) (got 0.35)"),
        (yaml(extra: "  gridImport: {rule: none, basis: market, industry: monoPolySilicon, renewableShare: 0.5, renewablePrice: 0.2, otherPrice: 0.3}"),
         "test.yaml:18:15: hydrogen.gridImport.renewableShare: must be <= 0.42, the cap for mono- and poly-silicon users (002_4322e846ed20b2fa.txt L394-396) (got 0.5)"),
        (yaml(extra: "  batery: {powerMW: 10, energyMWh: 20}"),
         "test.yaml:18:3: hydrogen.batery: unknown key; did you mean 'battery'?"),
        (yaml(profile: "{csv: /nonexistent/profile.csv}"),
         "test.yaml:12:12: hydrogen.profile.csv: /nonexistent/profile.csv: cannot read the file"),
    ]

    @Test("Problems in the hydrogen section name the line and key path", arguments: errorCases)
    func errors(yaml: String, message: String) {
        let error = #expect(throws: ScenarioErrors.self) { try scenario(yaml) }
        #expect(error?.description == message)
    }

    @Test("The stack replacement must name a known asset class")
    func unknownStackClass() {
        let text = Self.yaml().replacingOccurrences(of: "{assetClass: stacks,", with: "{assetClass: stack,")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.description == "test.yaml:14:72: hydrogen.electrolyser.stackReplacement.assetClass: unknown asset class 'stack'; did you mean 'stacks'?")
    }

    @Test("A hydrogen product in products conflicts with the section")
    func duplicateProduct() {
        let text = Self.yaml().replacingOccurrences(of: "products: []", with: "products: [{id: hydrogen, unit: kg, quantity: 1, price: 1}]")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.description.contains("products: the hydrogen section supplies the product 'hydrogen'") == true)
    }

    /// The small scenario with the hydrogen section's prices replaced (`extra` lines still appended).
    static func yaml(exportPrice: String, hydrogenPrice: String) -> String {
        yaml().replacingOccurrences(of: "gridExport: {price: 0.25,", with: "gridExport: {price: \(exportPrice),")
            .replacingOccurrences(of: "hydrogenSales: {price: 20}", with: "hydrogenSales: {price: \(hydrogenPrice)}")
    }

    /// The pro forma of the path whose uniforms are all `u`.
    static func path(_ yaml: String, u: Double) throws -> (model: CompiledModel, workspace: Workspace) {
        let s = try scenario(yaml)
        let model = try s.compile()
        let engine = LaneModel(model: model, drawer: try StochasticModel(scenario: s, model: model))
        let ws = LaneWorkspace(engine, recording: true)
        var uniforms = [Lanes](repeating: Lanes(repeating: u), count: max(engine.drawer.dimension, 1))
        var out = [Lanes](repeating: .zero, count: PathMetric.allCases.count)
        uniforms.withUnsafeMutableBufferPointer { u in
            out.withUnsafeMutableBufferPointer { engine.evaluate(u.baseAddress!, ws, only: [], into: $0.baseAddress!) }
        }
        return (model, ws.yearly(lane: 0, model: model))
    }

    @Test("A drawn export or hydrogen price gives the pro forma of a direct evaluation at that price")
    func drawnPricesEqualDirectEvaluation() throws {
        // Symmetric triangular distributions: the median draw (u = 0.5) is their mode, up to rounding.
        let exportLaw = "{distribution: triangular, min: 0.28, mode: 0.30, max: 0.32, base: 0.25}"
        let hydrogenLaw = "{distribution: triangular, min: 17, mode: 18, max: 19, base: 20}"
        let drawn = try Self.path(Self.yaml(exportPrice: exportLaw, hydrogenPrice: hydrogenLaw), u: 0.5)
        let exportDraw = Distribution.triangular(min: 0.28, mode: 0.30, max: 0.32).quantile(0.5)
        let hydrogenDraw = Distribution.triangular(min: 17, mode: 18, max: 19).quantile(0.5)
        let direct = try evaluate(Self.yaml(exportPrice: "\(exportDraw)", hydrogenPrice: "\(hydrogenDraw)"))
        let exportRow = try #require(direct.model.productIDs.firstIndex(of: "grid-export"))
        #expect(drawn.model.productIDs == direct.model.productIDs)
        for t in 0..<direct.years.count {
            for p in [0, exportRow] {
                let a = drawn.workspace.revenueByProduct[p, t], b = direct.model.quantity[p, t] * direct.model.price[p, t]
                #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(direct.model.productIDs[p]) year \(t): \(a) vs \(b)")
            }
            #expect(abs(drawn.workspace.equityCashFlow[t] - direct.years[t].equityCashFlow) <= 1e-6 * max(1, abs(direct.years[t].equityCashFlow)))
        }
        #expect(drawn.workspace.revenue.reduce(0, +) > 0)
    }

    @Test("An export price distribution that can draw zero or less is refused when the scenario is read, naming the key and line")
    func exportPriceMustStayPositive() throws {
        #expect {
            _ = try scenario(Self.yaml(exportPrice: "{distribution: normal, mean: 0.25, sd: 0.05}", hydrogenPrice: "20"))
        } throws: { error in
            "\(error)".contains("test.yaml:15:23: hydrogen.gridExport.price: the base value and every draw must be positive")
        }
        let truncated = try scenario(Self.yaml(exportPrice: "{distribution: normal, mean: 0.25, sd: 0.05, truncate: [0.01, 1]}", hydrogenPrice: "20"))
        _ = try StochasticModel(scenario: truncated, model: try truncated.compile())
    }
}

@Suite("Hydrogen export cap from the scenario")
struct HydrogenExportCapTests {
    /// The example plant with a small electrolyser, so that the cap binds, and `capShare` given.
    static func evaluation(capShare: Double) throws -> Evaluation {
        let yaml = HydrogenModuleTests.yaml(electrolyserMW: 10).replacingOccurrences(
            of: "gridExport: {price: 0.25,", with: "gridExport: {capShare: \(capShare), price: 0.25,")
        return try ScenarioFile.parse(yaml, file: "cap.yaml").evaluate()
    }

    @Test("capShare 0.3 in YAML reaches the dispatch: the binding years export 30% of generation")
    func capShareReachesTheDispatch() throws {
        let share = HydrogenModuleTests.series(try Self.evaluation(capShare: 0.3), "exportShare")
        #expect(share.allSatisfy { $0 <= 0.3 + 1e-12 })
        #expect(share.contains { abs($0 - 0.3) < 1e-9 }, "\(share)")
    }

    @Test("capShare 0.3 in YAML is the report's cap line and is named in its captions and table")
    func capShareReachesTheReport() throws {
        let document = try ReportDocument(json: try Self.evaluation(capShare: 0.3).json)
        let section = try #require(document.sections.first { $0.id == "hydrogen" })
        var references: [Double] = [], captions: [String] = [], columns: [String] = []
        for block in section.blocks {
            switch block {
            case .chart(let chart):
                captions.append(chart.caption + " " + chart.title)
                if case .lines(_, _, _, let refs, _) = chart.kind { references += refs.map(\.value) }
            case .table(let table): columns += table.columns
            default: break
            }
        }
        #expect(references == [30])
        // The regional 20% may be named as the rule, never as the cap the chart draws.
        #expect(captions.allSatisfy { !$0.contains("capped at 20%") && !$0.contains("the 20% limit") && !$0.contains("against the 20%") },
                "\(captions)")
        #expect(captions.filter { $0.contains("30%") }.count == 2, "\(captions)")
        #expect(columns.contains("within 30% limit"))
    }
}
