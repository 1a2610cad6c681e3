/// `paybackYears` (undiscounted) in lanes, fed one year's flows at a time: the first crossing of the
/// cumulative flow to a non-negative value after a negative one, interpolated within the crossing
/// year, with the scalar function's operations.
///
/// The year loop runs one for the project flow (`paybackYears`) and one for the equity flow
/// (`equityPaybackYears`), each only when its metric is selected.
struct LanePayback {
    private var cumulative = Lanes.zero
    private var years = Lanes.zero
    private var everNegative = SIMDMask<Lanes.MaskStorage>(repeating: false)
    private var recovered = SIMDMask<Lanes.MaskStorage>(repeating: false)

    /// Adds year `t`'s flow; does nothing once every lane has recovered.
    @_transparent
    mutating func add(_ flow: Lanes, year t: Int) {
        guard !laneAll(recovered) else { return }
        let before = cumulative
        cumulative += flow
        let negative = cumulative .< 0
        let open = .!recovered
        everNegative = everNegative .| (open .& negative)
        let crosses = open .& .!negative .& everNegative
        guard laneAny(crosses) else { return }
        years.replace(with: Double(t - 1) + (-before) / flow, where: crosses)
        recovered = recovered .| crosses
    }

    /// Each lane's payback in years: 0 for flows never negative, NaN (undefined) for flows that never recover.
    var value: Lanes { years.replacing(with: Lanes(repeating: .nan), where: .!recovered .& everNegative) }
}
