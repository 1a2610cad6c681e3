import Foundation
import SteppeCLI
import SteppeCPUFeatures
#if canImport(SteppeCLIV3)
import SteppeCLIV3
#endif

/// Runs the copy of the program compiled for the CPU level chosen by `CPULevel.choose` (SteppeCLI/CPULevel.swift):
/// the highest this CPU has, or the one STEPPE_CPU_LEVEL names. Debug builds compile the x86-64-v3 copy
/// unoptimised, so there it runs only when asked.
let arguments = Array(CommandLine.arguments.dropFirst())
#if canImport(SteppeCLIV3)
#if DEBUG
let compiledLevels: [SteppeCLI.CPULevel] = ProcessInfo.processInfo.environment[SteppeCLI.CPULevel.environmentVariable] == nil ? [.baseline] : [.baseline, .x86_64_v3]
#else
let compiledLevels: [SteppeCLI.CPULevel] = [.baseline, .x86_64_v3]
#endif
#else
let compiledLevels: [SteppeCLI.CPULevel] = [.baseline]
#endif

let level: SteppeCLI.CPULevel
switch SteppeCLI.CPULevel.choose(requested: ProcessInfo.processInfo.environment[SteppeCLI.CPULevel.environmentVariable],
                       compiledLevels: compiledLevels,
                       supported: { $0 == .baseline || steppe_cpu_runs_x86_64_v3() == 1 }) {
case .success(let chosen): level = chosen
case .failure(let error):
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}

let output: (standardOutput: String, standardError: String, status: Int32)
switch level {
case .baseline:
    let result = SteppeCLI.SteppeCommand.run(arguments)
    output = (result.standardOutput, result.standardError, result.status)
case .x86_64_v3:
    #if canImport(SteppeCLIV3)
    let result = SteppeCLIV3.SteppeCommand.run(arguments)
    output = (result.standardOutput, result.standardError, result.status)
    #else
    fatalError("unreachable: CPULevel.choose offers only compiled levels")
    #endif
}
FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
FileHandle.standardError.write(Data(output.standardError.utf8))
exit(output.status)
