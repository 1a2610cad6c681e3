/// `paybackYears` (undiscounted) in lanes, fed one year's flows at a time: the first crossing of the
/// cumulative flow to a non-negative value after a negative one, interpolated within the crossing
/// year, with the scalar function's operations. Counted from the start of construction
/// (`ProjectConventions.PaybackStart.constructionStart`), one year more, and the last crossing: a
/// lane whose cumulative flow turns negative again is open again.
///
/// The year loop runs one for the project flow (`paybackYears`) and one for the equity flow
/// (`equityPaybackYears`), each only when its metric is selected.
struct LanePayback {
    private var cumulative = Lanes.zero
    private var years = Lanes.zero
    private var everNegative = SIMDMask<Lanes.MaskStorage>(repeating: false)
    private var recovered = SIMDMask<Lanes.MaskStorage>(repeating: false)
    private let fromConstructionStart: Bool

    init(from start: ProjectConventions.PaybackStart = .valuationDate) {
        fromConstructionStart = start == .constructionStart
    }

    /// Adds year `t`'s flow; does nothing once every lane has recovered (counted from the valuation
    /// date: the first crossing is final).
    @_transparent
    mutating func add(_ flow: Lanes, year t: Int) {
        guard fromConstructionStart || !laneAll(recovered) else { return }
        let before = cumulative
        cumulative += flow
        let negative = cumulative .< 0
        if fromConstructionStart { recovered = recovered .& .!negative }
        let open = .!recovered
        everNegative = everNegative .| (open .& negative)
        let crosses = open .& .!negative .& everNegative
        guard laneAny(crosses) else { return }
        years.replace(with: Double(t - 1) + (-before) / flow, where: crosses)
        recovered = recovered .| crosses
    }

    /// Each lane's payback in years: 0 for flows never negative, NaN (undefined) for flows that never recover.
    var value: Lanes {
        let counted = fromConstructionStart ? years.replacing(with: years + 1, where: everNegative) : years
        return counted.replacing(with: Lanes(repeating: .nan), where: .!recovered .& everNegative)
    }
}
