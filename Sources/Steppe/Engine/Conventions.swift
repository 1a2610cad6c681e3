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
        let c = model.conventions
        var lines = [
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
        // Only conventions that differ from Steppe's change the text, so default results keep their bytes.
        guard c != .steppe else { return lines }
        func set(_ key: String, _ text: String) {
            if let i = lines.firstIndex(where: { $0.0 == key }) { lines[i].1 = text } else { lines.append((key, text)) }
        }
        set("conventions", "\(c.preset.rawValue) preset; construction interest \(c.constructionInterest.rawValue), valuation \(c.valuationDate.rawValue), payback from \(c.payback.rawValue), residual value \(model.recoverResidualValue ? "recovered" : "not recovered") (docs/conventions.md)")
        if c.valuationDate == .constructionStart {
            set("valuationDate", "\(model.startYear)-01-01 (start of construction, the first year of the calculation period)")
            set("discounting", model.timing == .endOfYear
                ? "end of year from the start of construction: the flow of year index t (t = 0 is \(model.startYear)) is discounted by (1+r)^-(t+1)"
                : "mid-year from the start of construction: the flow of year index t (t = 0 is \(model.startYear)) is discounted by (1+r)^-(t+0.5)")
        }
        if c.payback == .constructionStart {
            set("payback", "years from the start of construction (\(model.startYear)-01-01) to the year T from which the cumulative project cash flow (equity payback: the equity cash flow) stays non-negative: T - 1 + |cumulative of year T-1| / flow of year T (the method's formula; when the cumulative turns negative again, the later crossing counts)")
        }
        if c.constructionInterest == .halfYear {
            set("cashTiming", "all flows at the end of their calendar year, except construction-loan draws: spread over their year, interest of a construction year = (opening balance + draw/2) x rate (half-year rule), capitalised")
        }
        if let w = c.workingCapital, let d = w.turnoverDays {
            set("workingCapital", "by days of turnover on each operating year's operating cost (360-day year): receivables \(d.receivables), inventories \(d.inventories), cash \(d.cash) less payables \(d.payables) days, the increase invested in the year, all recovered in the last year; \(w.ownFundedShare) of it from equity, the rest a loan at \(w.loanRate) a year, interest for the full year, repaid in the last year (in the debt lines)")
        } else if let w = c.workingCapital {
            set("workingCapital", "\(w.share) of each operating year's \(w.basis == .revenue ? "revenue" : "operating cost"), the increase invested in the year, all recovered in the last year; \(w.ownFundedShare) of it from equity, the rest a loan at \(w.loanRate) a year, interest for the full year, repaid in the last year (in the debt lines)")
        }
        return lines
    }
}
