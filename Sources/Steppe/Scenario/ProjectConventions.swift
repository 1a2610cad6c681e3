/// How the pro forma times, charges and counts what the feasibility-study method and Steppe's own
/// default treat differently (`conventions:` in the scenario; docs/conventions.md).
///
/// Why a setting: a feasibility study (可行性研究报告) and a bank's credit review follow the national
/// method 《建设项目经济评价方法与参数》(第三版, 2006), whose conventions move the numbers a user compares
/// (construction interest, valuation date, payback, working capital). `steppe` keeps today's results
/// byte for byte; `cn-feasibility` switches every convention to the method's, and each switch can
/// also be set on its own.
public struct ProjectConventions: Sendable, Equatable {
    /// A named set of conventions: the starting point that single switches then change.
    public enum Preset: String, Sendable, Equatable, CaseIterable {
        /// Steppe's conventions (the default): year-end draws, valuation at the end of the start year.
        case steppe
        /// The method's: half-year construction interest, residual value recovered, valuation at the
        /// start of construction, payback from the start of construction.
        case cnFeasibility = "cn-feasibility"
    }
    /// How interest accrues on a construction year's draws.
    public enum ConstructionInterest: String, Sendable, Equatable, CaseIterable {
        /// Drawn at the end of the year: a year's draw bears interest from the next year.
        case yearEndDraws
        /// The method's half-year rule (本年借款/2): interest = (opening balance + draw / 2) × rate,
        /// as if the draws were spread evenly over the year; capitalised like the other.
        case halfYear
    }
    /// The date NPVs are valued at.
    public enum ValuationDate: String, Sendable, Equatable, CaseIterable {
        /// 31 December of the start year: year index t is discounted t years.
        case endOfStartYear
        /// 1 January of the start year, the first construction year of the method's calculation
        /// period: year index t is discounted t + 1 years (the method's (1+i)^-t with t = 1 for the
        /// first year), so every NPV is the default's divided by (1 + rate).
        case constructionStart
    }
    public var preset: Preset
    public var constructionInterest: ConstructionInterest
    public var valuationDate: ValuationDate
    /// Where paybacks are counted from, and which crossing counts (`PaybackStart`, beside the payback in Finance/).
    public var payback: PaybackStart
    /// Whether the book value left is recovered in the last year (the preset's default for the
    /// scenario's `recoverResidualValue`, which a scenario may still set).
    public var recoversResidualValue: Bool
    /// Working capital (流动资金), nil for none (the default of both presets: it needs a ratio).
    public var workingCapital: WorkingCapital?

    public init(_ preset: Preset = .steppe) {
        self.preset = preset
        switch preset {
        case .steppe:
            constructionInterest = .yearEndDraws; valuationDate = .endOfStartYear; payback = .valuationDate
            recoversResidualValue = false
        case .cnFeasibility:
            constructionInterest = .halfYear; valuationDate = .constructionStart; payback = .constructionStart
            recoversResidualValue = true
        }
        workingCapital = nil
    }

    /// Steppe's own conventions, the default.
    public static let steppe = ProjectConventions(.steppe)
    /// The method's conventions (without working capital, which needs the scenario's ratio).
    public static let cnFeasibility = ProjectConventions(.cnFeasibility)

    /// Years of discounting added to every year index: 1 when valued at the start of construction.
    public var discountYearsBeforeStartYear: Int { valuationDate == .constructionStart ? 1 : 0 }
}
