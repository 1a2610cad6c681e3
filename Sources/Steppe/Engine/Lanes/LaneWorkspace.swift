/// Every buffer the lane engine writes, allocated once per worker: rows of the model in lanes
/// (eight paths side by side), the yearly cash flows the IRRs need, the loss vintages, and (for a
/// deterministic evaluation) the record of every yearly line.
///
/// Rows that no draw changes are filled from the base model once, here; the rows that draws
/// change are reset from the base model at the start of each group of paths.
final class LaneWorkspace {
    let yearCount: Int
    /// Products x years, cost lines x years, asset classes x years (row r, year t at r * years + t).
    /// Staff groups x years for headcounts.
    let price, quantity, costPrice, costQuantity, capex, headcount: UnsafeMutableBufferPointer<Lanes>
    let costPerUnit: UnsafeMutableBufferPointer<Lanes>
    /// Per incentive: scale and the first and last year index of its window on each path.
    let incentiveScale, incentiveFirst, incentiveLast: UnsafeMutableBufferPointer<Lanes>
    /// Per incentive: the year index in which amounts received are repaid on each path (-1: never).
    let incentiveClawback: UnsafeMutableBufferPointer<Lanes>
    var citRate: Lanes
    /// Depreciation of each year and the book value left at the end.
    let depreciation: UnsafeMutableBufferPointer<Lanes>
    /// Depreciation of capitalised construction interest (a part of the depreciation the unlevered tax leaves out).
    let depreciationOfInterest: UnsafeMutableBufferPointer<Lanes>
    var bookValue: Lanes = .zero
    /// Yearly equity and project cash flows (read by the IRRs).
    let equityCashFlow, projectCashFlow: UnsafeMutableBufferPointer<Lanes>
    /// Loss vintages of the levered and the unlevered tax.
    let leveredLosses, unleveredLosses: UnsafeMutableBufferPointer<Lanes>
    /// Each loan's rate on each path.
    let loanRate: UnsafeMutableBufferPointer<Lanes>
    /// Per loan: balance, balance at the first repayment, level payment.
    let balance, balanceAtRepayment, levelPayment: UnsafeMutableBufferPointer<Lanes>
    /// Per loan: (1 + rate)^periods of its annuity on each path.
    let annuityGrowth: UnsafeMutableBufferPointer<Lanes>
    /// Opening balance, draw, interest and principal of each loan in each year (loans x years).
    let loanOpening, loanDraw, loanInterest, loanPrincipal: UnsafeMutableBufferPointer<Lanes>
    /// CFADS of each year (the sculpted loan is sized from it).
    let cfads: UnsafeMutableBufferPointer<Lanes>
    /// The sculpted loan's draw share of construction capex, and its service per unit of balance in each year.
    var sculptedDraw = Lanes.zero
    let sculptedService: UnsafeMutableBufferPointer<Lanes>
    /// The membership rows of `LaneModel.masks`, read in place.
    let masks: UnsafeMutableBufferPointer<Bool>
    /// Where a pass that computes no metric (the sculpted loan's sizing) writes none.
    let noMetrics: UnsafeMutablePointer<Lanes>
    /// Every yearly line of the pro forma, when the evaluation records them (nil in Monte Carlo runs).
    let record: LaneRecord?
    /// The loans' yearly totals, when scheduled before the year loop (models with interest subsidies).
    let loanYears: UnsafeMutableBufferPointer<LaneModel.LoanYear>
    /// Cash amount of each incentive in each year (incentives x years; rows of tax preferences stay 0).
    let incentiveAmount: UnsafeMutableBufferPointer<Lanes>
    /// One lane's cash flows as plain doubles, for the scalar IRR.
    let laneFlows: UnsafeMutableBufferPointer<Double>
    /// The model's cash incentives and loans, as plain records read in place by the year loop.
    let cashIncentives: UnsafeMutableBufferPointer<LaneModel.CashIncentive>
    let loans: UnsafeMutableBufferPointer<LaneModel.LaneLoan>
    let reducedRates: UnsafeMutableBufferPointer<LaneModel.ReducedRate>
    /// The drawer's draws and policy risks, as plain records read in place.
    let draws: UnsafeMutableBufferPointer<LaneModel.LaneDraw>
    let risks: UnsafeMutableBufferPointer<LaneModel.LaneRisk>
    /// The model's yearly discount factors and its VAT rates, read in place by the year loop (the
    /// model's arrays were read through out-of-line subscripts there).
    let equityDiscountFactors, projectDiscountFactors: UnsafeMutableBufferPointer<Double>
    let productVATRate, costVATRate, assetVATRate: UnsafeMutableBufferPointer<Double>
    /// Each product's price floor (-inf: none).
    let priceFloors: UnsafeMutableBufferPointer<Double>
    /// The product whose quantity drives each cost line (-1: the line's own quantity).
    let costDriverProduct: UnsafeMutableBufferPointer<Int>
    /// Whether each asset class takes a share of the capitalised construction interest.
    let takesCapitalisedInterest: UnsafeMutableBufferPointer<Bool>
    /// This worker's copy of each module's per-path model (`LaneModel.pathModels`), and the buffer their
    /// runs write a path's lines into.
    let pathWorkers: [any ModulePathWorker]
    let pathValues: UnsafeMutableBufferPointer<Double>

