import Foundation

/// The pro forma engine: a compiled model and its path drawer, evaluated eight paths at a time,
/// side by side in `SIMD8<Double>` lanes, one year loop for all of them.
///
/// It is the only implementation of the pro forma. A Monte Carlo run gives each lane its own path;
/// a deterministic evaluation (`ProFormaEngine.run`) gives every lane the base case and reads lane 0,
/// recording every yearly line (`LaneRecord`). Each lane's arithmetic depends on that lane's inputs
/// alone, so a path's results do not depend on which paths share its group of eight (nor on thread
/// count or shard split); `LaneIndependenceTests` checks this.
///
/// Covered: any products, cost lines, staff groups and asset classes; VAT and surtax; straight-line,
/// sum-of-years-digits and declining-balance depreciation, residual value; loans repaid by equal
/// principal, annuity, bullet or sculpted to a target DSCR (sized by iterating the pro forma to a fixed
/// point, each lane on its own); construction interest capitalised and depreciated; every incentive
/// kind (capital grants, production subsidies, awards, interest subsidies, input-price incentives,
/// per-person allowances, reduced rates, holidays), with scale, windows, caps and "highest only"
/// groups; CIT with loss carry-forward or monetised losses; uncertain values, per-year multipliers and
/// processes of every input, rank-correlated or not; withdrawal, delay, cut and clawback risks.
public struct LaneModel: Sendable {
    /// An incentive paid in cash: its source and `amount` (`CashIncentiveSource` says what each
    /// source's amount is), with its caps, taxation and stacking.
    struct CashIncentive: Sendable {
        var index: Int
        var source: CashIncentiveSource
        var amount: Double
        /// The offset of the incentive's membership row in `LaneModel.masks` (asset class or loan k:
        /// `masks[membership + k]`), -1 when it has none.
        var membership: Int
        /// The offset of its yuan per year index in `LaneModel.scheduledAmounts`, -1 when it has none.
        var scheduledOffset: Int
        var capPerYear: Double
        var capTotal: Double
        var taxable: Bool
        var reducesDepreciableBasis: Bool
        /// Index of its "highest only" stacking group (-1: additive).
        var highestOnlyGroup: Int
        /// Whether a policy risk may claw it back.
        var clawsBack = false
        /// Whether it is an interest subsidy (stored: the year loop reads it every year, and a
        /// computed property was called there out of line, so lane vectors live across the call went
        /// through memory).
        let isInterestSubsidy: Bool
        /// Whether it is a capital grant (recorded apart in the yearly pro forma).
        let isCapitalGrant: Bool

        init(index: Int, source: CashIncentiveSource, amount: Double, membership: Int, scheduledOffset: Int,
             capPerYear: Double, capTotal: Double, taxable: Bool, reducesDepreciableBasis: Bool, highestOnlyGroup: Int) {
            self.index = index; self.source = source; self.amount = amount
            self.membership = membership; self.scheduledOffset = scheduledOffset
            self.capPerYear = capPerYear; self.capTotal = capTotal; self.taxable = taxable
            self.reducesDepreciableBasis = reducesDepreciableBasis; self.highestOnlyGroup = highestOnlyGroup
            isInterestSubsidy = source.isInterestSubsidy
            isCapitalGrant = source.isCapitalGrant
        }
        /// Whether a cap applies (without one, the year's amount is the raw amount times the scale).
        var isCapped: Bool { capPerYear != .infinity || capTotal != .infinity }
    }
    /// A reduced CIT rate.
    struct ReducedRate: Sendable {
        var index: Int
        var rate: Double
    }
    /// The tax holiday, its phases as year counts from its start.
    struct Holiday: Sendable {
        var index: Int
        var exemptYears: Double
        /// Exempt plus reduced years.
        var endOfReduced: Double
        var reducedFactor: Double
        var fromFirstProfit: Bool
    }
    struct LaneLoan: Sendable {
        /// Whether a draw sets the rate (then each path's annuity is formed from its own rate).
        var rateIsUncertain: Bool
        var drawShare: Double
        var firstRepayment: Int
        var lastRepayment: Int
        var repayment: Loan.Repayment
        /// (1 + base rate)^periods of the annuity, as `payment(rate:periods:presentValue:)` forms it.
        var annuityGrowth: Double
        var periods: Int
    }
    /// One capex vintage that can be nonzero on some path: its class, year and depreciation window.
    struct Vintage: Sendable {
        var assetClass: Int
        var year: Int
        var start: Int
        var end: Int
    }

