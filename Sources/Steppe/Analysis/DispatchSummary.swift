/// What a sizing decision trades off besides money, over a hydrogen plant's life: how much of
/// its generation goes to the grid against the 20% cap (002_4322e846ed20b2fa.txt L4172-4173)
/// and how much wind and solar output is thrown away. Read from an evaluation's module series,
/// so it describes exactly the dispatch the metrics came from.
public struct DispatchSummary: Sendable, Equatable {
    /// Lifetime export over lifetime generation (after curtailment), the cap's own ratio.
    public var exportShare: Double
    /// The largest calendar year's export share: the cap is checked year by year.
    public var largestYearlyExportShare: Double
    /// Lifetime curtailment over lifetime available wind and solar energy (before curtailment).
    public var curtailmentShare: Double
    /// Lifetime curtailed energy, MWh.
    public var curtailmentMWh: Double

    public init(exportShare: Double, largestYearlyExportShare: Double, curtailmentShare: Double, curtailmentMWh: Double) {
        self.exportShare = exportShare; self.largestYearlyExportShare = largestYearlyExportShare
        self.curtailmentShare = curtailmentShare; self.curtailmentMWh = curtailmentMWh
    }

    /// The summary of the `hydrogen` section's dispatch; nil when the scenario has none.
    /// A plant that generates nothing has shares 0 (nothing exported, nothing curtailed).
    public init?(_ evaluation: Evaluation) {
        func series(_ name: String) -> [Double]? {
            evaluation.moduleSeries.first { $0.module == HydrogenModule.sectionKey && $0.name == name }?.values
        }
        guard let generation = series("generationMWh"), let export = series("exportMWh"),
              let curtailment = series("curtailmentMWh"), let shares = series("exportShare") else { return nil }
        let generated = generation.reduce(0, +), exported = export.reduce(0, +), curtailed = curtailment.reduce(0, +)
        self.init(exportShare: generated > 0 ? exported / generated : 0,
                  largestYearlyExportShare: shares.max() ?? 0,
                  curtailmentShare: generated + curtailed > 0 ? curtailed / (generated + curtailed) : 0,
                  curtailmentMWh: curtailed)
    }

    /// The names of `all`, in its order.
    public static let names = ["exportShare", "largestYearlyExportShare", "curtailmentShare", "curtailmentMWh"]

    /// Names and values, in the order outputs list them.
    public var all: [(name: String, value: Double)] {
        Array(zip(Self.names, [exportShare, largestYearlyExportShare, curtailmentShare, curtailmentMWh]))
    }
}
