import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

/// An incentive parameter gets the same checks whether it is written in the scenario, comes
/// from a catalogue entry (shipped or a `--catalogue` folder) or from a `policies[].set` override.
@Suite("Incentive parameter ranges")
struct IncentiveParameterRangeTests {
    /// A scenario in the Mengsu park that receives the western-development CIT rate (a taxRate entry) through `policies`.
    static func scenarioText(policies: String) -> String {
        """
        name: ranges
        zone: ejin-horo-mengsu
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: power, unit: kWh, quantity: 1000000, price: 0.3}]
        policies: \(policies)
        discounting: {projectRate: 0.08, equityRate: 0.1}
        """
    }

    /// A user catalogue file replacing the western-development CIT rate with `rate`.
    static func catalogueFile(rate: String) -> String {
        """
        domain: tax
        policies:
          - id: tax.western-development-cit
            title: {zh: 西部大开发, en: "Western development CIT rate"}
            level: national
            kind: taxRate
            parameters:
              rate: {value: \(rate), unit: share}
            appliesIn: [national]
            assumption: "edited"
        """
    }

    @Test("a negative tax rate in a --catalogue folder is refused like one written in a scenario")
    func catalogueOverride() throws {
        let folder = (try temporaryFile(named: "tax.yaml", Self.catalogueFile(rate: "-5")) as NSString).deletingLastPathComponent
        let scenario = try temporaryFile(named: "scenario.yaml", Self.scenarioText(policies: "[tax.western-development-cit]"))
        let result = SteppeCommand.run(["validate", scenario, "--catalogue", folder])
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder)/tax.yaml:8:21: policies[0].parameters.rate.value: must be >= 0 (got -5)\n")
    }

    @Test("the catalogue's message for a value out of range is the scenario's message for the same value")
    func sameCheckBothRoutes() throws {
        var fromCatalogue = ""
        do { _ = try CatalogueFiles.standard().extended(by: [("tax.yaml", Self.catalogueFile(rate: "1.5"))]) }
        catch { fromCatalogue = error.issues.first?.message ?? "" }
        var written = ""
        do {
            _ = try scenario(ScenarioErrorTests.valid + """

                incentives:
                  - {id: cit, kind: taxRate, rate: 1.5, assumption: "x"}
                """)
        } catch let error as ScenarioErrors { written = error.issues.first?.message ?? "" }
        #expect(!fromCatalogue.isEmpty)
        #expect(fromCatalogue == written)
    }

    @Test("a policies[].set override is checked like a written value")
    func setOverride() throws {
        do {
            _ = try scenario(Self.scenarioText(policies: "[{policy: tax.western-development-cit, set: {rate: -5}}]"))
            Issue.record("accepted")
        } catch let error as ScenarioErrors {
            #expect(error.issues.map(\.description) == ["test.yaml:8:62: policies[0].set.rate: must be >= 0 (got -5)"])
        }
    }

    @Test("times may not take a parameter out of its range")
    func timesOutOfRange() throws {
        do {
            _ = try scenario(Self.scenarioText(policies: "[{policy: tax.western-development-cit, times: 10}]"))
            Issue.record("accepted")
        } catch let error as ScenarioErrors {
            #expect(error.issues.map(\.description) == ["test.yaml:8:57: policies[0].times: rate × times must be <= 1 (got 1.5)"])
        }
    }
}
