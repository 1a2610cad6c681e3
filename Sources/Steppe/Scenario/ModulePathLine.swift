/// A line of the compiled pro forma that a module's per-path model writes (`ModulePathModel`): which
/// quantity of which line, over which of the model's years.
///
/// A line names its target by the id the module gave it when contributing (a product, an operating cost
/// line, an asset class), never by a row index, so the engine binds it to the compiled model's rows itself.
/// A target the compiled model lacks (a cost line the base case did not need) is not written.
public struct ModulePathLine: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A product's quantity (its unit a year), by the product's id.
        case productQuantity(id: String)
        /// A product's price (yuan per unit), by the product's id.
        case productPrice(id: String)
        /// An operating cost line's quantity, by the line's id.
        case costQuantity(id: String)
        /// An amount (yuan) added to an asset class's capex in each year: the engine starts from the class's
        /// capex without the module's path-dependent items (`ModulePathModel.moduleWithoutPathCapex`) and adds
        /// the capex lines in the order the model lists them, as the compiler adds the module's items.
        case capex(assetClass: String)
    }

    public var target: Target
    /// Indices of the model's years the line writes (0: the first project year); the other years keep the
    /// compiled values.
    public var years: Range<Int>

    public init(_ target: Target, years: Range<Int>) {
        self.target = target; self.years = years
    }
}
