import Foundation

/// The outcome of an internal-rate-of-return search.
public enum IRRResult: Sendable, Equatable {
    /// Exactly one rate in (-99%, 10 000%) sets the NPV to zero.
    case unique(Double)
    /// The flows never change sign, so no rate sets the NPV to zero.
    case noSignChange
    /// The flows change sign but no root was found in the searched range.
    case noRoot
    /// Several rates set the NPV to zero; all are listed, in increasing order.
    case multipleRoots([Double])

    /// The rate as a metric: undefined, with the reason, unless the root is unique.
    public var metric: MetricValue {
        switch self {
        case .unique(let r): return .value(r)
        case .noSignChange: return .undefined("IRR undefined: the cash flows never change sign")
        case .noRoot: return .undefined("IRR undefined: no rate between -99% and 10000% sets NPV to zero")
        case .multipleRoots(let roots):
            let list = roots.map { String(format: "%.6g%%", $0 * 100) }.joined(separator: ", ")
            return .undefined("IRR undefined: several rates set NPV to zero (\(list))")
        }
    }
}

/// The internal rate of return of yearly cash flows (end-of-year timing).
///
/// Conventions and guarantees:
/// - No sign change gives `.noSignChange`; numpy-financial returns NaN there.
/// - One sign change gives a unique root (Descartes' rule in `x = 1/(1+r)`),
///   found by bracketed Newton-bisection to machine precision.
/// - Several sign changes: the NPV is scanned on a grid of `ln(1+r)` over
///   (-99%, 10 000%) and every bracketed root is refined. Two roots within one fine step
///   (where the NPV turns between them, e.g. 10% and 10.3%) are separated at the turning
///   point. More than one root gives `.multipleRoots` rather than a silently chosen one
///   (numpy-financial returns the root closest to zero). Roots where the NPV touches zero
///   without crossing it are not detected.
///
/// - Complexity: O(*n*) for one sign change; otherwise O(*n* · 230) for the coarse grid plus
///   O(*n* · 8) for each cell where the NPV or its slope changes sign. Two roots inside one
///   coarse cell (within about 4% of 1 + r) whose slope has the same sign at both ends of the cell
///   are not detected. Allocates only when a second root is found.
public func internalRateOfReturn<C: RandomAccessCollection>(_ flows: C) -> IRRResult
where C.Element == Double, C.Index == Int {
    var signChanges = 0
    var lastSign = 0.0
    for v in flows where v != 0 {
        let s: Double = v > 0 ? 1 : -1
        if lastSign != 0 && s != lastSign { signChanges += 1 }
        lastSign = s
    }
    if signChanges == 0 { return .noSignChange }

    if signChanges == 1 {
        // NPV(r) -> sign of the last nonzero flow as r -> -1, first as r -> infinity.
        var lo = -0.99
        var hi = 1.0
        var valueLo = npvAt(flows, rate: lo)
        if valueLo == 0 { return .unique(lo) }
        while true {
            let valueHi = npvAt(flows, rate: hi)
            if valueHi == 0 { return .unique(hi) }
            if (valueHi > 0) != (valueLo > 0) { break }
            // The search stops at 10 000%, the range `.unique` promises (as the scan of several roots does).
            if hi >= 100 { return .noRoot }
            lo = hi; valueLo = valueHi
            hi = min(hi * 2, 100)
        }
        // Start at 10%, a typical project return, when the bracket holds it: one Halley step fewer on
        // average than the bracket's midpoint (measured on random conventional flows).
        return .unique(refineRoot(flows, lo: lo, hi: hi, valueAtLo: valueLo, start: lo < 0.1 && 0.1 < hi ? 0.1 : nil))
    }

    // A coarse grid of 230 cells over ln(1+r); a cell is scanned at the fine resolution (8 steps)
    // only where the NPV or its slope changes sign, since elsewhere the NPV is monotone with one
    // sign across the cell and cannot vanish. Nothing is allocated unless a second root turns up.
    let fineSteps = IRRGrid.fineSteps, stride = IRRGrid.stride
    let grid = IRRGrid.rates
    @inline(__always) func rateAt(_ i: Int) -> Double { grid[i] }
    var count = 0, firstRoot = 0.0
    var roots: [Double] = []
    var lo = 0
    var rateLo = rateAt(0)
    var (valueLo, slopeLo) = npvAndSlopeAt(flows, rate: rateLo)
    if valueLo == 0 { count = 1; firstRoot = rateLo }
    while lo < fineSteps {
        let hi = lo + stride
        let rateHi = rateAt(hi)
        let (valueHi, slopeHi) = npvAndSlopeAt(flows, rate: rateHi)
        let crosses = valueLo != 0 && valueHi != 0 && (valueHi > 0) != (valueLo > 0)
        if crosses || valueHi == 0 || (slopeHi > 0) != (slopeLo > 0) {
            func record(_ root: Double) {
                if count == 0 { firstRoot = root } else {
                    if count == 1 { roots = [firstRoot] }
                    roots.append(root)
                }
                count += 1
            }
            var previousRate = rateLo, previous = valueLo, previousSlope = slopeLo
            for i in (lo + 1)...hi {
                let rate = rateAt(i)
                let (value, slope) = npvAndSlopeAt(flows, rate: rate)
                if value == 0 {
                    record(rate)
                } else if previous != 0 && (value > 0) != (previous > 0) {
                    record(refineRoot(flows, lo: previousRate, hi: rate))
                } else if previous != 0 && (slope > 0) != (previousSlope > 0),
                          let split = rateBeyondZero(flows, lo: previousRate, hi: rate, sign: previous, slopeAtLo: previousSlope) {
                    // Two roots within one fine step, about the NPV's turning point: both refined.
                    record(refineRoot(flows, lo: previousRate, hi: split))
                    record(refineRoot(flows, lo: split, hi: rate))
                }
                previous = value
                previousRate = rate
                previousSlope = slope
            }
        }
        lo = hi; rateLo = rateHi; valueLo = valueHi; slopeLo = slopeHi
    }
    if count == 1 { roots = [] }
    switch count {
    case 0: return .noRoot
    case 1: return .unique(firstRoot)
    default: return .multipleRoots(roots)
    }
}

