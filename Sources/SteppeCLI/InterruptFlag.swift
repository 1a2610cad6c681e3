import Foundation

/// Set by Ctrl-C (SIGINT) or by SIGTERM while a run is going, so the runner stops after its
/// current chunks and the partial result is written. SIGTERM is what Slurm, Kubernetes and
/// `kill` send on a timeout or preemption; both signals are handled alike.
final class InterruptFlag: @unchecked Sendable {
    static let signals: [Int32] = [SIGINT, SIGTERM]

    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    init() {
        Self.countLock.lock()
        // The default actions would end the process: dispatch sources see the signals instead.
        if Self.count == 0 { for number in Self.signals { signal(number, SIG_IGN) } }
        Self.count += 1
        Self.countLock.unlock()
        for number in Self.signals {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock(); if self.received == nil { self.received = number }; self.lock.unlock()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        // Flags can overlap (commands run in-process by tests): the default actions come back
        // only when the last one goes.
        Self.countLock.lock()
        Self.count -= 1
        if Self.count == 0 { for number in Self.signals { signal(number, SIG_DFL) } }
        Self.countLock.unlock()
    }

    /// How many flags are alive, guarded by `countLock`.
    nonisolated(unsafe) private static var count = 0
    private static let countLock = NSLock()

    var isSet: @Sendable () -> Bool {
        { [self] in self.lock.lock(); defer { self.lock.unlock() }; return self.received != nil }
    }

    /// 128 + the number of the signal received (130 for SIGINT, 143 for SIGTERM), as shells report it.
    var exitStatus: Int32 {
        lock.lock(); defer { lock.unlock() }
        return 128 + (received ?? SIGINT)
    }
}
