import Foundation
import Steppe
import SteppeFiles

/// The shipped catalogue, read once: every input extends it, as a `--catalogue` folder does.
nonisolated(unsafe) let standardCatalogue = try! CatalogueFiles.standard()

/// A small scenario that uses the catalogue (zone, a policy, a value reference), so that
/// entries the input replaces reach the engine.
let scenarioText = """
    name: fuzz
    zone: ejin-horo-mengsu
    startYear: 2026
    operatingYears: 10
    assetClasses: [{id: plant, lifeYears: 10}]
    capex: [{year: 2026, assetClass: plant, amount: 1000000}]
    products: [{id: power, unit: kWh, quantity: 1000000, price: 0.3}]
    operatingCosts: [{id: grid, unit: kWh, annualQuantity: 1000, price: {policy: electricity.industrial-110kv}}]
    policies: [tax.western-development-cit]
    discounting: {projectRate: 0.08, equityRate: 0.1}
    """

/// libFuzzer entry point: any bytes, read as a catalogue file of a `--catalogue` folder, must
/// give clean errors or a catalogue under which the scenario reads and evaluates to finite metrics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogue(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(bytes: bytes, encoding: .utf8) else { return 0 }
    do {
        let catalogue = try standardCatalogue.extended(by: [(file: "fuzz.yaml", text: text)])
        for entry in catalogue.policies { _ = entry.json.serialized() }
        for zone in catalogue.zones { _ = catalogue.json(zone: zone.id)?.serialized() }
        let scenario = try ScenarioFile.parse(scenarioText, file: "scenario.yaml", catalogue: catalogue)
        let evaluation = try scenario.evaluate()
        for (_, value) in evaluation.metrics.all {
            if let x = value.number, !x.isFinite { fatalError("non-finite metric") }
        }
        _ = evaluation.json.serialized()
    } catch {
        if error.issues.isEmpty { fatalError("an error without issues") }
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("CatalogueLoaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzCatalogue(data, size) }
}
