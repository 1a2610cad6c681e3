/// The deterministic result of a scenario: the yearly pro forma and its metrics.
///
/// One run of the engine (`DeterministicEvaluator`) gives both; allocates, so it is for reports and the
/// command line, not for the Monte Carlo loop.
public struct Evaluation: Sendable {
    /// One calendar year of the pro forma (yuan).
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var revenue, opex, incentives, depreciation, interest, capitalisedInterest: Double
        public var taxableIncome, lossCarriedForward, citRate, tax, unleveredTax, vatPaid, vatCashCost, surtax: Double
        public var capex, debtDrawdown, principal, debtService, debtBalance, cfads: Double
        /// CFADS over debt service, nil in years without debt service.
        public var dscr: Double?
        public var residualValue, projectCashFlow, equityCashFlow: Double
        /// Working capital recovered less invested; nil when the conventions have no working capital.
        public var workingCapital: Double? = nil
        /// Lines the feasibility study's tables (`FeasibilityTables`) read beyond `columns`; not in
        /// the JSON's `cashFlows`, so results keep their bytes.
        public var taxableIncentives = 0.0, interestSubsidies = 0.0, residualValueOfInterest = 0.0
        /// Working capital's lines (zero without it): invested, recovered, and its loan's.
        public var workingCapitalInvested = 0.0, workingCapitalRecovered = 0.0
        public var workingCapitalLoanDrawn = 0.0, workingCapitalLoanInterest = 0.0
        public var workingCapitalLoanRepaid = 0.0, workingCapitalLoanBalance = 0.0
        /// The part of `depreciation` on capitalised construction interest.
        public var depreciationOfInterest = 0.0
    }
    /// One loan's yearly lines (yuan): opening balance, draw, interest (capitalised in construction
    /// years, expensed after) and principal.
    public struct LoanLines: Sendable, Equatable {
        public var id: String
        public var opening, drawn, interest, principal: [Double]
    }
    public var model: CompiledModel
    public var years: [Year]
    /// Opex by cost line, then incentives by item: `(id, yearly yuan)`.
    public var opexByLine: [(id: String, amounts: [Double])]
    /// Depreciation of each asset class's capex (yuan per year), without that of capitalised
    /// construction interest (`Year.depreciation` holds both).
    public var depreciationByClass: [(id: String, amounts: [Double])]
    public var incentivesByItem: [(id: String, amounts: [Double])]
    /// Each loan's yearly lines, in loan order (the working-capital loan is in `Year`).
    public var loans: [LoanLines]
    public var metrics: Metrics
    /// What the scenario's modules report (`ScenarioModule.contribute`), by section key; empty when
    /// evaluated from a compiled model alone.
    public var moduleReports: [(module: String, report: ModuleReport)] = []
    /// Yearly physical results of the scenario's modules, one value per calendar year.
    public var moduleSeries: [(module: String, name: String, values: [Double])] {
        moduleReports.flatMap { module, report in report.series.map { (module, $0.name, $0.values) } }
    }

    public init(_ model: CompiledModel) {
        var evaluator = DeterministicEvaluator(model)
        evaluator.run()
        let ws = evaluator.yearly
        metrics = Metrics(evaluator, yearly: ws, breakEven: true)
        self.model = model
        years = (0..<model.yearCount).map { t in
            Year(year: model.calendarYear(t), revenue: ws.revenue[t], opex: ws.opex[t], incentives: ws.incentives[t],
                 depreciation: ws.depreciation[t], interest: ws.interestExpense[t],
                 capitalisedInterest: ws.interestCapitalised[t], taxableIncome: ws.taxableIncome[t],
                 lossCarriedForward: ws.lossBalance[t], citRate: ws.citRate[t], tax: ws.tax[t],
                 unleveredTax: ws.unleveredTax[t], vatPaid: ws.vatPaid[t], vatCashCost: ws.vatCashCost[t],
                 surtax: ws.surtax[t], capex: ws.capex[t], debtDrawdown: ws.debtDrawdown[t], principal: ws.principal[t],
                 debtService: ws.debtService[t], debtBalance: ws.debtBalance[t], cfads: ws.cfads[t],
                 dscr: ws.debtService[t] > 1e-9 ? ws.cfads[t] / ws.debtService[t] : nil,
                 residualValue: ws.residualValue[t], projectCashFlow: ws.projectCashFlow[t],
                 equityCashFlow: ws.equityCashFlow[t],
                 workingCapital: model.conventions.workingCapital == nil ? nil : ws.workingCapital[t],
                 taxableIncentives: ws.taxableIncentives[t], interestSubsidies: ws.interestSubsidies[t],
                 residualValueOfInterest: ws.residualValueOfInterest[t],
                 workingCapitalInvested: ws.workingCapitalInvested[t], workingCapitalRecovered: ws.workingCapitalRecovered[t],
                 workingCapitalLoanDrawn: ws.workingCapitalLoanDrawn[t], workingCapitalLoanInterest: ws.workingCapitalLoanInterest[t],
                 workingCapitalLoanRepaid: ws.workingCapitalLoanRepaid[t], workingCapitalLoanBalance: ws.workingCapitalLoanBalance[t],
                 depreciationOfInterest: ws.depreciationOfInterest[t])
        }
        loans = model.loans.enumerated().map { l, loan in
            LoanLines(id: loan.id, opening: ws.loanOpening.row(l), drawn: ws.loanDraw.row(l),
                      interest: ws.loanInterest.row(l), principal: ws.loanPrincipal.row(l))
        }
        opexByLine = model.costLineIDs.enumerated().map { ($1, ws.opexByLine.row($0)) }
        depreciationByClass = model.assetClasses.enumerated().map { ($1.id, ws.depreciationByClass.row($0)) }
        incentivesByItem = model.incentives.enumerated().map { ($1.id, ws.incentiveByItem.row($0)) }
    }
}

extension Scenario {
    /// Compiles and evaluates the scenario, each module's work done once.
    ///
    /// - Throws: `ScenarioErrors` for an invalid scenario, or one whose numbers are so large
    ///   that the pro forma overflows (reported rather than let NaN or infinity reach a report).
    public func evaluate() throws(ScenarioErrors) -> Evaluation {
        try withModuleContributions().evaluate()
    }
}

extension ContributedScenario {
    /// Compiles and evaluates the contributed scenario, with what its modules reported.
    ///
    /// - Throws: `ScenarioErrors` for an invalid scenario, or one whose numbers are so large
    ///   that the pro forma overflows (reported rather than let NaN or infinity reach a report).
    public func evaluate() throws(ScenarioErrors) -> Evaluation {
        var evaluation = Evaluation(try compile())
        for y in evaluation.years {
            for (name, value) in y.columns where !(value ?? 0).isFinite {
                throw ScenarioErrors([ScenarioIssue(file: scenario.sourceFile, keyPath: "", message: "the pro forma is not finite in \(y.year) (\(name)); some inputs are too large")])
            }
        }
        evaluation.moduleReports = moduleReports
        return evaluation
    }
}
