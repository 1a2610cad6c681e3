/// One year of a simulated dairy herd: the census on 1 January (after that day's entries)
/// and the year's flows, in head (fractional: expected values).
///
/// *Average* head are head-years: the mean of the census after entries and the survivors at the
/// year's end, as if losses were spread evenly over the year; feed, labour and per-head costs
/// use them. The herd size that subsidy conditions test is `cows`, the census.
public struct HerdYear: Sendable, Equatable {
    /// Cows by parity class on 1 January, after entries (the herd size, 存栏).
    public var cowsByParity: [Double]
    /// Heifers by rearing class (age 1, 2, …) on 1 January.
    public var heifersByAge: [Double]
    public var averageCows: Double
    public var averageLactatingCows: Double
    public var averageDryCows: Double
    public var averageHeifers: Double
    /// Kept female calves on hand on average (born evenly over the year).
    public var averageCalves: Double
    /// Own heifers that calved into the herd on 1 January, and bought in-calf heifers.
    public var heifersEntering: Double
    public var heifersPurchased: Double
    public var calvings: Double
    public var calvesBorn: Double
    public var femaleCalvesBorn: Double
    /// Inseminations with sexed semen (one per calving, in the sexed share).
    public var sexedInseminations: Double
    public var cowDeaths: Double
    public var youngStockDeaths: Double
    /// Cows culled and sold, including those culled because places shrank.
    public var cullCowsSold: Double
    /// Heifers ready to calve for which there was no place.
    public var surplusHeifersSold: Double
    /// Bull calves at birth, and female calves without a heifer place at the end of the year.
    public var surplusCalvesSold: Double
    /// Milk produced (t), before the saleable share.
    public var milkTonnes: Double

    /// Cows on 1 January after entries.
    public var cows: Double { cowsByParity.reduce(0, +) }
    public var heifers: Double { heifersByAge.reduce(0, +) }
    /// Average young stock (calves and heifers).
    public var averageYoungStock: Double { averageCalves + averageHeifers }
}