/// A rate in (`lo`, `hi`) where the NPV has the sign opposite to `sign`, its sign at both ends,
/// found by bisecting towards the NPV's turning point (the slope changes sign in the step); nil
/// when the turning point does not reach zero (no root, or a double root that only touches it).
func rateBeyondZero<C: RandomAccessCollection>(_ flows: C, lo loIn: Double, hi hiIn: Double, sign: Double,
                                               slopeAtLo: Double) -> Double?
where C.Element == Double, C.Index == Int {
    var lo = loIn, hi = hiIn
    for _ in 0..<100 {
        let mid = 0.5 * (lo + hi)
        guard mid > lo && mid < hi else { return nil }
        let (value, slope) = npvAndSlopeAt(flows, rate: mid)
        if value != 0 && (value > 0) != (sign > 0) { return mid }
        if (slope > 0) == (slopeAtLo > 0) { lo = mid } else { hi = mid }
    }
    return nil
}

/// The rates at which flows with several sign changes are scanned: `fineSteps` equal steps of
/// ln(1 + r) from -99% to 10 000%, a coarse cell every `stride` steps. Computed once, so that the
/// scalar and the lane scan read the same doubles.
enum IRRGrid {
    static let fineSteps = 1_840, stride = 8
    static let rates: [Double] = {
        let uLo = log(0.01), uHi = log(101.0)
        return (0...fineSteps).map { i in exp(uLo + (uHi - uLo) * Double(i) / Double(fineSteps)) - 1 }
    }()
}

/// NPV at `rate` by Horner's rule in `x = 1/(1+rate)` (end-of-year timing).
@inlinable
func npvAt<C: RandomAccessCollection>(_ flows: C, rate: Double) -> Double
where C.Element == Double, C.Index == Int {
    let x = 1 / (1 + rate)
    var acc = 0.0
    var i = flows.endIndex
    while i > flows.startIndex {
        i -= 1
        acc = acc * x + flows[i]
    }
    return acc
}

/// The NPV at `rate` and the sign-carrying slope dP/dx of the polynomial in x = 1/(1+rate)
/// (dNPV/drate = -x² dP/dx, so the two change sign together), by one Horner pass.
@inlinable
func npvAndSlopeAt<C: RandomAccessCollection>(_ flows: C, rate: Double) -> (Double, Double)
where C.Element == Double, C.Index == Int {
    let x = 1 / (1 + rate)
    var p = 0.0, dp = 0.0
    var i = flows.endIndex
    while i > flows.startIndex {
        i -= 1
        dp = dp * x + p
        p = p * x + flows[i]
    }
    return (p, dp)
}

/// The NPV at `rate` and its first and second derivatives with respect to the rate, by one
/// Horner pass over the polynomial P in x = 1/(1+rate): dx/dr = -x², d²x/dr² = 2x³.
@inlinable
func npvAndDerivativesAt<C: RandomAccessCollection>(_ flows: C, rate: Double) -> (Double, Double, Double)
where C.Element == Double, C.Index == Int {
    let x = 1 / (1 + rate)
    var p = 0.0, dp = 0.0, ddp = 0.0   // P, P', P''/2
    var i = flows.endIndex
    while i > flows.startIndex {
        i -= 1
        ddp = ddp * x + dp
        dp = dp * x + p
        p = p * x + flows[i]
    }
    let x2 = x * x
    return (p, -dp * x2, 2 * ddp * x2 * x2 + 2 * dp * x2 * x)
}

/// Halley steps (cubic convergence: about four from a 10% start on typical project flows) kept
/// inside a shrinking sign-change bracket, with bisection as the fallback.
///
/// - Parameters:
///   - valueAtLo: the NPV at `lo`, if the caller has it.
///   - start: the first iterate (default: the bracket's midpoint).
@usableFromInline
func refineRoot<C: RandomAccessCollection>(_ flows: C, lo loIn: Double, hi hiIn: Double,
                                           valueAtLo: Double? = nil, start: Double? = nil) -> Double
where C.Element == Double, C.Index == Int {
    var lo = loIn, hi = hiIn
    var fLo = valueAtLo ?? npvAt(flows, rate: lo)
    var r = start ?? 0.5 * (lo + hi)
    for _ in 0..<200 {
        let (f, d1, d2) = npvAndDerivativesAt(flows, rate: r)
        if f == 0 { return r }
        if (f > 0) == (fLo > 0) { lo = r; fLo = f } else { hi = r }
        let denominator = 2 * d1 * d1 - f * d2
        var next = denominator != 0 ? r - 2 * f * d1 / denominator : .nan
        if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
        if abs(next - r) <= 1e-15 * max(1, abs(r)) || hi - lo <= 1e-16 * max(1, abs(r)) {
            return next
        }
        r = next
    }
    return r
}
