/// Whether a pass of the year loop has working capital (`ProjectConventions.workingCapital`).
///
/// A type rather than a flag, like `LaneRecording`: the loop is specialised once per conformance, and
/// without working capital its lines are compiled out. As a run-time flag they stayed in the loop and kept
/// lane vectors live across it: the reference model's year loop executed 9% more instructions (callgrind)
/// and its path loop took 4% longer at the baseline CPU level (Benchmarks/README.md, thirteenth session).
protocol LaneWorkingCapitalPresence {
    static var isPresent: Bool { get }
}

/// The conventions have working capital (the feasibility-study presets).
enum WithWorkingCapital: LaneWorkingCapitalPresence {
    static var isPresent: Bool { true }
}

/// No working capital (Steppe's default conventions).
enum WithoutWorkingCapital: LaneWorkingCapitalPresence {
    static var isPresent: Bool { false }
}
