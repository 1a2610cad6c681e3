/// The bin counts of one worker's quantile sketches, one per metric, in plain buffers: the
/// per-path `add` of `PathRecorder`.
///
/// `QuantileSketch.add` counts into arrays (a uniqueness and a bounds check on each add) and
/// reads the shared bin tables through arrays too. Here the counts and a copy of the tables are
/// raw buffers owned by the worker, and `sketch(_:)` turns a metric's counts into the same
/// `QuantileSketch` that adding each value to one would give (a test checks this).
final class SketchCounters {
    private let metricCount: Int
    private let bins = QuantileSketch.binCount
    /// Per metric: `bins` positive counts, `bins` negative counts, then the zero count.
    private let counts: UnsafeMutableBufferPointer<UInt64>
    private let cellBins: UnsafeMutableBufferPointer<UInt16>
    private let lowest: UnsafeMutableBufferPointer<Double>
    private let firstCell: Int

    init(metricCount: Int) {
        self.metricCount = metricCount
        counts = .allocate(capacity: metricCount * (2 * QuantileSketch.binCount + 1))
        counts.initialize(repeating: 0)
        let map = QuantileSketch.BinMap.shared
        cellBins = .allocate(capacity: map.cellBins.count)
        _ = cellBins.initialize(from: map.cellBins)
        lowest = .allocate(capacity: map.lowest.count)
        _ = lowest.initialize(from: map.lowest)
        firstCell = map.firstCell
    }

    deinit { counts.deallocate(); cellBins.deallocate(); lowest.deallocate() }

    /// `QuantileSketch.add(x)` on metric `k`'s sketch, for a finite `x`.
    @inline(__always)
    func add(_ x: Double, metric k: Int) {
        let row = counts.baseAddress! + k * (2 * bins + 1)
        let m = abs(x)
        if m < QuantileSketch.minimumMagnitude { row[2 * bins] += 1; return }
        row[(x > 0 ? 0 : bins) + bin(m)] += 1   // the sign's offset compiles to a selection, not a branch
    }

    /// `QuantileSketch.BinMap.bin(_:)` on the worker's copy of the tables.
    @inline(__always)
    private func bin(_ magnitude: Double) -> Int {
        let cellBins = cellBins.baseAddress!, lowest = lowest.baseAddress!
        return QuantileSketch.BinMap.bin(magnitude, firstCell: firstCell, cellCount: self.cellBins.count,
                                         cellBin: { cellBins[$0] }, lowest: { lowest[$0] })
    }

    /// Metric `k`'s counts as a sketch.
    func sketch(_ k: Int) -> QuantileSketch {
        let row = UnsafeBufferPointer(counts).baseAddress! + k * (2 * bins + 1)
        return QuantileSketch(positive: Array(UnsafeBufferPointer(start: row, count: bins)),
                              negative: Array(UnsafeBufferPointer(start: row + bins, count: bins)), zero: row[2 * bins])
    }
}
