import Foundation

/// A compiled model and its path drawer, prepared for the lane engine: eight paths evaluated
/// side by side in `SIMD8<Double>` lanes, one year loop for all of them.
///
/// The lane engine performs, lane by lane, the floating-point operations of `StochasticModel.apply`,
/// `ProFormaEngine.run` and `PathMetric.compute`, in the same order, so each lane's metrics equal
/// the general engine's for that path (`LaneEngineTests` checks this). It covers the features most
/// studies use; a model using anything else is run by the general engine, and `init` says why.
///
/// Covered: any products, cost lines and asset classes; VAT and surtax; straight-line,
/// sum-of-years-digits and declining-balance depreciation, residual value; loans repaid by
/// equal principal, annuity or bullet, with construction interest capitalised and depreciated; production subsidies,
/// annual awards, input-price discounts and overrides, reduced tax rates and tax holidays, with scale, windows and caps; CIT with loss
/// carry-forward or monetised losses; uncertain values, per-year multipliers and processes of prices,
/// quantities, costs, capex, the CIT rate and incentive scales, rank-correlated or not; withdrawal,
/// delay and cut risks.
public struct LaneModel: Sendable {
    /// Why a model is run by the general engine instead.
    public struct Unsupported: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// An incentive paid in cash, before scale, window and caps: `amount` is yuan per unit of a
    /// product, yuan per year, a discount per unit of a cost line, or the price that overrides a cost line's.
    struct CashIncentive: Sendable {
        enum Source: Sendable { case production(product: Int), award, inputDiscount(line: Int), inputOverride(line: Int) }
        var index: Int
        var source: Source
        var amount: Double
        var capPerYear: Double
        var capTotal: Double
        var taxable: Bool
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
        var rate: Double
        var drawShare: Double
        var firstRepayment: Int
        var lastRepayment: Int
        var repayment: Loan.Repayment
        /// (1 + rate)^periods of the annuity, as `payment(rate:periods:presentValue:)` forms it.
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

    let model: CompiledModel
    let drawer: StochasticModel
    let yearCount: Int
    let operationStart: Int
    let cashIncentives: [CashIncentive]
    /// In the order the general engine applies them (`taxPreferenceIndices`).
    let reducedRates: [ReducedRate]
    /// The general engine uses the last holiday (validation allows one).
    let holiday: Holiday?
    let loans: [LaneLoan]
    let vintages: [Vintage]
    let priceFloors: [Double]

    public init(model m: CompiledModel, drawer: StochasticModel) throws(Unsupported) {
        func unsupported(_ reason: String) -> Unsupported { Unsupported(reason: reason) }
        for draw in drawer.draws {
            if case .loanRate = draw.target { throw unsupported("an uncertain loan rate") }
        }
        for risk in drawer.risks where risk.clawbackHazard != nil { throw unsupported("a clawback risk") }
        if m.hasHighestOnlyGroups { throw unsupported("a \"highest only\" incentive group") }
        let n = m.yearCount, op = m.operationStart
        var loans: [LaneLoan] = []
        for loan in m.loans {
            if loan.repayment == .sculpted { throw unsupported("a sculpted loan") }
            let (first, last) = ProFormaEngine.repaymentYears(loan, m)
            let periods = max(last - first + 1, 1)
            loans.append(LaneLoan(rate: loan.rate, drawShare: loan.drawShare, firstRepayment: first, lastRepayment: last,
                                  repayment: loan.repayment, annuityGrowth: pow(1 + loan.rate, Double(periods)), periods: periods))
        }
        var cash: [CashIncentive] = []
        var holiday: Holiday?
        for (i, inc) in m.incentives.enumerated() {
            switch inc.kind {
            case .productionSubsidy(let p, let perUnit): cash.append(CashIncentive(index: i, source: .production(product: p), amount: perUnit,
                                                                                   capPerYear: inc.capPerYear, capTotal: inc.capTotal, taxable: inc.taxable))
            case .annualAward(let perYear): cash.append(CashIncentive(index: i, source: .award, amount: perYear,
                                                                      capPerYear: inc.capPerYear, capTotal: inc.capTotal, taxable: inc.taxable))
            case .inputDiscount(let l, let discount): cash.append(CashIncentive(index: i, source: .inputDiscount(line: l), amount: discount,
                                                                               capPerYear: inc.capPerYear, capTotal: inc.capTotal, taxable: inc.taxable))
            case .inputOverride(let l, let price): cash.append(CashIncentive(index: i, source: .inputOverride(line: l), amount: price,
                                                                            capPerYear: inc.capPerYear, capTotal: inc.capTotal, taxable: inc.taxable))
            case .taxRate: break
            case .taxHoliday(let exempt, let reduced, let factor, let from):
                holiday = Holiday(index: i, exemptYears: Double(exempt), endOfReduced: Double(exempt + reduced),
                                  reducedFactor: factor, fromFirstProfit: from == .firstProfitYear)
            default: throw unsupported("incentive '\(inc.id)' is of a kind the lane engine does not cover")
            }
            if inc.reducesDepreciableBasis { throw unsupported("incentive '\(inc.id)' reduces the depreciable basis") }
        }
        let reducedRates = m.taxPreferenceIndices.compactMap { i -> ReducedRate? in
            if case .taxRate(let r) = m.incentives[i].kind { return ReducedRate(index: i, rate: r) }
            return nil
        }
        var targetedCapex = Set<Int>()
        for draw in drawer.draws {
            if case .capex(let c, let y, _) = draw.target { targetedCapex.insert(c * n + y) }
        }
        var vintages: [Vintage] = []
        for (c, asset) in m.assetClasses.enumerated() {
            for v in 0..<n where m.capex[c, v] != 0 || targetedCapex.contains(c * n + v) {
                let start = max(v + 1, op)
                vintages.append(Vintage(assetClass: c, year: v, start: start, end: asset.lifeYears > 0 ? min(start + asset.lifeYears, n) : start))
            }
        }
        self.model = m
        self.drawer = drawer
        yearCount = n
        operationStart = op
        cashIncentives = cash
        self.reducedRates = reducedRates
        self.holiday = holiday
        self.loans = loans
        self.vintages = vintages
        priceFloors = m.productIDs.indices.map { $0 < m.productPriceFloor.count ? m.productPriceFloor[$0] : -.infinity }
    }
}
