/// A number of a module's section that may be uncertain, and the line the module contributes that
/// it drives: the module's declaration, which the reader (which key paths may be uncertain) and
/// `Scenario.compile` (which compiled quantity each one drives) read, so neither names a module's keys.
public struct ModuleUncertainInput: Sendable {
    /// A quantity of a line the module contributes, by the line's id.
    public enum Drives: Sendable {
        case productPrice(id: String), productEscalation(id: String)
        case costPrice(id: String), costEscalation(id: String)
        /// A number of the module's own model (the hydrogen plant's capacities, efficiency, stack
        /// life): no compiled line, so a path's draw is read by the module's per-path hook, which
        /// runs the model with it (`ModulePathModel`). One draw per path (a distribution).
        case ownParameter
    }
    /// Key path under the module's section, e.g. `water.price`.
    public var field: String
    public var drives: Drives
    /// Why the base value and every draw must be positive (nil: no such constraint).
    public var mustStayPositiveBecause: String?
    /// The values every draw must lie in: those the file accepts for the number (nil: any).
    public var drawsWithin: ClosedRange<Double>?

    public init(field: String, drives: Drives, mustStayPositiveBecause: String? = nil, drawsWithin: ClosedRange<Double>? = nil) {
        self.field = field; self.drives = drives; self.mustStayPositiveBecause = mustStayPositiveBecause
        self.drawsWithin = drawsWithin
    }
}
