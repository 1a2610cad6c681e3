/// Whether a pass of the year loop keeps every yearly line (`LaneRecord`) or only the metrics.
///
/// A type rather than a flag, so that the Monte Carlo loop is compiled without the recording code:
/// the year loop is specialised once per conformance, and in `KeepsMetrics` every recording branch is
/// constant-folded away.
protocol LaneRecording {
    static var keepsLines: Bool { get }
}

/// Every yearly line is written into the workspace's record (deterministic evaluations, report paths).
enum KeepsLines: LaneRecording {
    static var keepsLines: Bool { true }
}

/// Only the metrics and the rows the metrics need (Monte Carlo paths).
enum KeepsMetrics: LaneRecording {
    static var keepsLines: Bool { false }
}
