/// The columns of every displayed yearly cash-flow table (the text of `steppe evaluate` and the
/// report's table in HTML, Markdown and CSV), laid out so that they add up.
///
/// Why: the tables once showed revenue, opex, incentives, tax and capex but not the VAT cash cost,
/// the surtax or the residual value, so a year's CFADS or equity cash flow could not be rebuilt from
/// the row (issue 25). Here outflows are negative and each total is the sum of the columns before
/// it: CFADS = revenue + opex + VAT and surtax + incentives + income tax + capex (the engine's CFADS
/// is after capex and tax), and equity cash flow = CFADS + debt drawn + interest + principal +
/// residual value. The project (unlevered) cash flow is shown after them with its own footnote.
public enum CashFlowTable {
    public enum Role: Sendable, Equatable {
        /// A flow of the running sum: the engine's columns named by `keys`, summed, times `sign`.
        case flow
        /// The sum of the flows since the previous total (and that total); equals the engine's column `keys[0]`.
        case total
        /// Shown for reference, not part of the sums.
        case memo
    }

    public struct Column: Sendable {
        /// Engine columns (`Evaluation.Year.columns` keys, also the JSON `cashFlows` keys).
        public let keys: [String]
        public let sign: Double
        public let title: String
        /// At most 9 characters, for the text table.
        public let shortTitle: String
        public let role: Role
    }

    public static let columns: [Column] = [
        Column(keys: ["revenue"], sign: 1, title: "revenue", shortTitle: "revenue", role: .flow),
        Column(keys: ["opex"], sign: -1, title: "opex", shortTitle: "opex", role: .flow),
        Column(keys: ["vatCashCost", "surtax"], sign: -1, title: "VAT and surtax", shortTitle: "VAT+surt", role: .flow),
        Column(keys: ["incentives"], sign: 1, title: "incentives", shortTitle: "incent.", role: .flow),
        Column(keys: ["tax"], sign: -1, title: "income tax", shortTitle: "inc. tax", role: .flow),
        Column(keys: ["capex"], sign: -1, title: "capex", shortTitle: "capex", role: .flow),
        Column(keys: ["cfads"], sign: 1, title: "CFADS", shortTitle: "CFADS", role: .total),
        Column(keys: ["debtDrawdown"], sign: 1, title: "debt drawn", shortTitle: "debt in", role: .flow),
        Column(keys: ["interest"], sign: -1, title: "interest", shortTitle: "interest", role: .flow),
        Column(keys: ["principal"], sign: -1, title: "principal", shortTitle: "principal", role: .flow),
        Column(keys: ["residualValue"], sign: 1, title: "residual value", shortTitle: "residual", role: .flow),
        Column(keys: ["equityCashFlow"], sign: 1, title: "equity cash flow", shortTitle: "equity", role: .total),
        Column(keys: ["projectCashFlow"], sign: 1, title: "project cash flow", shortTitle: "project", role: .memo),
    ]

    /// Working capital recovered less invested (`ProjectConventions.workingCapital`), shown only in
    /// results that have it, before the equity total (its loan is in the debt columns).
    public static let workingCapitalColumn = Column(keys: ["workingCapital"], sign: 1, title: "working capital",
                                                    shortTitle: "work.cap.", role: .flow)

    /// The columns of a result with or without working capital.
    public static func columns(workingCapital: Bool) -> [Column] {
        guard workingCapital, let equity = columns.firstIndex(where: { $0.keys == ["equityCashFlow"] }) else { return columns }
        var shown = columns
        shown.insert(workingCapitalColumn, at: equity)
        return shown
    }

    /// The footnote of a result with or without working capital.
    public static func footnote(workingCapital: Bool) -> String {
        guard workingCapital else { return footnote }
        return footnote + " With working capital, equity cash flow adds working capital recovered less invested; its loan is in debt drawn, interest and principal."
    }

    /// What the reader needs to rebuild the totals, printed under every table.
    public static let footnote = """
        Outflows are negative. CFADS = revenue + opex + VAT and surtax + incentives + income tax + capex; \
        equity cash flow = CFADS + debt drawn + interest + principal + residual value (each row adds up, to \
        rounding). Project cash flow is unlevered: CFADS with the tax the project would pay without debt, \
        less interest subsidies, plus the residual value net of capitalised interest. Depreciation, taxable \
        income, VAT paid and the debt balance are in the yearly CSV (steppe evaluate --format csv).
        """

    /// The displayed values of one year, in `columns` order, from the engine's columns by key (yuan).
    /// nil where a key is missing.
    public static func values(workingCapital: Bool = false, _ value: (String) -> Double?) -> [Double?] {
        columns(workingCapital: workingCapital).map { column in
            var sum = 0.0
            for key in column.keys {
                guard let v = value(key) else { return nil }
                sum += v
            }
            return column.sign * sum
        }
    }
}
