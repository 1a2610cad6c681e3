import Foundation
import Testing
@testable import Steppe
import SteppeFiles

@Suite("Zone profiles")
struct ZoneProfileTests {
    static let catalogue = try! CatalogueFiles.standard()

    /// A small plant that buys land, power and water through its zone's profile.
    static func yaml(zone: String, land: String = "{zone: land.industrial}", power: String = "{zone: power.industrial-110kv}",
                     policies: String = "[]") -> String {
        """
        name: siting
        zone: \(zone)
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 10000000}]
        products: [{id: widget, unit: t, quantity: 1000, price: 20000}]
        operatingCosts:
          - {id: power, unit: kWh, annualQuantity: 1000000, price: \(power)}
          - {id: water, unit: t, annualQuantity: 10000, price: {zone: water.industrial}}
        land: {mode: purchase, areaMu: 100, pricePerMu: \(land), termYears: 50}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        policies: \(policies)
        """
    }

    @Test("A park inherits its banner's prices and overrides the land price with its own benchmark")
    func parkInheritsAndOverrides() throws {
        let c = Self.catalogue
        let land = try #require(c.value("land.industrial", in: "ejin-horo-mengsu"))
        #expect(land.definedBy.id == "ejin-horo-mengsu")
        #expect(c.resolve(land.value)?.value == 65300)
        let power = try #require(c.value("power.industrial-110kv", in: "ejin-horo-mengsu"))
        #expect(power.definedBy.id == "ejin-horo")
        #expect(c.resolve(power.value)?.value == 0.401)
        // The zero-carbon park sits inside the Mengsu zone and so inherits its benchmark.
        #expect(c.resolve(try #require(c.value("land.industrial", in: "ejin-horo-zero-carbon-park")).value)?.value == 65300)
        #expect(c.chain(of: "ejin-horo-zero-carbon-park").map(\.id)
                == ["ejin-horo-zero-carbon-park", "ejin-horo-mengsu", "ejin-horo", "ordos", "inner-mongolia"])
    }

    @Test("Moving the plant from the Mengsu zone to the airport park raises land capex by 100 mu x 17,400 yuan")
    func landPriceFollowsZone() throws {
        let mengsu = try evaluate(Self.yaml(zone: "ejin-horo-mengsu"))
        let airport = try evaluate(Self.yaml(zone: "ejin-horo-airport-park"))
        let capex = { (e: Evaluation) in e.years.map(\.capex).reduce(0, +) }
        #expect(abs(capex(airport) - capex(mengsu) - 100 * (82700 - 65300)) < 1e-6)
        #expect(mengsu.metrics.all.first { $0.0 == "projectNPV" }.map { "\($0.1)" } != airport.metrics.all.first { $0.0 == "projectNPV" }.map { "\($0.1)" })
    }

    @Test("Zones without a cited price use the labelled region proxy; the banner uses its cited tariff")
    func proxiesAreLabelled() throws {
        let hohhot = try scenario(Self.yaml(zone: "hohhot"))
        let ejinHoro = try scenario(Self.yaml(zone: "ejin-horo"))
        let hohhotPower = try #require(hohhot.traces.first { $0.keyPath == "operatingCosts[0].price" })
        let ejinHoroPower = try #require(ejinHoro.traces.first { $0.keyPath == "operatingCosts[0].price" })
        #expect(hohhotPower.value == 0.401 && ejinHoroPower.value == 0.401)
        guard case .assumption = hohhotPower.source else { Issue.record("Hohhot's tariff must be an assumption"); return }
        guard case .citation(_, "178", _, _) = ejinHoroPower.source else { Issue.record("Ejin Horo's tariff must cite L178"); return }
        // Land differs: Hohhot's assumed floor price against the banner's reference price.
        #expect(hohhot.traces.first { $0.keyPath == "land.pricePerMu" }?.value == 117600)
        #expect(ejinHoro.traces.first { $0.keyPath == "land.pricePerMu" }?.value == 225000)
    }

    @Test("The strategic-industry band is available on the Mengxi grid and not in Hulunbuir")
    func strategicBandAccess() throws {
        let ordos = try evaluate(Self.yaml(zone: "ejin-horo-mengsu", power: "{zone: power.strategic-band}"))
        let tariff = try evaluate(Self.yaml(zone: "ejin-horo-mengsu"))
        // 1 GWh a year at 0.31 instead of 0.401 yuan/kWh.
        let opex = { (e: Evaluation) in e.opexByLine.first { $0.id == "power" }!.amounts.reduce(0, +) }
        #expect(abs(opex(tariff) - opex(ordos) - 10 * 1_000_000 * (0.401 - 0.31)) < 1e-6)
        #expect(throws: ScenarioErrors.self) { try scenario(Self.yaml(zone: "hulunbuir", power: "{zone: power.strategic-band}")) }
        let c = Self.catalogue
        let band = try #require(c.policy("electricity.strategic-industry-band"))
        #expect(c.applies(band, in: "wuhai") && !c.applies(band, in: "manzhouli"))
    }

    @Test("A scenario override replaces the zone value and is reported with the catalogue value")
    func overrideIsVisible() throws {
        let s = try scenario(Self.yaml(zone: "ejin-horo-mengsu", land: "{zone: land.industrial, value: 70000, reason: negotiated}"))
        let trace = try #require(s.traces.first { $0.keyPath == "land.pricePerMu" })
        #expect(trace.value == 70000)
        #expect(trace.override == TracedValue.Override(catalogueValue: 65300, reason: "negotiated"))
        let json = try s.evaluate().json.serialized()
        #expect(json.contains("\"catalogueValue\": 65300"))
        #expect(try s.evaluate().explanation.contains("OVERRIDE of catalogue value 65300: negotiated"))
    }

    @Test("A policy of another city does not apply in the zone, and the error names the zone", arguments: [
        ("hohhot", "hydrogen.ordos-hrs-capex-500", "does not apply in zone 'hohhot' (it applies in: ordos)"),
        ("ejin-horo", "electricity.industrial-110kv", "is a tariff, not an incentive"),
        ("ejin-horo", "tax.western-developement-cit", "unknown policy 'tax.western-developement-cit'; did you mean 'tax.western-development-cit'?"),
    ])
    func policyErrors(zone: String, policy: String, message: String) throws {
        do {
            _ = try scenario(Self.yaml(zone: zone, policies: "[{policy: \(policy), assetClasses: [plant]}]"))
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains(message), "\(String(describing: error))")
            #expect(String(describing: error).contains("test.yaml:13:"), "\(String(describing: error))")
        }
    }

    @Test("An unknown zone is an error with a suggestion")
    func unknownZone() {
        #expect(throws: ScenarioErrors.self) { try scenario(Self.yaml(zone: "ejin-horo-mengsuu")) }
        do { _ = try scenario(Self.yaml(zone: "ejin-horo-mengsuu")) } catch {
            #expect(String(describing: error).contains("test.yaml:2:7: zone: unknown zone 'ejin-horo-mengsuu'; did you mean 'ejin-horo-mengsu'?"))
        }
    }
}
