import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Costs per unit of capacity")
struct CapacityCostTests {
    /// Every capacity with a capex and a fixed O&M line; `SIZE` placeholders let a test scale one.
    static func yaml(wind: Double = 100, solar: Double = 80, electrolyser: Double = 50, batteryMW: Double = 20,
                     batteryMWh: Double = 40, costs: String? = nil) -> String {
        let allCosts = costs ?? """
                - {capacity: wind, kind: capex, yuanPerKW: 3500, year: 2026, assetClass: wind}
                - {capacity: solar, kind: capex, yuanPerKW: 3000, year: 2026, assetClass: solar}
                - {capacity: electrolyser, kind: capex, yuanPerKW: 1500, year: 2026, assetClass: electrolysis}
                - {capacity: batteryPower, kind: capex, yuanPerKW: 300, year: 2026, assetClass: battery}
                - {capacity: batteryEnergy, kind: capex, yuanPerKWh: 700, year: 2026, assetClass: battery}
                - {capacity: wind, kind: fixedOM, yuanPerKW: 70, id: wind-om, escalation: 0.02, vatRate: 0.13}
                - {capacity: electrolyser, kind: fixedOM, yuanPerKW: 45, id: electrolysis-om}
                - {capacity: batteryEnergy, kind: fixedOM, yuanPerKWh: 20, id: battery-om}
            """
        return """
            name: h2 sized
            startYear: 2026
            operationStartYear: 2027
            operatingYears: 2
            assetClasses: [{id: wind, lifeYears: 20}, {id: solar, lifeYears: 20}, {id: electrolysis, lifeYears: 15},
                           {id: battery, lifeYears: 12}, {id: stacks, lifeYears: 5}]
            capex: []
            products: []
            discounting: {projectRate: 0.06, equityRate: 0.08}
            hydrogen:
              wind: {capacityMW: \(wind)}
              solar: {capacityMW: \(solar)}
              profile: {synthetic: ejin-horo-mengsu, seed: 3}
              electrolyser: {capacityMW: \(electrolyser), specificConsumption: 52, stackLifeHours: 4000,
                             stackReplacement: {assetClass: stacks, yuanPerKW: 500}}
              battery: {powerMW: \(batteryMW), energyMWh: \(batteryMWh)}
              gridExport: {price: 0.25}
              hydrogenSales: {price: 20}
              capacityCosts:
            \(allCosts)
            """
    }

    /// Capex of `assetClass` after the modules contributed, yuan.
    static func capex(_ yaml: String, _ assetClass: String) throws -> Double {
        try scenario(yaml).withModuleContributions().scenario.capex.filter { $0.assetClass == assetClass }.reduce(0) { $0 + $1.amount }
    }

    static func annualAmount(_ yaml: String, _ id: String) throws -> Double? {
        guard let line = try scenario(yaml).withModuleContributions().scenario.operatingCosts.first(where: { $0.id == id }),
              case .annual(let amounts) = line.driver else { return nil }
        return amounts[operatingYear: 0] * line.price
    }

    @Test("Capex per kW (per kWh of battery energy) is the unit price times the capacity")
    func capexIsPriceTimesCapacity() throws {
        let text = Self.yaml()
        #expect(try Self.capex(text, "wind") == 3500 * 100_000)
        #expect(try Self.capex(text, "solar") == 3000 * 80_000)
        #expect(try Self.capex(text, "electrolysis") == 1500 * 50_000)
        #expect(try Self.capex(text, "battery") == 300 * 20_000 + 700 * 40_000)
    }

    @Test("Doubling a capacity doubles the capex that follows it and leaves the others", arguments: ["wind", "solar", "electrolyser", "battery"])
    func doublingDoublesCapex(capacity: String) throws {
        let base = Self.yaml()
        let doubled: String
        let assetClass: String
        switch capacity {
        case "wind": doubled = Self.yaml(wind: 200); assetClass = "wind"
        case "solar": doubled = Self.yaml(solar: 160); assetClass = "solar"
        case "electrolyser": doubled = Self.yaml(electrolyser: 100); assetClass = "electrolysis"
        default: doubled = Self.yaml(batteryMW: 40, batteryMWh: 80); assetClass = "battery"
        }
        #expect(try Self.capex(doubled, assetClass) == 2 * Self.capex(base, assetClass))
        for other in ["wind", "solar", "electrolysis", "battery"] where other != assetClass {
            #expect(try Self.capex(doubled, other) == Self.capex(base, other))
        }
    }