    /// - Parameter recording: whether evaluations record every yearly line into `record`.
    init(_ lanes: LaneModel, recording: Bool = false) {
        let m = lanes.model, n = m.yearCount
        yearCount = n
        func rows(_ matrix: YearMatrix) -> UnsafeMutableBufferPointer<Lanes> {
            let b = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: max(matrix.storage.count, 1))
            b.initialize(repeating: .zero)
            for i in matrix.storage.indices { b[i] = Lanes(repeating: matrix.storage[i]) }
            return b
        }
        func values(_ v: [Double]) -> UnsafeMutableBufferPointer<Lanes> {
            let b = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: max(v.count, 1))
            b.initialize(repeating: .zero)
            for i in v.indices { b[i] = Lanes(repeating: v[i]) }
            return b
        }
        func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Lanes> { values([Double](repeating: 0, count: count)) }
        price = rows(m.price); quantity = rows(m.quantity)
        costPrice = rows(m.costPrice); costQuantity = rows(m.costQuantity); capex = rows(m.capex)
        headcount = rows(m.headcount)
        costPerUnit = values(m.costQuantityPerUnit)
        incentiveScale = values(m.incentiveScale)
        incentiveFirst = values(m.incentiveFirstYear.map(Double.init))
        incentiveLast = values(m.incentiveLastYear.map(Double.init))
        incentiveClawback = values(m.incentiveClawbackYear.map(Double.init))
        citRate = Lanes(repeating: m.citRate)
        depreciation = zeros(n)
        depreciationOfInterest = zeros(n)
        equityCashFlow = zeros(n); projectCashFlow = zeros(n)
        leveredLosses = zeros(n); unleveredLosses = zeros(n)
        loanRate = values(m.loans.map(\.rate))
        balance = zeros(m.loans.count); balanceAtRepayment = zeros(m.loans.count); levelPayment = zeros(m.loans.count)
        annuityGrowth = zeros(m.loans.count)
        loanOpening = zeros(m.loans.count * n); loanDraw = zeros(m.loans.count * n)
        loanInterest = zeros(m.loans.count * n); loanPrincipal = zeros(m.loans.count * n)
        cfads = zeros(n); sculptedService = zeros(n)
        record = recording ? LaneRecord(model: m) : nil
        noMetrics = .allocate(capacity: PathMetric.allCases.count)
        noMetrics.initialize(repeating: .zero, count: PathMetric.allCases.count)
        loanYears = .allocate(capacity: n)
        loanYears.initialize(repeating: LaneModel.LoanYear())
        incentiveAmount = zeros(m.incentives.count * n)
        laneFlows = .allocate(capacity: n)
        laneFlows.initialize(repeating: 0)
        cashIncentives = .allocate(capacity: lanes.cashIncentives.count)
        _ = cashIncentives.initialize(from: lanes.cashIncentives)
        loans = .allocate(capacity: lanes.loans.count)
        _ = loans.initialize(from: lanes.loans)
        func copy<T>(_ records: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: records.count)
            _ = b.initialize(from: records)
            return b
        }
        draws = copy(lanes.draws); risks = copy(lanes.risks); reducedRates = copy(lanes.reducedRates)
        equityDiscountFactors = copy(m.equityDiscountFactors); projectDiscountFactors = copy(m.projectDiscountFactors)
        productVATRate = copy(m.productVATRate); costVATRate = copy(m.costVATRate); assetVATRate = copy(m.assetClasses.map(\.vatRate))
        takesCapitalisedInterest = copy(m.assetClasses.map(\.takesCapitalisedInterest))
        costDriverProduct = copy(m.costDriverProduct)
        masks = copy(lanes.masks)
        priceFloors = copy(lanes.priceFloors)
        pathWorkers = lanes.pathModels.map { $0.model.makeWorker() }
        pathValues = .allocate(capacity: max(lanes.pathModels.map(\.valueCount).max() ?? 0, 1))
        pathValues.initialize(repeating: 0)
    }

    deinit {
        for b in [price, quantity, costPrice, costQuantity, capex, headcount, costPerUnit, incentiveScale, incentiveFirst, incentiveLast, incentiveClawback,
                  depreciation, depreciationOfInterest, equityCashFlow, projectCashFlow, leveredLosses, unleveredLosses,
                  loanRate, balance, balanceAtRepayment, levelPayment, annuityGrowth, loanOpening, loanDraw, loanInterest,
                  loanPrincipal, cfads, sculptedService, incentiveAmount] {
            b.deallocate()
        }
        laneFlows.deallocate(); noMetrics.deallocate()
        pathValues.deallocate()
        cashIncentives.deallocate()
        draws.deallocate(); risks.deallocate(); reducedRates.deallocate()
        for b in [equityDiscountFactors, projectDiscountFactors, productVATRate, costVATRate, assetVATRate, priceFloors] { b.deallocate() }
        takesCapitalisedInterest.deallocate(); costDriverProduct.deallocate(); masks.deallocate()
        loanYears.deallocate()
        loans.deallocate()
    }
}
