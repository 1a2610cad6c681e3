/// A financial metric that is either a finite number or undefined for a stated reason.
///
/// Steppe never lets NaN or infinity reach a report: an IRR without a sign change,
/// a payback that never happens or a DSCR without debt service is `.undefined`,
/// and the reason travels with it into JSON (`null` plus an entry in `undefined`).
public enum MetricValue: Sendable, Equatable, CustomStringConvertible {
    case value(Double)
    case undefined(String)

    /// Wraps `x`, turning a non-finite number into `.undefined(reason)`.
    @inlinable
    public static func finite(_ x: Double, orUndefined reason: String) -> MetricValue {
        x.isFinite ? .value(x) : .undefined(reason)
    }

    /// The number, or `nil` when undefined.
    @inlinable
    public var number: Double? {
        if case .value(let x) = self { return x }
        return nil
    }

    /// The reason, or `nil` when defined.
    public var reason: String? {
        if case .undefined(let r) = self { return r }
        return nil
    }

    public var description: String {
        switch self {
        case .value(let x): return "\(x)"
        case .undefined(let r): return "undefined (\(r))"
        }
    }
}
