/// The share of a project's value that rests on its incentives, (all − none) / all, reported
/// only where it means something.
///
/// Why a rule: the ratio explodes when the equity NPV with all incentives is near zero
/// (a 3,000-head dairy farm read "1004%": 5.86 M with all, −52.97 M with none), flips sign when
/// it is negative, and exceeds 100% whenever the project loses value without incentives, where
/// "share" stops meaning a part of a whole. In those cases the report gives the absolute
/// amounts (with all, with none, what the incentives add) and says why there is no share.
public enum IncentiveShare: Sendable, Equatable {
    /// A fraction in [0, 1] of the value with all incentives.
    case share(Double)
    /// No meaningful share, with the reason.
    case notMeaningful(String)

    /// The threshold below which an equity NPV is "near zero": 0.5% of the present value of the
    /// investment (capex at the equity rate), at least 1 yuan. A share of an NPV that small
    /// is noise around break-even.
    public static func materiality(of model: CompiledModel) -> Double {
        var investment = 0.0
        for t in 0..<model.yearCount {
            for c in model.assetClasses.indices { investment += model.capex[c, t] * model.equityDiscountFactors[t] }
        }
        return max(1, 0.005 * investment)
    }

    public init(all: Double?, none: Double?, materiality: Double) {
        guard let all, let none, all.isFinite, none.isFinite else {
            self = .notMeaningful("the equity NPV with or without incentives is undefined")
            return
        }
        if all <= 0 {
            self = .notMeaningful("the equity NPV is not positive even with every incentive")
        } else if all < materiality {
            self = .notMeaningful("the equity NPV with every incentive is near zero (below 0.5% of the present value of the investment), so a share of it would be noise")
        } else if none < 0 {
            self = .notMeaningful("without incentives the equity NPV is negative: the project's whole value, and more, rests on them")
        } else {
            self = .share((all - none) / all)
        }
    }
}