    /// The kind of each of the drawer's draws, without a process's payload.
    enum DrawForm: Sendable { case value, perYearMultiplier, process }
    /// One of the drawer's draws as plain numbers (`StochasticModel.Draw` holds its distribution
    /// and a process by reference, and copying it cost a retain and a release per group of paths).
    struct LaneDraw: Sendable {
        var target: StochasticModel.Target
        var base: Double
        var form: DrawForm
        var firstDimension: Int
        /// The quantile of a value or multiplier; nil for a `.general` form or a process, which read
        /// the drawer's own draw.
        var quantile: PreparedQuantile.Shape?
    }
    /// One policy risk as plain numbers (`StochasticModel.Risk` holds a delay distribution by reference).
    struct LaneRisk: Sendable {
        var incentive: Int
        var firstDimension: Int
        /// Whether a delay is drawn (lane by lane, from the drawer's risk).
        var delays: Bool
        var withdrawal: (hazard: Double, logSurvival: Double, afterYears: Int)?
        var cut: (probability: Double, toFraction: Double)?
        var clawback: (hazard: Double, logSurvival: Double, withinYears: Int)?
    }

    let model: CompiledModel
    let drawer: StochasticModel
    let draws: [LaneDraw]
    let risks: [LaneRisk]
    /// Whether the loans are scheduled over all years before the incentives, which then read their
    /// balances (interest subsidies); otherwise the year loop advances them year by year.
    let schedulesLoansFirst: Bool
    let yearCount: Int
    let operationStart: Int
    let cashIncentives: [CashIncentive]
    /// The yearly amounts of scheduled awards, one run of `yearCount` per award.
    let scheduledAmounts: [Double]
    /// In the order the general engine applies them (`taxPreferenceIndices`).
    let reducedRates: [ReducedRate]
    /// The general engine uses the last holiday (validation allows one).
    let holiday: Holiday?
    let loans: [LaneLoan]
    let vintages: [Vintage]
    let priceFloors: [Double]
    /// The incentives of each "highest only" group, group 0 first (the general engine's order).
    let highestOnlyGroups: [[Int]]
    /// Whether each incentive pays cash (tax preferences do not: their rows stay 0).
    let paysCash: [Bool]
    /// Whether any product, cost line or asset class has a VAT rate (without one every VAT line is +0).
    let chargesVAT: Bool
    /// Membership rows of the incentives that apply to some asset classes or loans, each `maskWidth`
    /// long (`CashIncentive.membership` holds a row's offset).
    let masks: [Bool]
    /// The loan sized by sculpting (validation allows one), with its terms.
    let sculpted: SculptedLoan?
    /// The years the DSCR is taken over (`CompiledModel.debtServiceCoverYears`).
    let debtServiceCoverYears: Range<Int>
    /// The modules' own models run on each path (the hydrogen plant's dispatch with the path's weather
    /// and plant), applied to runs that name their paths (none: the compiled lines hold on every path).
    let pathModels: [ModulePathLanes]

    /// The loan sized to a target DSCR: `ProFormaEngine.sizeSculptedLoan`'s terms.
    struct SculptedLoan: Sendable {
        var index: Int
        var targetDSCR: Double
        var maxGearing: Double
    }

    /// A model evaluated without draws: every lane holds the base case.
    public init(model m: CompiledModel) {
        self.init(model: m, drawer: StochasticModel(deterministic: m))
    }

    public init(model m: CompiledModel, drawer: StochasticModel) {
        self.init(model: m, drawer: drawer, pathModels: [])
    }

