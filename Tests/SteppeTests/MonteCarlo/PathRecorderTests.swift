import Testing
@testable import Steppe

@Suite("Path recorder")
struct PathRecorderTests {
    /// The state of one metric after recording `values` in the given order (sketched quantiles).
    static func state(recording values: [Double]) -> MetricState {
        let unused = UnsafeMutablePointer<Double>.allocate(capacity: 1)   // exact values are not kept
        defer { unused.deallocate() }
        let recorder = PathRecorder(metricCount: 1, exact: false, thresholds: [0], shift: [0],
                                    values: unused, pathCount: values.count, firstPath: 0)
        for (path, x) in values.enumerated() { recorder.record(x, metric: 0, path: path) }
        recorder.flushChunk()
        return recorder.finish()[0]
    }

    @Test("Extremes do not depend on the order of -0 and +0: both orders give +0")
    func signedZerosTieAlike() {
        for values in [[-0.0, 0.0], [0.0, -0.0], [-0.0], [3.0, -0.0, 5.0]] {
            let forward = Self.state(recording: values), backward = Self.state(recording: values.reversed())
            #expect(forward.minimum.bitPattern == backward.minimum.bitPattern, "\(values)")
            #expect(forward.maximum.bitPattern == backward.maximum.bitPattern, "\(values)")
        }
        #expect(Self.state(recording: [-0.0]).minimum.bitPattern == (0.0).bitPattern)
    }

    @Test("Counts, extremes and the below-threshold count of a few values")
    func countsAndExtremes() {
        let state = Self.state(recording: [2, -1, .nan, 7, -3])
        #expect(state.defined == 4 && state.undefined == 1)
        #expect(state.minimum == -3 && state.maximum == 7)
        #expect(state.below == 2)
        #expect(state.sketch?.count == 4)
    }

    @Test("A finite value beyond PathMetric.largestMagnitude counts as undefined and leaves the sums finite")
    func hugeFiniteValueIsUndefined() {
        let huge = PathMetric.largestMagnitude * 1e170   // 1e200: its square is not a double
        let state = Self.state(recording: [2, huge, -huge, 4])
        #expect(state.defined == 2 && state.undefined == 2)
        #expect(state.minimum == 2 && state.maximum == 4)
        #expect(state.sum.value == 6 && state.sumOfSquares.value == 20)
        #expect(state.sketch?.count == 2)
    }
}
