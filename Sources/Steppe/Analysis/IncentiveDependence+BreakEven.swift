extension IncentiveDependence {
    /// Whether, and how much of, an incentive the project needs to reach a target value.
    ///
    /// Why not just a fraction: "0%" read as "the incentive is worthless" where it meant "the
    /// project breaks even without it"; the two answers are now told apart.
    public enum BreakEven: Sendable, Equatable {
        /// The value reaches the target without the incentive: it is not needed for that.
        case notNeeded
        /// The smallest fraction of the incentive at which the value reaches the target.
        case fraction(Double)
        /// Even the full incentive leaves the value below the target.
        case notEnough
        /// The value is undefined for some fraction (e.g. an IRR without a sign change).
        case undefined

        /// The JSON key of the case (`breakEven`).
        public var key: String {
            switch self {
            case .notNeeded: "notNeeded"
            case .fraction: "fraction"
            case .notEnough: "notEnough"
            case .undefined: "undefined"
            }
        }

        /// Why there is no fraction (for `breakEvenNote`).
        public var note: String {
            switch self {
            case .notNeeded: "not needed: the equity NPV stays at or above 0 without it"
            case .fraction: ""
            case .notEnough: "even the full incentive does not bring the equity NPV to zero"
            case .undefined: "the equity NPV is undefined for some fraction of the incentive"
            }
        }

        /// The short label of a case's key in tables ("not needed", "not enough").
        public static func label(ofKey key: String) -> String {
            switch key {
            case "notNeeded": "not needed"
            case "notEnough": "not enough"
            default: "-"
            }
        }
    }

    /// The smallest fraction of incentive `i` (the others as configured) at which `value` reaches
    /// `target`, or why there is none. Assumes the value rises with the fraction; found by
    /// bisection to 1e-9.
    public func breakEven(of i: Int, target: Double = 0, _ value: Value) -> BreakEven {
        func v(_ f: Double) -> Double? {
            var scales = [Double](repeating: 1, count: model.incentives.count)
            scales[i] = f
            return self.value(scales: scales, value)
        }
        guard let none = v(0), let full = v(1) else { return .undefined }
        if none >= target { return .notNeeded }
        if full < target { return .notEnough }
        var lo = 0.0, hi = 1.0
        while hi - lo > 1e-9 {
            let mid = 0.5 * (lo + hi)
            guard let x = v(mid) else { return .undefined }
            if x >= target { hi = mid } else { lo = mid }
        }
        return .fraction(hi)
    }
}
