/// What a cash incentive's yearly amount follows, and the rule that forms a year's raw amount from it.
///
/// The raw amount is before the path's scale, window, caps, clawback and "highest only" stacking,
/// which `LaneModel.incentiveAmounts` applies to every source alike. So an incentive of a new
/// amount shape is one case here with its rule in `rawAmount`, beside its scenario case
/// (Scenario/Incentive.swift), its reading (ScenarioReading/Scenario+Reading.swift) and its compile
/// step (Engine/Scenario+Compile.swift); the lane model and the year loop need no change.
///
/// `CompiledIncentive.Kind.cash` pairs a source with its `amount`, whose unit the case names.
public enum CashIncentiveSource: Sendable, Equatable {
    /// `amount` yuan per unit of product `product` sold.
    case production(product: Int)
    /// `amount` yuan in each year.
    case award
    /// `amount` yuan off cost line `line`'s price per unit (at most the price), times its quantity.
    case inputDiscount(line: Int)
    /// Cost line `line`'s price above `amount` yuan per unit, times its quantity: what the override saves.
    case inputOverride(line: Int)
    /// `amount` (a share) of each year's capex of the incentive's asset classes (`CompiledIncentive.membership`).
    case grantShare
    /// `amount` yuan, paid once in the first year of the window.
    case grantAmount
    /// `amount` yuan per person-year of staff group `staff`, already times the firm's share.
    case perPerson(staff: Int)
    /// The incentive's own yuan per year index (`CompiledIncentive.amountByYear`).
    case scheduled
    /// `amount` (a rate reduction, 0.01 = one point) times the opening balances of the incentive's
    /// loans (`CompiledIncentive.membership`).
    case interest

    /// Whether it is a capital grant (recorded apart in the yearly pro forma; may reduce the depreciable basis).
    public var isCapitalGrant: Bool {
        switch self {
        case .grantShare, .grantAmount: true
        default: false
        }
    }

    /// Whether it is an interest subsidy (it needs the loans scheduled before the amounts).
    public var isInterestSubsidy: Bool {
        if case .interest = self { true } else { false }
    }
}

extension LaneModel {
    /// Incentive `c`'s raw amount in year index `t` for eight paths; `first` is each lane's first
    /// year of the window (a one-off grant pays there).
    @inline(__always)
    func rawAmount(_ c: UnsafeMutablePointer<CashIncentive>, year t: Int, first: Lanes, _ ws: LaneWorkspace) -> Lanes {
        let n = yearCount, amount = Lanes(repeating: c.pointee.amount)
        switch c.pointee.source {
        case .production(let p):
            return amount * ws.quantity[p * n + t]
        case .award:
            return amount
        case .inputDiscount(let l):
            return laneMin(amount, ws.costPrice[l * n + t]) * lineQuantity(l, t, ws)
        case .inputOverride(let l):
            return laneMax(.zero, ws.costPrice[l * n + t] - amount) * lineQuantity(l, t, ws)
        case .grantShare:
            var raw = Lanes.zero
            for a in 0..<model.assetClasses.count where ws.masks[c.pointee.membership + a] { raw += amount * ws.capex[a * n + t] }
            return raw
        case .grantAmount:
            return Lanes.zero.replacing(with: amount, where: Lanes(repeating: Double(t)) .== first)
        case .perPerson(let s):
            return amount * ws.headcount[s * n + t]
        case .scheduled:
            return Lanes(repeating: scheduledAmounts[c.pointee.scheduledOffset + t])
        case .interest:
            var raw = Lanes.zero
            for l in 0..<loans.count where ws.masks[c.pointee.membership + l] { raw += amount * ws.loanOpening[l * n + t] }
            return raw
        }
    }
}
