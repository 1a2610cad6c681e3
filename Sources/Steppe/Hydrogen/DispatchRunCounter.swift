import Foundation

/// Counts the hydrogen module's dispatch runs (every operating year of a scenario dispatched
/// once) in the current task, so that a test can check that an evaluation dispatches once.
/// A task-local value: tests running in parallel each count their own.
public final class DispatchRunCounter: @unchecked Sendable {
    @TaskLocal public static var current: DispatchRunCounter?

    private let lock = NSLock()
    private var runs = 0

    public init() {}

    /// The dispatch runs counted so far.
    public var count: Int { lock.withLock { runs } }

    func recordRun() { lock.withLock { runs += 1 } }
}
