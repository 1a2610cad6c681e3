/// A quantity per head-year for each class of animal: kept calves, heifers, lactating and
/// dry cows (for example tonnes of silage, or yuan of veterinary cost).
public struct HeadClassAmounts: Sendable, Equatable {
    public var calf: Double
    public var heifer: Double
    public var lactating: Double
    public var dry: Double

    public init(calf: Double = 0, heifer: Double = 0, lactating: Double = 0, dry: Double = 0) {
        self.calf = calf; self.heifer = heifer; self.lactating = lactating; self.dry = dry
    }

    /// The total over a year's average head.
    public func total(_ y: HerdYear) -> Double {
        calf * y.averageCalves + heifer * y.averageHeifers + lactating * y.averageLactatingCows + dry * y.averageDryCows
    }
}