    @Test("Fixed O&M per kW becomes a yearly cost line with its escalation and VAT, and doubles with the capacity")
    func fixedOM() throws {
        #expect(try Self.annualAmount(Self.yaml(), "wind-om") == 70 * 100_000)
        #expect(try Self.annualAmount(Self.yaml(wind: 200), "wind-om") == 2 * 70 * 100_000)
        #expect(try Self.annualAmount(Self.yaml(batteryMWh: 80), "battery-om") == 20 * 80_000)
        let line = try #require(try scenario(Self.yaml()).withModuleContributions().scenario.operatingCosts.first { $0.id == "wind-om" })
        #expect(line.escalation == 0.02 && line.vatRate == 0.13)
    }

    @Test("A stack replacement priced per kW follows the electrolyser's size")
    func stackReplacementPerKW() throws {
        // Each replacement costs 500 yuan/kW; how many there are depends on the load, so compare per replacement.
        let plantSmall = try #require(try scenario(Self.yaml(electrolyser: 50)).modules.first as? HydrogenModule)
        let plantLarge = try #require(try scenario(Self.yaml(electrolyser: 100)).modules.first as? HydrogenModule)
        #expect(plantSmall.plant.electrolyser.stackReplacementCost == 500 * 50_000)
        #expect(plantLarge.plant.electrolyser.stackReplacementCost == 500 * 100_000)
        #expect(try Self.capex(Self.yaml(electrolyser: 100), "stacks") > 0)
    }

    static let errorCases: [(String, String)] = [
        ("    - {capacity: windd, kind: capex, yuanPerKW: 1, year: 2026, assetClass: wind}",
         "hydrogen.capacityCosts[0].capacity: 'windd' is not one of wind, solar, electrolyser, batteryPower, batteryEnergy; did you mean 'wind'?"),
        ("    - {capacity: batteryEnergy, kind: capex, yuanPerKW: 1, year: 2026, assetClass: battery}",
         "hydrogen.capacityCosts[0].yuanPerKW: batteryEnergy is priced per kWh: write yuanPerKWh"),
        ("    - {capacity: wind, kind: capex, yuanPerKW: -1, year: 2026, assetClass: wind}",
         "hydrogen.capacityCosts[0].yuanPerKW: must be >= 0"),
        ("    - {capacity: wind, kind: capex, yuanPerKW: 1, year: 2026, assetClass: wnd}",
         "hydrogen.capacityCosts[0].assetClass: unknown asset class 'wnd'; did you mean 'wind'?"),
        ("    - {capacity: wind, kind: capex, yuanPerKW: 1, year: 2040, assetClass: wind}",
         "hydrogen.capacityCosts[0].year: must be within the project years 2026-2028 (got 2040)"),
        ("    - {capacity: wind, kind: fixedOM, yuanPerKW: 1, id: water}",
         "hydrogen.capacityCosts[0].id: 'water' is already the id of another cost line"),
        ("    - {capacity: wind, kind: opex, yuanPerKW: 1, id: w}",
         "hydrogen.capacityCosts[0].kind: 'opex' is not one of capex, fixedOM"),
        ("    - {capacity: wind, kind: capex, yuanPerKW: 1, assetClass: wind}",
         "hydrogen.capacityCosts[0].year: missing required key"),
    ]

    @Test("Mistakes in capacityCosts are reported with file, line and key path", arguments: errorCases)
    func errors(costs: String, message: String) {
        let text = Self.yaml(costs: costs).replacingOccurrences(of: "  capacityCosts:\n", with: "  water: {tonnesPerKg: 0.015}\n  capacityCosts:\n")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        let lines = error?.issues.map(\.description) ?? []
        #expect(lines.contains { $0.range(of: #"^test\.yaml:\d+:\d+: "#, options: .regularExpression) != nil && $0.contains(message) }, "\(lines)")
    }

    @Test("A battery cost without a battery is refused")
    func batteryCostWithoutBattery() {
        let text = Self.yaml(costs: "    - {capacity: batteryPower, kind: capex, yuanPerKW: 1, year: 2026, assetClass: battery}")
            .split(separator: "\n").filter { !$0.contains("battery: {powerMW:") }.joined(separator: "\n")
        let error = #expect(throws: ScenarioErrors.self) { try scenario(text) }
        #expect(error?.issues.map(\.description).contains { $0.contains("hydrogen.capacityCosts[0].capacity: the plant has no battery") } == true)
    }
}
