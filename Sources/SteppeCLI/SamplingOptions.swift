import ArgumentParser

/// `--paths`, `--seed` and `--sampler`: which Monte Carlo draws a command makes (`run`, `optimise --statistic`).
///
/// Why one group: `optimise` runs a study at every design point and must take its draws exactly as
/// `run` does, with the same names, limits and messages. Why optional storage: a command can tell
/// whether the user asked for draws (`optimise` refuses them without `--statistic`) while the
/// defaults stay those of `run`.
struct SamplingOptions: ParsableArguments {
    /// Paths when `--paths` is not given.
    static let defaultPaths = 10_000

    // `.unconditional` takes a value that starts with '-' too, so `--paths -5` says what is wrong
    // with -5 instead of "Missing value for '--paths'".
    @Option(name: .customLong("paths"), parsing: .unconditional, help: "Number of Monte Carlo paths (default: 10000).")
    var requestedPaths: Int?

    @Option(name: .customLong("seed"), parsing: .unconditional, help: "Seed for repeatable draws (0 to 2^64-1; default: 1).",
            transform: OptionChecks.seed)
    var requestedSeed: UInt64?

    @Option(name: .customLong("sampler"), help: "Sampler: lhs is Latin hypercube, sobol scrambled Sobol (default: random).")
    var requestedSampler: SamplingMethod?

    var paths: Int { requestedPaths ?? Self.defaultPaths }
    var seed: UInt64 { requestedSeed ?? 1 }
    var sampler: SamplingMethod { requestedSampler ?? .random }

    /// Whether any of the three was given.
    var isGiven: Bool { requestedPaths != nil || requestedSeed != nil || requestedSampler != nil }

    func validate() throws {
        try OptionChecks.check(paths, "--paths", in: 1...MonteCarloConfiguration.Limits.paths,
                               advice: "split larger studies into runs of other seeds")
    }
}
