import ArgumentParser
import Foundation

/// `--threads` of the commands that run Monte Carlo paths (`run`, `compare`, `incentives --policy-risk`,
/// `sensitivity --sobol`).
///
/// Why optional: an option with a default value gets "(default: 2)" appended to its help, the core count
/// of the machine that printed it, after a help text that says "the number of cores".
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), parsing: .unconditional, help: "Worker threads (default: the number of cores).")
    var requested: Int?

    /// The thread count to use.
    var count: Int { requested ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        try OptionChecks.checkThreads(count)
    }
}
