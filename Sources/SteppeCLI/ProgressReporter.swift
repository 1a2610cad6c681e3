import Foundation

/// A progress bar with an ETA on standard error, shown only on a terminal.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    /// What is counted ("paths", "zone pairs").
    private let unit: String
    private let started = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(total: Int, enabled: Bool, unit: String = "paths") {
        self.total = total
        self.unit = unit
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Called by the runner after each chunk with the paths finished so far.
    var update: @Sendable (Int) -> Void {
        { [self] done in self.draw(done, force: false) }
    }

    private func draw(_ done: Int, force: Bool) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(started)
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "\r[%@] %3.0f%%  %d/%d %@  ETA %.0fs ", bar, fraction * 100, done, total, unit, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