    init(model m: CompiledModel, drawer: StochasticModel, pathModels: [ModulePathLanes]) {
        let n = m.yearCount, op = m.operationStart
        var loans: [LaneLoan] = []
        var sculpted: SculptedLoan?
        for loan in m.loans {
            if loan.repayment == .sculpted, sculpted == nil {
                sculpted = SculptedLoan(index: loans.count, targetDSCR: loan.targetDSCR, maxGearing: loan.maxGearing)
            }
            let (first, last) = ProFormaEngine.repaymentYears(loan, m)
            // Instalments over the loan's own term, even past the project's end: a tenor longer than the
            // project keeps its schedule, and the balance left is repaid in the last project year.
            let periods = max(loan.tenorYears - loan.graceYears, 1)
            let uncertain = drawer.draws.contains { if case .loanRate(loans.count) = $0.target { true } else { false } }
            loans.append(LaneLoan(rateIsUncertain: uncertain, drawShare: loan.drawShare, firstRepayment: first, lastRepayment: last,
                                  repayment: loan.repayment, annuityGrowth: pow(1 + loan.rate, Double(periods)), periods: periods))
        }
        var cash: [CashIncentive] = []
        var scheduled: [Double] = []
        var holiday: Holiday?
        let maskWidth = max(m.assetClasses.count, m.loans.count)
        var masks: [Bool] = []
        for (i, inc) in m.incentives.enumerated() {
            switch inc.kind {
            case .cash(let source, let amount):
                var membership = -1, scheduledOffset = -1
                if !inc.membership.isEmpty {
                    membership = masks.count
                    masks += (0..<maskWidth).map { $0 < inc.membership.count && inc.membership[$0] }
                }
                if !inc.amountByYear.isEmpty { scheduledOffset = scheduled.count; scheduled += inc.amountByYear }
                cash.append(CashIncentive(index: i, source: source, amount: amount, membership: membership,
                                          scheduledOffset: scheduledOffset, capPerYear: inc.capPerYear, capTotal: inc.capTotal,
                                          taxable: inc.taxable, reducesDepreciableBasis: inc.reducesDepreciableBasis,
                                          highestOnlyGroup: inc.highestOnlyGroup))
            case .taxRate:
                break
            case .taxHoliday(let exempt, let reduced, let factor, let from):
                holiday = Holiday(index: i, exemptYears: Double(exempt), endOfReduced: Double(exempt + reduced),
                                  reducedFactor: factor, fromFirstProfit: from == .firstProfitYear)
            }
        }
        let reducedRates = m.taxPreferenceIndices.compactMap { i -> ReducedRate? in
            if case .taxRate(let r) = m.incentives[i].kind { return ReducedRate(index: i, rate: r) }
            return nil
        }
        var targetedCapex = Set<Int>()
        for draw in drawer.draws {
            if case .capex(let c, let y, _) = draw.target { targetedCapex.insert(c * n + y) }
        }
        for (c, y) in pathModels.flatMap(\.capexEntries) { targetedCapex.insert(c * n + y) }
        self.pathModels = pathModels
        var vintages: [Vintage] = []
        for (c, asset) in m.assetClasses.enumerated() {
            for v in 0..<n where m.capex[c, v] != 0 || targetedCapex.contains(c * n + v) {
                let start = max(v + 1, op)
                vintages.append(Vintage(assetClass: c, year: v, start: start, end: asset.lifeYears > 0 ? min(start + asset.lifeYears, n) : start))
            }
        }
        self.model = m
        self.drawer = drawer
        draws = drawer.draws.map { draw in
            let form: DrawForm = switch draw.kind {
            case .value: .value
            case .perYearMultiplier: .perYearMultiplier
            case .process: .process
            }
            let general = if case .general = draw.quantile.form { true } else { false }
            return LaneDraw(target: draw.target, base: draw.base, form: form, firstDimension: draw.firstDimension,
                            quantile: general || form == .process ? nil : draw.quantile.shape)
        }
        risks = drawer.risks.map { risk in
            LaneRisk(incentive: risk.incentive, firstDimension: risk.firstDimension, delays: risk.delayYears != nil,
                     withdrawal: risk.withdrawalHazard.map { ($0, StochasticModel.logSurvival(hazard: $0), risk.withdrawalAfterYears) },
                     cut: risk.cutProbability.flatMap { p in risk.cutToFraction.map { (p, $0) } },
                     clawback: risk.clawbackHazard.flatMap { h in
                         risk.clawbackWithinYears.map { (h, StochasticModel.logSurvival(hazard: h), $0) }
                     })
        }
        let clawbacks = Set(drawer.risks.filter { $0.clawbackHazard != nil && $0.clawbackWithinYears != nil }.map(\.incentive))
        // A clawback drawn by a policy risk, or set on the model itself (the incentive analysis's scenarios).
        for k in cash.indices { cash[k].clawsBack = clawbacks.contains(cash[k].index) || m.incentiveClawbackYear[cash[k].index] >= 0 }
        schedulesLoansFirst = cash.contains { $0.isInterestSubsidy }
        self.masks = masks
        self.sculpted = sculpted
        debtServiceCoverYears = m.debtServiceCoverYears
        yearCount = n
        operationStart = op
        cashIncentives = cash
        scheduledAmounts = scheduled
        self.reducedRates = reducedRates
        self.holiday = holiday
        self.loans = loans
        self.vintages = vintages
        // Groups are numbered from 0 without gaps; the general engine stops at the first empty one.
        var groups: [[Int]] = []
        while case let members = m.incentives.indices.filter({ m.incentives[$0].highestOnlyGroup == groups.count }), !members.isEmpty {
            groups.append(members)
        }
        highestOnlyGroups = groups
        paysCash = m.incentives.indices.map { i in cash.contains { $0.index == i } }
        chargesVAT = m.productVATRate.contains { $0 != 0 } || m.costVATRate.contains { $0 != 0 }
            || m.assetClasses.contains { $0.vatRate != 0 }
        priceFloors = m.productIDs.indices.map { $0 < m.productPriceFloor.count ? m.productPriceFloor[$0] : -.infinity }
    }
}
