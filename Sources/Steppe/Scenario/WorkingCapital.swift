/// Working capital (流动资金) by the method's ratio estimate (扩大指标估算法): each operating year
/// needs `share` of its revenue or of its operating cost; the increase over the previous year is
/// invested in the year, and the whole is recovered (回收流动资金) in the last year.
///
/// Funding: `ownFundedShare` of it from equity (铺底流动资金), the rest from a working-capital loan
/// that follows the requirement, pays interest for the full year on its balance, is never amortised
/// and is repaid in the last year.
///
/// Assumptions (the seeds state none of these): the ratio method, the 30% own-funded share and
/// full-year interest on the working-capital loan are the method's practice, 《建设项目经济评价方法与
/// 参数》(第三版, 2006); the loan rate is the scenario's.
public struct WorkingCapital: Sendable, Equatable {
    /// What the requirement is a share of.
    public enum Basis: String, Sendable, Equatable, CaseIterable {
        /// 营业收入资金率: share of the year's revenue.
        case revenue
        /// 经营成本资金率: share of the year's operating cost (opex).
        case operatingCost
    }
    /// Requirement as a share of the basis (0.15 = 15%).
    public var share: Double
    public var basis: Basis
    /// Share funded by equity (铺底流动资金); 0.3 by default (assumption: the method's practice).
    public var ownFundedShare: Double
    /// Yearly rate of the working-capital loan (required when part of it is borrowed).
    public var loanRate: Double

    /// The detailed method's days of turnover (nil with the ratio method).
    public var turnoverDays: TurnoverDays?

    public init(share: Double, of basis: Basis, ownFundedShare: Double = 0.3, loanRate: Double = 0) {
        self.share = share; self.basis = basis; self.ownFundedShare = ownFundedShare; self.loanRate = loanRate
    }

    /// The detailed method (分项详细估算法): receivables, inventories and cash less payables, each the
    /// year's operating cost over its turnover count (360 / days); the requirement is then the operating
    /// cost times their net days / 360, the same engine path as a ratio of operating cost.
    public init(turnoverDays days: TurnoverDays, ownFundedShare: Double = 0.3, loanRate: Double = 0) {
        self.init(share: days.netDays / TurnoverDays.daysInYear, of: .operatingCost, ownFundedShare: ownFundedShare, loanRate: loanRate)
        turnoverDays = days
    }
}

/// Days of turnover of the detailed working-capital estimate (流动资金详细估算法).
///
/// Simplification (labelled): every item turns over on the year's operating cost (经营成本). The method
/// bases receivables on operating cost too, but inventories on purchased materials, fuel, work in
/// progress and finished goods, cash on wages and other expenses, and payables on purchases; the
/// scenario's cost lines do not say which is which, so the days stand for the share of the whole cost.
/// 360 days a year, as the method counts (周转次数 = 360 / 最低周转天数).
public struct TurnoverDays: Sendable, Equatable {
    public static let daysInYear = 360.0
    /// 应收账款, 存货, 现金 (current assets) and 应付账款 (current liabilities), in days.
    public var receivables, inventories, cash, payables: Double

    public init(receivables: Double, inventories: Double, cash: Double, payables: Double) {
        self.receivables = receivables; self.inventories = inventories; self.cash = cash; self.payables = payables
    }

    /// Current assets' days less current liabilities' days.
    public var netDays: Double { receivables + inventories + cash - payables }

    /// Turnover count of an item held `days` days: 360 / days (nil for zero days: the item is not held).
    public static func turnovers(_ days: Double) -> Double? { days > 0 ? daysInYear / days : nil }

    /// The item held `days` days on a year's operating cost: cost / turnover count (zero when not held).
    public static func amount(_ days: Double, operatingCost: Double) -> Double {
        turnovers(days).map { operatingCost / $0 } ?? 0
    }
}
