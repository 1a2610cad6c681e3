/// The timing and discounting conventions, as stated in every report.
public enum Conventions {
    public static func lines(for model: CompiledModel) -> [(String, String)] {
        let timing: String
        switch model.timing {
        case .endOfYear:
            timing = "end of year: the flow of year index t (t = 0 is \(model.startYear)) is discounted by (1+r)^-t"
        case .midYear:
            timing = "mid-year: flows of years t >= 1 are discounted by (1+r)^-(t-0.5); the \(model.startYear) flow is not discounted"
        }
        return [
            ("currency", "\(model.currency) (yuan), nominal, excluding VAT"),
            ("valuationDate", "\(model.startYear)-12-31 (end of the start year)"),
            ("discounting", timing),
            ("projectRate", "\(model.projectRate) a year on project (unlevered, after-tax) cash flows"),
            ("equityRate", "\(model.equityRate) a year on equity (levered, after-tax) cash flows"),
            ("irr", "end-of-year; undefined when the flows never change sign or several rates give NPV 0"),
            ("payback", "years after the valuation date until the cumulative project cash flow (equity payback: the equity cash flow) turns non-negative, interpolated within the year"),
            ("cashTiming", "all flows at the end of their calendar year; loans drawn at the end of the capex year; interest during construction capitalised"),
            ("depreciation", "full year from the year after the capex, construction capex from the first operating year"),
            ("breakEvenPrice", "first-year price of \(model.productIDs.first ?? "the first product") (escalation kept) at which the equity NPV is zero"),
            ("levelizedCost", "PV of capex, opex, surtax and VAT cash cost less cash incentives, by-product revenue and residual value, over PV of output; before income tax and financing, at the project rate"),
        ]
    }
}
