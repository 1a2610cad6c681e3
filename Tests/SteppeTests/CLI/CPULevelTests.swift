import Foundation
import Testing
import SteppeCLI

@Suite("CPU levels: the choice of the copy that runs")
struct CPULevelTests {
    static let everyLevel: [CPULevel] = [.baseline, .x86_64_v3]

    @Test("Unasked, the highest compiled level the CPU has runs")
    func highestSupportedLevelRuns() throws {
        #expect(try CPULevel.choose(requested: nil, compiledLevels: Self.everyLevel, supported: { _ in true }).get() == .x86_64_v3)
        #expect(try CPULevel.choose(requested: "", compiledLevels: Self.everyLevel, supported: { _ in true }).get() == .x86_64_v3)
    }

    @Test("Unasked, a CPU without AVX2 runs the baseline")
    func olderCPURunsBaseline() throws {
        #expect(try CPULevel.choose(requested: nil, compiledLevels: Self.everyLevel, supported: { $0 == .baseline }).get() == .baseline)
    }

    @Test("A build without the second copy runs the baseline")
    func buildWithoutSecondCopyRunsBaseline() throws {
        #expect(try CPULevel.choose(requested: nil, compiledLevels: [.baseline], supported: { _ in true }).get() == .baseline)
    }

    @Test("The baseline runs when asked, whatever the CPU has")
    func baselineCanBeForced() throws {
        #expect(try CPULevel.choose(requested: "baseline", compiledLevels: Self.everyLevel, supported: { _ in true }).get() == .baseline)
    }

    @Test("Asking for a level the CPU lacks is an error, not an illegal instruction")
    func unsupportedLevelIsRefused() {
        let choice = CPULevel.choose(requested: "x86-64-v3", compiledLevels: Self.everyLevel, supported: { $0 == .baseline })
        guard case .failure(let error) = choice else { Issue.record("chose \(choice)"); return }
        #expect(error.description.contains("lacks"))
    }

    @Test("Asking for an unknown or uncompiled level names it")
    func unknownOrUncompiledLevelIsRefused() {
        guard case .failure(let unknown) = CPULevel.choose(requested: "avx9", compiledLevels: Self.everyLevel, supported: { _ in true }),
              case .failure(let uncompiled) = CPULevel.choose(requested: "x86-64-v3", compiledLevels: [.baseline], supported: { _ in true })
        else { Issue.record("accepted"); return }
        #expect(unknown.description.contains("STEPPE_CPU_LEVEL=avx9") && unknown.description.contains("known: baseline, x86-64-v3"))
        #expect(uncompiled.description.contains("no copy"))
    }

    /// Runs the `steppe` executable with STEPPE_CPU_LEVEL set.
    static func launch(level: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try RunCommandTests.launch(arguments, environment: [CPULevel.environmentVariable: level])
    }

    @Test("The executable runs the forced baseline and --timing names it")
    func executableRunsForcedBaseline() throws {
        let run = try Self.launch(level: "baseline", ["run", "--paths", "64", "--quiet", "--timing", "--format", "json"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("CPU level baseline"))
    }

    @Test("The executable refuses an unknown level with status 2 and says why")
    func executableRefusesUnknownLevel() throws {
        let run = try Self.launch(level: "avx9", ["evaluate"])
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("STEPPE_CPU_LEVEL=avx9 is not a CPU level"))
    }

    /// The release binary's levels are compared on every shipped scenario by scripts/cpu-levels-check.sh (CI);
    /// this compares the debug build's copies (the x86-64-v3 copy unoptimised there) on the default scenario.
    @Test("Where the CPU has it, the x86-64-v3 copy gives the baseline's bytes and --timing names it")
    func secondCopyGivesBaselineBytes() throws {
        let probe = try Self.launch(level: "x86-64-v3", ["--version"])
        guard probe.status == 0 else { return }  // no second copy in this build, or a CPU without AVX2
        for arguments in [["evaluate", "--format", "json"], ["run", "--paths", "200", "--quiet", "--format", "json"]] {
            let baseline = try Self.launch(level: "baseline", arguments), v3 = try Self.launch(level: "x86-64-v3", arguments)
            #expect(baseline.status == 0 && v3.status == 0, "\(baseline.error) \(v3.error)")
            #expect(baseline.output == v3.output, "\(arguments)")
        }
        let timing = try Self.launch(level: "x86-64-v3", ["run", "--paths", "64", "--quiet", "--timing", "--format", "json"])
        #expect(timing.error.contains("CPU level x86-64-v3"))
    }
}

@Suite("CPU levels: each module imports its level's copy in one place")
struct CPULevelImportTests {
    /// A file of SteppeFiles or SteppeCLI that imported `Steppe` itself would, in the x86-64-v3 copy, reach the
    /// baseline library and mix the two copies' types; `Imports.swift` is the one place that imports it.
    @Test("No source file of SteppeFiles or SteppeCLI imports Steppe or SteppeFiles but Imports.swift")
    func onlyImportsFileImportsTheLibrary() throws {
        var offenders: [String] = []
        for module in ["SteppeFiles", "SteppeCLI"] {
            let folder = packageRootURL.appendingPathComponent("Sources/\(module)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") && name != "Imports.swift" {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if words.contains("import"), let last = words.last, ["Steppe", "SteppeFiles", "SteppeV3", "SteppeFilesV3"].contains(String(last)) {
                        offenders.append("\(module)/\(name): \(line)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
