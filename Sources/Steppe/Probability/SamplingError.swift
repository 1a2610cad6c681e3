/// Why a distribution, correlation matrix, sampler or price process was
/// rejected. The message names the parameter and the offending values.
public enum SamplingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Bad distribution parameters, e.g. "PERT needs min <= mode <= max (got min 5, mode 3, max 9)".
    case invalidDistribution(String)
    /// A rank-correlation target that is not a valid correlation matrix.
    case invalidCorrelation(String)
    /// A sampler that cannot be built for the requested size.
    case invalidSampler(String)
    /// Bad price-process parameters.
    case invalidProcess(String)

    public var description: String {
        switch self {
        case .invalidDistribution(let m), .invalidCorrelation(let m), .invalidSampler(let m), .invalidProcess(let m):
            return m
        }
    }
}

/// A number as people write it: 5 rather than 5.0, otherwise Swift's
/// shortest round-tripping form.
func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}
