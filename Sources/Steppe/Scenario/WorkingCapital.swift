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

    public init(share: Double, of basis: Basis, ownFundedShare: Double = 0.3, loanRate: Double = 0) {
        self.share = share; self.basis = basis; self.ownFundedShare = ownFundedShare; self.loanRate = loanRate
    }
}
