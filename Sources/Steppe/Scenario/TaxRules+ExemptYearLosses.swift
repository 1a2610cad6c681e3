extension TaxRules {
    /// Whether the income of a tax holiday's exempt years uses up losses carried forward, by default.
    ///
    /// Why it depends on the holiday's kind: on the annual CIT return (A100000, 企业所得税年度纳税申报表
    /// A类, 2017 version and later) line 20 所得减免 is deducted before line 21 弥补以前年度亏损. A holiday
    /// counted from the first revenue year is a project-income exemption of 企业所得税法 Art. 27 and
    /// 实施条例 Arts. 87-88 (取得第一笔生产经营收入所属纳税年度起, 三免三减半), reported on line 20: exempt
    /// income leaves the losses for later years (SAT announcement 2010 No. 20, Art. 2, says the same:
    /// exempt project income may not absorb losses). A holiday counted from the first profit year
    /// (获利年度) exempts the tax computed on line 23 after the losses of line 21 are offset (A107040,
    /// line 29 减免所得税额): the exempt year's income has used them up.
    ///
    /// Assumption: the return's line order and the announcement are not in the seeds; this is our
    /// reading of them. Losses of an exempt year still carry forward, and the reduced (减半) years
    /// still offset losses against their whole income at the reduced rate (not half the income at the
    /// full rate, as line 20 would), a simplification.
    public static func usesLossesInExemptYears(countFrom: Incentive.HolidayStart) -> Bool {
        countFrom == .firstProfitYear
    }
}
