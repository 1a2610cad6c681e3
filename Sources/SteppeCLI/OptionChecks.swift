import ArgumentParser
import Foundation

/// Checks of the numeric options every command shares, so that no option value reaches an output
/// as NaN or infinity, overflows an integer, or asks for more time or memory than a machine has.
///
/// Why one place: `--hurdle nan` once crashed the JSON writer of run, compare and incentives alike.
enum OptionChecks {
    /// Rates an IRR hurdle may take: -100 % to 1000 % a year.
    static let hurdleRange = -1.0...10.0
    /// DSCR covenants: 0 to 1000.
    static let covenantRange = 0.0...1000.0
    /// Paths of `compare` and `incentives --policy-risk`, which run in one process without shards: 10^9.
    static let largestSingleProcessPaths = 1_000_000_000
    /// Grid points of `sweep --max-points`: 10^6 deterministic evaluations.
    static let largestGridPoints = 1_000_000
    /// Sobol base sample of `sensitivity --sobol --paths`: 10^7.
    static let largestSobolPaths = 10_000_000
    /// Bootstrap resamples of `sensitivity --bootstrap`: 10^5, and at most 10^10 resampled values in all.
    static let largestBootstrap = 100_000
    static let largestBootstrapWork = 10_000_000_000

    /// A finite value in `range`, or a usage error naming the option.
    static func check(_ value: Double?, _ option: String, in range: ClosedRange<Double>) throws {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(option) must be a number from \(String(format: "%g", range.lowerBound)) to \(String(format: "%g", range.upperBound)) (got \(value)).")
        }
    }

    /// A whole number in `range`, or a usage error naming the option (and `advice` when it is too large).
    static func check(_ value: Int?, _ option: String, in range: ClosedRange<Int>, advice: String = "") throws {
        guard let value else { return }
        if value < range.lowerBound { throw ValidationError("\(option) must be at least \(range.lowerBound) (got \(value)).") }
        if value > range.upperBound {
            throw ValidationError("\(option) must be at most \(range.upperBound) (got \(value))\(advice.isEmpty ? "" : "; \(advice)").")
        }
    }

    /// The IRR hurdle and DSCR covenant options.
    static func checkThresholds(hurdle: Double?, covenant: Double?) throws {
        try check(hurdle, "--hurdle", in: hurdleRange)
        try check(covenant, "--covenant", in: covenantRange)
    }

    /// Reads `--seed`: ArgumentParser alone says only "The value '-3' is invalid".
    @Sendable static func seed(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max) (got \(text)).")
        }
        return seed
    }

    /// `--threads`.
    static func checkThreads(_ threads: Int) throws {
        try check(threads, "--threads", in: 1...MonteCarloConfiguration.Limits.threads)
    }

    /// Why a run estimated to need `needed` MB cannot start, or nil: above `--max-memory`, or above
    /// this machine's physical memory (where the allocator, not Steppe, would end the run).
    static func memoryRefusal(needed: Int, maxMemory: Int, what: String, advice: String) -> String? {
        if needed > maxMemory {
            return "\(what) needs about \(needed) MB, more than --max-memory \(maxMemory); \(advice)"
        }
        let physical = Int(min(Double(ProcessInfo.processInfo.physicalMemory) / 1_000_000, 1e15))
        if needed > physical {
            return "\(what) needs about \(needed) MB, more than this machine's \(physical) MB of memory; \(advice)"
        }
        return nil
    }
}
