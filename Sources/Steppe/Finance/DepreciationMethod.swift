/// How a basis is spread over an asset's life.
public enum DepreciationMethod: Sendable, Equatable {
    case straightLine
    /// Declining balance at `factor / life` a year, switching to straight line when that is larger.
    case decliningBalance(factor: Double)
    case sumOfYearsDigits
}
