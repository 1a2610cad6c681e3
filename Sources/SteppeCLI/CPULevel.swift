/// The CPU levels `steppe` is compiled for, and the choice of the one that runs.
///
/// Whole-program copies: the library, the file reader and this module are compiled once at the build's
/// default target (the baseline: SSE2 on x86-64) and, on x86-64, once more for AVX2 and FMA
/// (`x86-64-v3`; Sources/CPULevels/README.md). The engine's eight-lane values then take two 256-bit
/// registers instead of four 128-bit ones. `steppe` picks the highest level the CPU has, so the README's
/// plain `swift build -c release` runs at the machine's vector width and never executes an instruction its
/// CPU lacks. Results are bit-identical at every level (`scripts/cpu-levels-check.sh`): the engine's
/// arithmetic is the same IEEE operations in the same order at both widths, and Swift fuses no multiply
/// and add into an FMA unless the code asks for one.
public enum CPULevel: String, CaseIterable, Sendable {
    /// The build's default target: SSE2 on x86-64 (any x86-64 CPU), NEON on arm64.
    case baseline
    /// AVX, AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE and SSE4.2 (LLVM's `haswell`, the features of the
    /// x86-64-v3 level): Intel Core since Haswell (2013), AMD since Excavator (2015) and every Zen. Some later
    /// low-end CPUs (Intel's Pentium, Celeron and Atom lines, long without AVX) lack it and run the baseline.
    case x86_64_v3 = "x86-64-v3"

    /// The environment variable that forces a level (`baseline` or `x86-64-v3`), for checks and benchmarks.
    public static let environmentVariable = "STEPPE_CPU_LEVEL"

    /// The level this copy of the code was compiled for.
    public static var compiled: CPULevel {
        #if STEPPE_CPU_LEVEL_X86_64_V3
        return .x86_64_v3
        #else
        return .baseline
        #endif
    }

    /// What `--timing` prints.
    public var summary: String {
        switch self {
        case .baseline: "CPU level baseline (the build's default target)"
        case .x86_64_v3: "CPU level x86-64-v3 (AVX2, FMA)"
        }
    }

    /// Why a level cannot run.
    public struct ChoiceError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The level to run: the one `requested` names (the environment variable's value), else the highest of
    /// `compiledLevels` that `supported` accepts (the CPU has its features). A requested level that was not
    /// compiled, or that the CPU lacks, is an error, never a crash on an unknown instruction.
    public static func choose(requested: String?, compiledLevels: [CPULevel],
                              supported: (CPULevel) -> Bool) -> Result<CPULevel, ChoiceError> {
        guard let requested, !requested.isEmpty else {
            return .success(compiledLevels.last(where: supported) ?? .baseline)
        }
        guard let level = CPULevel(rawValue: requested) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ChoiceError(description: "\(environmentVariable)=\(requested) is not a CPU level (known: \(known))"))
        }
        guard compiledLevels.contains(level) else {
            let built = compiledLevels.map(\.rawValue).joined(separator: ", ")
            return .failure(ChoiceError(description: "\(environmentVariable)=\(requested): this build has no copy for it (built: \(built))"))
        }
        guard supported(level) else {
            return .failure(ChoiceError(description: "\(environmentVariable)=\(requested): this CPU lacks the level's instructions"))
        }
        return .success(level)
    }
}
