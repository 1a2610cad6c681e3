/// Readable names of uncertain inputs for tornado, spider and Sobol tables: the item's id and
/// what varies, with its unit, instead of the key path.
///
/// Why: the tornado once read `products[0].price` and `capex[0].amount` (issue 25); a finance user
/// looks for "hydrogen price (yuan/kg)" and "capex 2026 wind-pv (yuan)".
extension Scenario {
    /// "hydrogen price (yuan/kg)" for `products[0].price`; "policy risk of <id>" for
    /// `policyRisk:<id>`; a per-year multiplier says so in place of the unit. Unknown paths stay as given.
    public func inputLabel(for keyPath: String, multiplier: Bool = false) -> String {
        if keyPath.hasPrefix("policyRisk:") { return "policy risk of \(keyPath.dropFirst("policyRisk:".count))" }
        let index = Self.firstListIndex(in: keyPath)
        let field = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
        func item<T>(_ list: [T]) -> T? { index.flatMap { list.indices.contains($0) ? list[$0] : nil } }
        let named: (name: String, unit: String)?
        switch UncertainInput.pattern(of: keyPath) {
        case "products[].price": named = item(products).map { ("\($0.id) price", "yuan/\($0.unit)") }
        case "products[].quantity": named = item(products).map { ("\($0.id) quantity", "\($0.unit)/year") }
        case "products[].escalation": named = item(products).map { ("\($0.id) price escalation", "per year") }
        case "products[].quantityGrowth": named = item(products).map { ("\($0.id) quantity growth", "per year") }
        case "operatingCosts[].price": named = item(operatingCosts).map { ("\($0.id) price", "yuan/\($0.unit)") }
        case "operatingCosts[].annualAmount": named = item(operatingCosts).map { ("\($0.id) amount", "yuan/year") }
        case "operatingCosts[].annualQuantity": named = item(operatingCosts).map { ("\($0.id) quantity", "\($0.unit)/year") }
        case "operatingCosts[].quantityPerUnit": named = item(operatingCosts).map { ("\($0.id) use per unit of output", $0.unit) }
        case "operatingCosts[].escalation": named = item(operatingCosts).map { ("\($0.id) escalation", "per year") }
        case "labour[].annualWage": named = item(labour).map { ("\($0.role) wage", "yuan/person-year") }
        case "labour[].headcount": named = item(labour).map { ("\($0.role) headcount", "persons") }
        case "labour[].escalation": named = item(labour).map { ("\($0.role) wage escalation", "per year") }
        case "capex[].amount": named = item(capex).map { ("capex \($0.year) \($0.assetClass)", "yuan") }
        case "land.pricePerMu": named = ("land price", "yuan/mu")
        case "land.annualRentPerMu": named = ("land rent", "yuan/mu-year")
        case "financing.loans[].rate": named = item(financing.loans).map { ("\($0.id) interest rate", "per year") }
        case "tax.citRate": named = ("CIT rate", "")
        default:
            if keyPath.hasPrefix("incentives["), let incentive = item(incentives) {
                named = ("\(incentive.id) \(field)", "")
            } else {
                named = nil
            }
        }
        guard let named else { return keyPath }
        let unit = multiplier ? "yearly multiplier" : named.unit
        return unit.isEmpty ? named.name : "\(named.name) (\(unit))"
    }

    /// 2 for `products[2].price`: which item of its list a key path names (nil without an index).
    static func firstListIndex(in keyPath: String) -> Int? {
        guard let open = keyPath.firstIndex(of: "["), let close = keyPath[open...].firstIndex(of: "]") else { return nil }
        return Int(keyPath[keyPath.index(after: open)..<close])
    }
}
