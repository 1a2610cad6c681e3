/// Corporate income tax (CIT), loss carry-forward and VAT rules.
///
/// Reduced rates and tax holidays are incentives (`Incentive.Kind.taxRate`,
/// `.taxHoliday`), so that analyses can switch them off like any other incentive.
public struct TaxRules: Sendable, Equatable {
    /// How a tax holiday combines with a reduced rate in its reduced-rate years.
    public enum HolidayStacking: String, Sendable, Equatable, CaseIterable {
        /// The lower of the reduced rate and the holiday's reduced statutory rate
        /// (15% vs 25% x 0.5 = 12.5%): the firm chooses one preference, the reduced rate is not halved.
        /// Assumption: 国税函〔2010〕157号 (not in the seeds); extract-002-C E-6 "choose-one".
        case lowerOf
        /// The holiday factor applies to the reduced rate (15% x 0.5 = 7.5%).
        case halveReducedRate
    }
    /// What happens to a tax loss.
    public enum LossTreatment: String, Sendable, Equatable, CaseIterable {
        /// Carried forward for `lossCarryForwardYears` years, oldest first, then lost.
        case carryForward
        /// Used at once against other income (negative tax): the "losses monetised" of the oracle cases.
        case monetise
    }

    /// Statutory CIT rate: 25% (企业所得税法 Art. 4; assumption per extract-002-C E-0, not stated in the seeds).
    public var citRate: Double
    public var lossTreatment: LossTreatment
    /// Years a loss may be carried forward: 5 in China (assumption: 企业所得税法 Art. 18).
    public var lossCarryForwardYears: Int
    /// Largest share of a year's taxable income that carried losses may offset (1 = no limit).
    public var lossOffsetLimit: Double
    public var holidayStacking: HolidayStacking
    /// Whether income of a holiday's exempt years uses up losses carried forward (`exemptIncomeUsesLosses:`);
    /// nil: by the holiday's kind (`usesLossesInExemptYears(countFrom:)`).
    public var exemptIncomeUsesLosses: Bool? = nil
    /// Urban maintenance and education surtaxes as a share of VAT paid (7% + 3% + 2% = 12% in a city; assumption).
    public var vatSurtaxRate: Double

    public init(citRate: Double = 0.25, lossTreatment: LossTreatment = .carryForward, lossCarryForwardYears: Int = 5,
                lossOffsetLimit: Double = 1, holidayStacking: HolidayStacking = .lowerOf, vatSurtaxRate: Double = 0) {
        self.citRate = citRate; self.lossTreatment = lossTreatment; self.lossCarryForwardYears = lossCarryForwardYears
        self.lossOffsetLimit = lossOffsetLimit; self.holidayStacking = holidayStacking; self.vatSurtaxRate = vatSurtaxRate
    }
}
