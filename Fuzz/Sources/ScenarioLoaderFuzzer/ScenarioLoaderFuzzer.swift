import Foundation
import Steppe
import SteppeFiles

/// libFuzzer entry point: any bytes must give clean scenario errors or a finite evaluation,
/// never a crash, a hang or a non-finite metric.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(bytes: bytes, encoding: .utf8) else { return 0 }
    do {
        let scenario = try ScenarioFile.parse(text, file: "fuzz.yaml")
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

@_cdecl("ScenarioLoaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzScenario(data, size) }
}
