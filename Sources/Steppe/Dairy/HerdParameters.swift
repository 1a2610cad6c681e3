/// The biology and management rules of a dairy herd on an annual step: head places,
/// calving, calf sex, mortality, culling and heifer purchases.
///
/// Conventions (docs/dairy.md): a cow's *parity class* p (0-based) holds cows in their
/// (p+1)-th lactation; the last class holds all older cows. Rates are per year. A cow calves
/// every `calvingIntervalDays`, so 365 / interval of a year's surviving cows move to the next
/// parity class (and calve) each year. A calf born in year t that is kept calves first in year
/// t + `ageAtFirstCalvingYears`, entering the cows on 1 January of that year.
public struct HerdParameters: Sendable, Equatable {
    /// Head places for cows (lactating and dry) in each operating year; the cows on hand after
    /// each 1 January's entries never exceed them.
    public var cowPlaces: YearlyValue
    /// Places for heifers (all rearing classes on 1 January); nil for unlimited. Female calves
    /// that do not fit are sold as surplus calves at the end of their birth year.
    public var heiferPlaces: Double?
    /// Days between calvings, at least 365 (an annual step moves a cow at most one parity a year).
    public var calvingIntervalDays: Double
    /// Days in milk per lactation; the rest of the calving interval the cow is dry.
    public var lactationDays: Double
    /// Whole years from birth to first calving, at least 2 (so at least one heifer class).
    public var ageAtFirstCalvingYears: Int
    /// Share of female calves with conventional semen (about 0.47 for Holsteins: an assumption).
    public var femaleCalfShare: Double
    /// Share of inseminations with sexed semen, and the share of female calves it gives.
    public var sexedSemenShare: Double
    public var sexedFemaleShare: Double
    /// Yearly death rates of kept female calves (first year, including stillbirths), heifers and cows.
    public var calfMortality: Double
    public var heiferMortality: Double
    public var cowMortality: Double
    /// Yearly culling rate of each parity class; the count is the number of classes, the last
    /// being "this lactation and later". Mortality plus culling must not exceed 1.
    public var cullingRateByParity: [Double]
    /// Largest number of in-calf heifers bought a year to fill empty places (0: none bought).
    public var maxPurchasesPerYear: Double

    public init(cowPlaces: YearlyValue, heiferPlaces: Double? = nil, calvingIntervalDays: Double = 400,
                lactationDays: Double = 305, ageAtFirstCalvingYears: Int = 2, femaleCalfShare: Double = 0.47,
                sexedSemenShare: Double = 0, sexedFemaleShare: Double = 0.9, calfMortality: Double = 0.06,
                heiferMortality: Double = 0.02, cowMortality: Double = 0.04,
                cullingRateByParity: [Double] = [0.2, 0.22, 0.25, 0.3, 0.4], maxPurchasesPerYear: Double = 0) {
        precondition(!cullingRateByParity.isEmpty, "at least one parity class")
        self.cowPlaces = cowPlaces; self.heiferPlaces = heiferPlaces; self.calvingIntervalDays = calvingIntervalDays
        self.lactationDays = lactationDays; self.ageAtFirstCalvingYears = ageAtFirstCalvingYears
        self.femaleCalfShare = femaleCalfShare; self.sexedSemenShare = sexedSemenShare; self.sexedFemaleShare = sexedFemaleShare
        self.calfMortality = calfMortality; self.heiferMortality = heiferMortality; self.cowMortality = cowMortality
        self.cullingRateByParity = cullingRateByParity; self.maxPurchasesPerYear = maxPurchasesPerYear
    }

    /// Calvings per cow-year: 365 / calving interval.
    public var calvingsPerCowYear: Double { 365 / calvingIntervalDays }
    /// Share of a cow's time in milk.
    public var lactatingShare: Double { min(1, lactationDays / calvingIntervalDays) }
    /// Share of female calves with the sexed-semen mix.
    public var effectiveFemaleShare: Double {
        sexedSemenShare * sexedFemaleShare + (1 - sexedSemenShare) * femaleCalfShare
    }
    /// Number of parity classes.
    public var parityClasses: Int { cullingRateByParity.count }

    /// Problems with the rates, as (key, message) pairs for the reader to place.
    func problems() -> [(key: String, message: String)] {
        var out: [(String, String)] = []
        if calvingIntervalDays < 365 { out.append(("calvingIntervalDays", "must be >= 365 on an annual step (got \(calvingIntervalDays.formattedPlain))")) }
        if ageAtFirstCalvingYears < 2 { out.append(("ageAtFirstCalvingYears", "must be >= 2 (got \(ageAtFirstCalvingYears))")) }
        for (p, k) in cullingRateByParity.enumerated() where k + cowMortality > 1 {
            out.append(("cullingRateByParity[\(p)]", "culling \(k) plus cow mortality \(cowMortality) exceeds 1"))
        }
        return out
    }
}
