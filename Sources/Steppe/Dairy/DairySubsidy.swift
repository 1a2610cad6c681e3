/// A dairy subsidy whose yearly amount follows from the simulated herd: the module evaluates
/// its condition (herd size reached, herd in a size band, head bought, inseminated or tested)
/// in every operating year and contributes the result as a `scheduledAward` incentive, so the
/// subsidy starts and stops in the years its condition holds.
public struct DairySubsidy: Sendable, Equatable {
    /// How often a band subsidy is paid (`HerdRule.Payment`).
    public typealias Payment = HerdRule.Payment

    /// The condition and the amount.
    public enum Rule: Sendable, Equatable {
        /// `amount` once, in the first year the cows on 1 January reach `head`; then
        /// `stepAmount` for each further full `stepHead`, in the year it is first reached.
        case herdReaches(head: Double, amount: Double, stepHead: Double, stepAmount: Double)
        /// `amountPerHead` per cow in years the herd (cows on 1 January) is within `minHead...maxHead`.
        case perHeadInBand(minHead: Double, maxHead: Double, amountPerHead: Double, payment: Payment)
        /// Per in-calf heifer bought, when the purchases are imported cows.
        case perPurchasedHead(amount: Double)
        /// Per insemination with sexed semen.
        case perSexedInsemination(amount: Double)
        /// `perTonne` on silage maize stored locally, up to `tonnesPerCow` per average cow.
        case silagePerCow(tonnesPerCow: Double, perTonne: Double)
        /// Per cow tested (all cows on 1 January, once a year).
        case perCowTested(amount: Double)
    }

    /// Catalogue id (the policy catalogue's, e.g. `dairy.scale-farm-base`), also the incentive id.
    public var id: String
    public var title: String
    public var rule: Rule
    public var provenance: Provenance
    public var enabled: Bool
    /// Whether it counts as taxable income (the seeds do not say; false, as the scenario default).
    public var taxable: Bool

    public init(id: String, title: String, rule: Rule, provenance: Provenance, enabled: Bool = true, taxable: Bool = false) {
        self.id = id; self.title = title; self.rule = rule; self.provenance = provenance
        self.enabled = enabled; self.taxable = taxable
    }

    /// Yuan in each operating year of `herd`.
    ///
    /// - Parameters:
    ///   - importedPurchases: whether bought heifers are imported (only then does `perPurchasedHead` pay).
    ///   - silageTonnes: silage maize fed in each year (stored locally), for `silagePerCow`.
    public func amounts(_ herd: [HerdYear], importedPurchases: Bool, silageTonnes: [Double]) -> [Double] {
        switch rule {
        case .herdReaches(let head, let amount, let stepHead, let stepAmount):
            var paidSteps = -1
            return herd.map { y in
                guard y.cows >= head - 1e-9 else { return 0 }
                let steps = stepHead > 0 ? Int(((y.cows - head) / stepHead + 1e-9).rounded(.down)) : 0
                guard steps > paidSteps else { return 0 }
                defer { paidSteps = steps }
                return (paidSteps < 0 ? amount : 0) + Double(steps - max(paidSteps, 0)) * stepAmount
            }
        case .perHeadInBand(let lo, let hi, let perHead, let payment):
            var paid = false
            return herd.map { y in
                let inBand = y.cows >= lo - 1e-9 && y.cows <= hi + 1e-9
                guard inBand, !(payment == .once && paid) else { return 0 }
                paid = true
                return perHead * y.cows
            }
        case .perPurchasedHead(let amount):
            return herd.map { importedPurchases ? amount * $0.heifersPurchased : 0 }
        case .perSexedInsemination(let amount):
            return herd.map { amount * $0.sexedInseminations }
        case .silagePerCow(let tonnesPerCow, let perTonne):
            return herd.indices.map { k in
                perTonne * min(tonnesPerCow * herd[k].averageCows, k < silageTonnes.count ? silageTonnes[k] : 0)
            }
        case .perCowTested(let amount):
            return herd.map { amount * $0.cows }
        }
    }
}
