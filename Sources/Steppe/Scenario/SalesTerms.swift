/// How a domain module's output is sold: first-year price, yearly escalation and output VAT.
///
/// Shared by the modules (hydrogen, dairy) so that one reader and one set of defaults serve all.
public struct SalesTerms: Sendable, Equatable {
    /// Yuan per unit in the first operating year, excluding VAT.
    public var price: Double
    public var escalation: Double
    public var vatRate: Double

    public init(price: Double, escalation: Double = 0, vatRate: Double = 0) {
        self.price = price; self.escalation = escalation; self.vatRate = vatRate
    }

    /// Reads `{price, escalation, vatRate}`.
    static func read(_ f: SourceField) -> SalesTerms? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let price = o.required("price")?.double(min: 0)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        guard let price else { return nil }
        return SalesTerms(price: price, escalation: escalation, vatRate: vat)
    }
}
