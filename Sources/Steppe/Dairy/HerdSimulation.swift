/// The annual cohort model of a dairy herd (docs/dairy.md, "Cohort model").
///
/// Each year, in order:
/// 1. **1 January.** The cows that survived last year are on hand; if places shrank, the excess
///    is culled from the oldest class. Own heifers ready to calve take free places, the rest are
///    sold; remaining places are filled with bought in-calf heifers up to `maxPurchasesPerYear`.
///    Heifers and bought heifers enter parity class 0, calving on entry.
/// 2. **During the year.** The cows that moved up a class at the end of last year calve. Each
///    parity class loses `cowMortality` and its culling rate (culls are sold); at the end of the
///    year 365 / interval of the survivors move up a class (the last class keeps its cows) and
///    calve in the next year. So every cow calves at most once a year, and at steady state a
///    year's calvings are entries + 365 / interval × last year's survivors. Milk is average cows ×
///    lactation yield × 365 / interval.
/// 3. **Calves.** Every calving gives one calf; bull calves are sold at birth. Kept female calves
///    lose `calfMortality` over the year and become next year's youngest heifers, as far as heifer
///    places allow; heifers lose `heiferMortality` a year, and the oldest class is ready to calve
///    next 1 January.
///
/// Invariants: no count is ever negative, and the cows on 1 January never exceed the places.
public struct HerdSimulation: Sendable {
    public var parameters: HerdParameters
    /// Milk per lactation (t) by parity class; the last value repeats.
    public var lactationYieldTonnes: [Double]

    public init(parameters: HerdParameters, lactationYieldTonnes: [Double]) {
        precondition(!lactationYieldTonnes.isEmpty)
        self.parameters = parameters; self.lactationYieldTonnes = lactationYieldTonnes
    }

    /// Simulates `years` operating years from an empty farm.
    ///
    /// - Complexity: O(years × (parity classes + heifer classes)).
    public func run(years: Int) -> [HerdYear] {
        let h = parameters
        let classes = h.parityClasses
        let rearing = h.ageAtFirstCalvingYears - 1
        let r = h.calvingsPerCowYear
        var carried = Array(repeating: 0.0, count: classes)   // cows surviving last year, next class
        var moved = Array(repeating: 0.0, count: classes)     // of which moved up a class: they calve this year
        var heifers = Array(repeating: 0.0, count: rearing)    // heifers by age on 1 January
        var ready = 0.0                                        // heifers ready to calve on 1 January
        var out: [HerdYear] = []
        out.reserveCapacity(years)
        for k in 0..<years {
            // 1. Entries on 1 January.
            let places = max(0, h.cowPlaces[operatingYear: k])
            var cows = carried
            var forcedCulls = 0.0
            var excess = cows.reduce(0, +) - places
            var p = classes - 1
            while excess > 0 && p >= 0 {
                let cut = min(cows[p], excess)
                if cows[p] > 0 { moved[p] *= (cows[p] - cut) / cows[p] }
                cows[p] -= cut; forcedCulls += cut; excess -= cut
                p -= 1
            }
            var room = max(0, places - cows.reduce(0, +))
            let entering = min(ready, room)
            room -= entering
            let purchased = min(max(0, h.maxPurchasesPerYear), room)
            cows[0] += entering + purchased
            let surplusHeifers = ready - entering

            // 2. Cows during the year.
            var next = Array(repeating: 0.0, count: classes)
            var nextMoved = Array(repeating: 0.0, count: classes)
            var averageCows = 0.0, deaths = 0.0, culls = forcedCulls, milk = 0.0
            let calvings = entering + purchased + moved.reduce(0, +)
            for p in 0..<classes {
                let opening = cows[p]
                let died = opening * h.cowMortality
                let culled = opening * h.cullingRateByParity[p]
                let survivors = max(0, opening - died - culled)
                let average = (opening + survivors) / 2
                averageCows += average
                deaths += died; culls += culled
                milk += average * lactationYieldTonnes[min(p, lactationYieldTonnes.count - 1)] * r
                let moving = survivors * r
                let to = min(p + 1, classes - 1)
                next[to] += moving
                nextMoved[to] += moving
                next[p] += survivors - moving
            }

            // 3. Calves and heifers.
            let female = calvings * h.effectiveFemaleShare
            let yearlings = female * (1 - h.calfMortality)
            var youngDeaths = female * h.calfMortality
            var nextHeifers = Array(repeating: 0.0, count: rearing)
            var averageHeifers = 0.0
            var nextReady = 0.0
            for a in 0..<rearing {
                let survivors = heifers[a] * (1 - h.heiferMortality)
                youngDeaths += heifers[a] - survivors
                averageHeifers += (heifers[a] + survivors) / 2
                if a + 1 < rearing { nextHeifers[a + 1] = survivors } else { nextReady = survivors }
            }
            let olderHeifers = nextHeifers.reduce(0, +)
            let heiferRoom = h.heiferPlaces.map { max(0, $0 - olderHeifers) } ?? .infinity
            let keptYearlings = min(yearlings, heiferRoom)
            nextHeifers[0] += keptYearlings

            out.append(HerdYear(
                cowsByParity: cows, heifersByAge: heifers, averageCows: averageCows,
                averageLactatingCows: averageCows * h.lactatingShare, averageDryCows: averageCows * (1 - h.lactatingShare),
                averageHeifers: averageHeifers, averageCalves: female * (1 - h.calfMortality / 2) / 2,
                heifersEntering: entering, heifersPurchased: purchased, calvings: calvings, calvesBorn: calvings,
                femaleCalvesBorn: female, sexedInseminations: calvings * h.sexedSemenShare, cowDeaths: deaths,
                youngStockDeaths: youngDeaths, cullCowsSold: culls, surplusHeifersSold: surplusHeifers,
                surplusCalvesSold: calvings - female + (yearlings - keptYearlings), milkTonnes: milk))
            carried = next
            moved = nextMoved
            heifers = nextHeifers
            ready = nextReady
        }
        return out
    }
}
