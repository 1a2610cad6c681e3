import Foundation

/// Counts the work that concurrent workers finish and tells `progress` the running total after
/// each piece, for a progress bar with an ETA (`steppe compare`, `sensitivity --sobol`).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let progress: (@Sendable (Int) -> Void)?

    init(_ progress: (@Sendable (Int) -> Void)?) { self.progress = progress }

    /// Adds `count` finished items and reports the total so far.
    func add(_ count: Int) {
        guard let progress else { return }
        lock.lock()
        done += count
        let total = done
        lock.unlock()
        progress(total)
    }
}
