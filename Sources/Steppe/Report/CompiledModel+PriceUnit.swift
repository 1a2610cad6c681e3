extension CompiledModel {
    /// The unit of the break-even price and the levelized cost: yuan per unit of the first product,
    /// named ("CNY/kg of hydrogen", "CNY/t of raw-milk"), since both are taken over that product
    /// (`Metrics.levelizedCost`, the break-even price convention). "CNY/unit" without products.
    ///
    /// Why: both once read "CNY/unit" whatever the project made (issue 25).
    public var priceUnit: String {
        guard let id = productIDs.first else { return "CNY/unit" }
        let unit = productUnits.first.flatMap { $0.isEmpty ? nil : $0 } ?? "unit"
        return "CNY/\(unit) of \(id)"
    }
}
