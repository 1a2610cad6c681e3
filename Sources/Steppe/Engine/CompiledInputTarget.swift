/// The compiled quantity an uncertain input of a scenario drives: a row or a value of the
/// `CompiledModel`, named by the index compilation gave it.
///
/// `Scenario.compile` records, for every number of the file that may be uncertain, the target it
/// became (`CompiledModel.inputBindings`); Monte Carlo binds its draws through that record, so it
/// never re-derives indices from key paths or from the order in which modules add lines.
public enum CompiledInputTarget: Sendable, Equatable {
    case productPrice(Int), productQuantity(Int), productEscalation(Int), productQuantityGrowth(Int)
    case costPrice(Int), costQuantity(Int), costPerUnit(Int), costEscalation(Int)
    /// A staff group's headcount and the cost line it is the quantity of.
    case headcount(staff: Int, costLine: Int)
    /// One capex item: its asset class, year index and base amount (yuan).
    case capex(assetClass: Int, year: Int, amount: Double)
    case loanRate(Int), citRate, incentiveScale(Int)
    /// A number of a module's own model (`ModuleUncertainInput.Drives.ownParameter`): no entry of the
    /// compiled model; the module's per-path hook finds the input by its key path and reads its draw.
    /// (No payload, so the per-path loop copies targets without reference counting.)
    case moduleParameter
}

/// What an uncertain input of the file became in the compiled model.
public struct CompiledInputBinding: Sendable, Equatable {
    /// The quantity it drives; nil for a number of a disabled incentive (nothing to vary).
    public var target: CompiledInputTarget?
    /// Why the base value and every draw must be positive (nil: no such constraint).
    public var mustStayPositiveBecause: String?
    /// The values every draw must lie in (nil: any).
    public var drawsWithin: ClosedRange<Double>?

    public init(_ target: CompiledInputTarget?, mustStayPositiveBecause: String? = nil, drawsWithin: ClosedRange<Double>? = nil) {
        self.target = target; self.mustStayPositiveBecause = mustStayPositiveBecause; self.drawsWithin = drawsWithin
    }
}
