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
/// The computation is `laneInternalRateOfReturn` on one lane: the Monte Carlo engine runs the same
/// code eight paths at a time.
///
/// - Complexity: O(*n*) for one sign change; otherwise O(*n* · 230) for the coarse grid plus
///   O(*n* · 8) for each cell where the NPV or its slope changes sign. Two roots inside one
///   coarse cell (within about 4% of 1 + r) whose slope has the same sign at both ends of the cell
///   are not detected. Allocates only when a second root is found, or when `flows` is not contiguous.
public func internalRateOfReturn<C: RandomAccessCollection>(_ flows: C) -> IRRResult
where C.Element == Double, C.Index == Int {
    if let result = flows.withContiguousStorageIfAvailable({ internalRateOfReturn($0) }) { return result }
    return Array(flows).withUnsafeBufferPointer { internalRateOfReturn($0) }
}

private func internalRateOfReturn(_ flows: UnsafeBufferPointer<Double>) -> IRRResult {
    guard let first = flows.baseAddress else { return .noSignChange }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: flows.count) { scratch in
        // The list is built only from the second root on: a unique root allocates nothing.
        var firstRoot: Double?, roots: [Double] = []
        let (rate, signChanges) = laneInternalRateOfReturn(first, count: flows.count, scratch: scratch) { _, root in
            guard let firstRoot else { firstRoot = root; return }
            if roots.isEmpty { roots = [firstRoot] }
            roots.append(root)
        }
        if signChanges == 0 { return .noSignChange }
        if !rate.isNaN { return .unique(rate) }
        return roots.count > 1 ? .multipleRoots(roots) : .noRoot
    }
}

/// The internal rate of return of each lane's yearly flows (one path, or eight side by side), NaN where
/// undefined (no sign change, no root, or several), with each lane's count of sign changes.
///
/// Flows with one sign change, almost every project, are bracketed from (-99%, 100%), doubling the
/// upper end up to 10 000%, and refined by `refineRoots` in all lanes together, a lane's work stopping
/// where it has its answer. The NPV's Horner pass, which dominates, serves every lane at once. Lanes
/// with several sign changes take the grid scan (`scanForRoots`), which tells `heard` every root it finds.
///
/// - Parameters:
///   - flows: `count` years of each lane's flows.
///   - scratch: `count` doubles, for one lane's flows when a lane's root is refined alone.
@inline(__always)
func laneInternalRateOfReturn<V: LaneValue>(
    _ flows: UnsafePointer<V>, count n: Int, scratch: UnsafeMutableBufferPointer<Double>,
    heard: (_ lane: Int, _ root: Double) -> Void = { _, _ in }
) -> (rate: V, signChanges: V) {
    var result = V(repeating: .nan)
    // Sign changes over the nonzero flows.
    var changes = V.zero, lastSign = V.zero
    for t in 0..<n {
        let v = flows[t], nonzero = v .!= 0
        let sign = V(repeating: -1).replacing(with: 1, where: v .> 0)
        changes.replace(with: changes + 1, where: nonzero .& (lastSign .!= 0) .& (sign .!= lastSign))
        lastSign.replace(with: sign, where: nonzero)
    }
    let several = changes .> 1
    if several.anyLane { result = scanForRoots(flows, n, lanes: several, scratch: scratch, heard: heard) }
    var bracketing = changes .== 1
    guard bracketing.anyLane else { return (result, changes) }

    // The bracket: from (-99%, 100%), doubling the upper end until the NPV changes sign, up to 10 000%.
    var lo = V(repeating: -0.99), hi = V(repeating: 1)
    var valueLo = npv(flows, n, rate: lo)
    let rootAtLo = bracketing .& (valueLo .== 0)
    result.replace(with: lo, where: rootAtLo)
    bracketing = bracketing .& .!rootAtLo
    var refining = V.Mask(repeating: false)
    while bracketing.anyLane {
        let valueHi = npv(flows, n, rate: hi)
        let rootAtHi = bracketing .& (valueHi .== 0)
        result.replace(with: hi, where: rootAtHi)
        bracketing = bracketing .& .!rootAtHi
        let crosses = bracketing .& ((valueHi .> 0) .^ (valueLo .> 0))
        refining = refining .| crosses
        bracketing = bracketing .& .!crosses .& .!(hi .>= 100)
        lo.replace(with: hi, where: bracketing)
        valueLo.replace(with: valueHi, where: bracketing)
        let doubled = 2 * hi
        hi.replace(with: doubled.replacing(with: 100, where: doubled .> 100), where: bracketing)
    }
    guard refining.anyLane else { return (result, changes) }
    // From 10%, a typical project return, when the bracket holds it: one Halley step fewer on average
    // than the bracket's midpoint (measured on random conventional flows).
    let start = (0.5 * (lo + hi)).replacing(with: 0.1, where: (lo .< 0.1) .& (0.1 .< hi))
    let roots = refineRoots(flows, n, lo: lo, hi: hi, valueAtLo: valueLo, start: start, refining: refining)
    return (result.replacing(with: roots, where: refining), changes)
}

// MARK: The root search
// The NPV polynomial and its derivatives, the Halley-bisection refinement, and the grid scan for flows
// with several sign changes, written once over `LaneValue`, for one path or eight. In this file with
// `laneInternalRateOfReturn` so that an optimised build without whole-module optimisation (the debug
// library) still specialises them.

/// The rates at which flows with several sign changes are scanned: `fineSteps` equal steps of
/// ln(1 + r) from -99% to 10 000%, a coarse cell every `stride` steps. Computed once.
enum IRRGrid {
    /// A cell's fine steps are scanned as one `Lanes` of rates, so `stride` is its lane count.
    static let fineSteps = 1_840, stride = 8
    static let rates: [Double] = {
        let uLo = log(0.01), uHi = log(101.0)
        return (0...fineSteps).map { i in exp(uLo + (uHi - uLo) * Double(i) / Double(fineSteps)) - 1 }
    }()
    /// The cells' ends, `rates[stride * c]` for c = 0...fineSteps / stride, then the last rate repeated
    /// a lane count's worth, so the ends of any eight cells from any cell on are read at once.
    static let coarseRates: [Double] = {
        let cells = fineSteps / stride
        return (0...cells).map { rates[stride * $0] } + [Double](repeating: rates[fineSteps], count: Lanes.scalarCount)
    }()
}

/// NPV at `rate` by Horner's rule in `x = 1/(1+rate)` (end-of-year timing), each lane at its own rate.
@inline(__always)
func npv<V: LaneValue>(_ flows: UnsafePointer<V>, _ n: Int, rate: V) -> V {
    let x = 1 / (1 + rate)
    var acc = V.zero
    var i = n
    while i > 0 {
        i -= 1
        acc = acc * x + flows[i]
    }
    return acc
}

/// The NPV at `rate` and the sign-carrying slope dP/dx of the polynomial in x = 1/(1+rate)
/// (dNPV/drate = -x² dP/dx, so the two change sign together), by one Horner pass.
@inline(__always)
func npvAndSlope<V: LaneValue>(_ flows: UnsafePointer<V>, _ n: Int, rate: V) -> (V, V) {
    npvAndSlope(n, rate: rate) { flows[$0] }
}

/// `npvAndSlope` with year t's flow in each lane given by `flow(t)`: one path's flows at eight
/// rates (`Lanes(repeating: flows[t])`), or each lane's own flows.
@inline(__always)
func npvAndSlope<V: LaneValue>(_ n: Int, rate: V, flow: (Int) -> V) -> (V, V) {
    let x = 1 / (1 + rate)
    var p = V.zero, dp = V.zero
    var i = n
    while i > 0 {
        i -= 1
        dp = dp * x + p
        p = p * x + flow(i)
    }
    return (p, dp)
}

/// The NPV at `rate` and its first and second derivatives with respect to the rate, by one
/// Horner pass over the polynomial P in x = 1/(1+rate): dx/dr = -x², d²x/dr² = 2x³.
@inline(__always)
func npvAndDerivatives<V: LaneValue>(_ flows: UnsafePointer<V>, _ n: Int, rate: V) -> (V, V, V) {
    let x = 1 / (1 + rate)
    var p = V.zero, dp = V.zero, ddp = V.zero   // P, P', P''/2
    var i = n
    while i > 0 {
        i -= 1
        ddp = ddp * x + dp
        dp = dp * x + p
        p = p * x + flows[i]
    }
    let x2 = x * x
    return (p, dp.negated * x2, 2 * ddp * x2 * x2 + 2 * dp * x2 * x)
}

/// Halley steps (cubic convergence: about four from a 10% start on typical project flows) kept
/// inside a shrinking sign-change bracket (`lo`, `hi`), with bisection as the fallback, in the lanes
/// of `refining` (the others' results are meaningless). A lane stops at an exact zero, when a step
/// moves less than 1e-15 relative, or when the bracket is narrower than 1e-16 relative; after 200
/// steps it gives its last iterate.
@inline(__always)
func refineRoots<V: LaneValue>(_ flows: UnsafePointer<V>, _ n: Int, lo loIn: V, hi hiIn: V, valueAtLo: V,
                               start: V, refining refiningIn: V.Mask) -> V {
    var lo = loIn, hi = hiIn, fLo = valueAtLo, r = start, refining = refiningIn
    var result = r
    for _ in 0..<200 {
        guard refining.anyLane else { break }
        let (f, d1, d2) = npvAndDerivatives(flows, n, rate: r)
        let rootAtR = refining .& (f .== 0)
        result.replace(with: r, where: rootAtR)
        refining = refining .& .!rootAtR
        let sameSide = refining .& .!((f .> 0) .^ (fLo .> 0))
        lo.replace(with: r, where: sameSide)
        fLo.replace(with: f, where: sameSide)
        hi.replace(with: r, where: refining .& .!sameSide)
        let denominator = 2 * d1 * d1 - f * d2
        var next = (r - 2 * f * d1 / denominator).replacing(with: .nan, where: denominator .== 0)
        next.replace(with: 0.5 * (lo + hi), where: .!((next .> lo) .& (next .< hi)))
        let scale = V.maximum(V(repeating: 1), V.maximum(r, r.negated))   // Swift.max(1, abs(r))
        let step = next - r
        let converged = refining .& ((V.maximum(step, step.negated) .<= 1e-15 * scale) .| (hi - lo .<= 1e-16 * scale))
        result.replace(with: next, where: converged)
        refining = refining .& .!converged
        r.replace(with: next, where: refining)
    }
    return result.replacing(with: r, where: refining)   // 200 steps without converging: the last iterate
}

/// The scan for flows with several sign changes, in the lanes of `lanes` (NaN in the others), each
/// lane on its own (`scanForRoots(_:_:heard:)` on its flows, copied to `scratch`): a lane's IRR is
/// its root if it has exactly one, else NaN (no root, or several); `heard` hears every root.
func scanForRoots<V: LaneValue>(_ flows: UnsafePointer<V>, _ n: Int, lanes: V.Mask,
                                scratch: UnsafeMutableBufferPointer<Double>,
                                heard: (_ lane: Int, _ root: Double) -> Void) -> V {
    var result = V(repeating: .nan)
    for j in 0..<V.scalarCount where lanes[j] {
        for t in 0..<n { scratch[t] = flows[t][j] }
        result[j] = scanForRoots(UnsafePointer(scratch.baseAddress!), n) { heard(j, $0) }
    }
    return result
}

/// The grid scan of one path's flows: the NPV and its slope at every cell's end, eight rates per
/// Horner pass (`Lanes` of rates); the fine steps of a cell where the NPV or the slope changes
/// sign, its eight rates in one pass; each root found refined, and two roots within one fine step
/// (where the NPV turns between them) separated at the turning point. Returns the root if there is
/// exactly one, else NaN; `heard` hears every root. Each rate's NPV and slope are the one-rate
/// `npvAndSlope` to the bit, so the roots do not depend on how many rates share a pass.
func scanForRoots(_ flows: UnsafePointer<Double>, _ n: Int, heard: (_ root: Double) -> Void) -> Double {
    IRRGrid.rates.withUnsafeBufferPointer { rates in
        IRRGrid.coarseRates.withUnsafeBufferPointer { ends in
            let stride = IRRGrid.stride, cells = IRRGrid.fineSteps / stride
            precondition(stride == Lanes.scalarCount, "a cell's fine steps are one Lanes of rates")
            var count = 0, firstRoot = 0.0
            func record(_ root: Double) {
                if count == 0 { firstRoot = root }
                count += 1
                heard(root)
            }
            @inline(__always) func eight(_ start: UnsafePointer<Double>) -> Lanes {
                UnsafeRawPointer(start).loadUnaligned(as: Lanes.self)
            }
            // Cells outside these hold no root, zero or turn of any NPV computed in them.
            let scanned = cellsThatMayTurn(flows, n, ends: ends, cells: cells)
            var cell = scanned.lowerBound
            var rateLo = ends[cell]
            var (valueLo, slopeLo) = npvAndSlope(flows, n, rate: rateLo)
            if valueLo == 0 { record(rateLo) }
            while cell < scanned.upperBound {
                // The ends of the next eight cells.
                let (values, slopes) = npvAndSlope(n, rate: eight(ends.baseAddress! + cell + 1), flow: { Lanes(repeating: flows[$0]) })
                for k in 0..<Swift.min(Lanes.scalarCount, scanned.upperBound - cell) {
                    let lo = cell * stride
                    let rateHi = ends[cell + 1], valueHi = values[k], slopeHi = slopes[k]
                    let crosses = valueLo != 0 && valueHi != 0 && ((valueHi > 0) != (valueLo > 0))
                    if crosses || valueHi == 0 || ((slopeHi > 0) != (slopeLo > 0)) {
                        let (fineValues, fineSlopes) = npvAndSlope(n, rate: eight(rates.baseAddress! + lo + 1), flow: { Lanes(repeating: flows[$0]) })
                        var previousRate = rateLo, previous = valueLo, previousSlope = slopeLo
                        for i in 0..<stride {
                            let rate = rates[lo + 1 + i], value = fineValues[i], slope = fineSlopes[i]
                            if value == 0 {
                                record(rate)
                            } else if previous != 0 {
                                if (value > 0) != (previous > 0) {
                                    record(refineRoot(flows, n, lo: previousRate, hi: rate))
                                } else if (slope > 0) != (previousSlope > 0),
                                          let split = rateBeyondZero(flows, n, lo: previousRate, hi: rate, sign: previous,
                                                                     slopeAtLo: previousSlope) {
                                    // Two roots within one fine step, about the NPV's turning point: both refined.
                                    record(refineRoot(flows, n, lo: previousRate, hi: split))
                                    record(refineRoot(flows, n, lo: split, hi: rate))
                                }
                            }
                            previous = value
                            previousRate = rate
                            previousSlope = slope
                        }
                    }
                    rateLo = rateHi; valueLo = valueHi; slopeLo = slopeHi
                    cell += 1
                }
            }
            return count == 1 ? firstRoot : .nan
        }
    }
}

/// The cells of the grid scan (`ends[c]` to `ends[c + 1]`) outside of which every NPV and slope that
/// `npvAndSlope` computes keeps one nonzero sign, so the scan would record nothing there and needs
/// not evaluate them. In x = 1/(1 + rate), P(x) = Σ f_t x^t with m = n - 1:
/// - at low rates (large x), P and P' have the signs of their last terms f_m x^m and m f_m x^(m-1)
///   wherever Σ_{t<m} |f_t| x^(t-m) and Σ_{t<m} t |f_t| x^(t-m), falling as x grows, stay below
///   |f_m| and m |f_m|;
/// - at high rates (small x), those of f_0 and f_1 wherever Σ_{t≥1} |f_t| x^t and
///   Σ_{t≥2} t |f_t| x^(t-1), growing with x, stay below |f_0| and |f_1|.
/// Each test holds at the x of a cell end for every x beyond it (the computed x of the rates in
/// between lie there: rounding is monotone), with 2% to spare, far more than Horner's rounding
/// (2n ulps of the same sums) and the sums' own. The cell ends are searched by bisection. Flows
/// whose last, first or second flow is zero (or not finite) are scanned over the whole grid.
func cellsThatMayTurn(_ flows: UnsafePointer<Double>, _ n: Int, ends: UnsafeBufferPointer<Double>, cells: Int) -> Range<Int> {
    guard n >= 3 else { return 0..<cells }
    let m = n - 1, last = abs(flows[m]), first = abs(flows[0]), second = abs(flows[1])
    /// Whether P and P' keep the signs of their last terms for every x from the x of `ends[k]` up.
    func keepsLastTerms(_ k: Int) -> Bool {
        let y = 1 + ends[k]   // 1/x
        var size = 0.0, sizeOfSlope = 0.0
        for t in 0..<m {
            size = size * y + abs(flows[t])
            sizeOfSlope = sizeOfSlope * y + Double(t) * abs(flows[t])
        }
        return 1.01 * size * y < 0.99 * last && 1.01 * sizeOfSlope * y < 0.99 * Double(m) * last
    }
    /// Whether P and P' keep the signs of f_0 and f_1 for every x from the x of `ends[k]` down.
    func keepsFirstTerms(_ k: Int) -> Bool {
        let x = 1 / (1 + ends[k])
        var size = 0.0, sizeOfSlope = 0.0
        var t = m
        while t >= 2 {
            size = size * x + abs(flows[t])
            sizeOfSlope = sizeOfSlope * x + Double(t) * abs(flows[t])
            t -= 1
        }
        size = (size * x + second) * x
        return 1.01 * size < 0.99 * first && 1.01 * sizeOfSlope * x < 0.99 * second
    }
    // Cells below `low` (ends up to `low`) keep the last terms' signs: the largest such end, by bisection.
    var low = 0
    if last > 0 && last.isFinite && keepsLastTerms(0) {
        var hi = cells + 1   // keepsLastTerms(low) holds; beyond `hi - 1` unknown
        while hi - low > 1 {
            let mid = (low + hi) / 2
            if keepsLastTerms(mid) { low = mid } else { hi = mid }
        }
        low = min(low, cells)
    }
    // Cells from `high` on (ends from `high`) keep the first terms' signs: the smallest such end.
    var high = cells
    if first > 0 && second > 0 && first.isFinite && second.isFinite && keepsFirstTerms(cells) {
        var lo = -1   // keepsFirstTerms(high) holds; below `lo + 1` unknown
        while high - lo > 1 {
            let mid = (lo + high) / 2
            if keepsFirstTerms(mid) { high = mid } else { lo = mid }
        }
    }
    return low..<max(low, high)
}

/// `refineRoots` on one path's flows, from the bracket's midpoint unless `start` is given.
func refineRoot(_ flows: UnsafePointer<Double>, _ n: Int, lo: Double, hi: Double,
                valueAtLo: Double? = nil, start: Double? = nil) -> Double {
    refineRoots(flows, n, lo: lo, hi: hi, valueAtLo: valueAtLo ?? npv(flows, n, rate: lo),
                start: start ?? 0.5 * (lo + hi), refining: true)
}

/// A rate in (`lo`, `hi`) where the NPV has the sign opposite to `sign`, its sign at both ends,
/// found by bisecting towards the NPV's turning point (the slope changes sign in the step); nil
/// when the turning point does not reach zero (no root, or a double root that only touches it).
func rateBeyondZero(_ flows: UnsafePointer<Double>, _ n: Int, lo loIn: Double, hi hiIn: Double, sign: Double,
                    slopeAtLo: Double) -> Double? {
    // Most turning points lie far from zero: then no bisection step can return, and none is taken.
    if npvKeepsSign(flows, n, lo: loIn, hi: hiIn, value: sign, slope: slopeAtLo) { return nil }
    var lo = loIn, hi = hiIn
    for _ in 0..<100 {
        let mid = 0.5 * (lo + hi)
        guard mid > lo && mid < hi else { return nil }
        let (value, slope) = npvAndSlope(flows, n, rate: mid)
        if value != 0 && (value > 0) != (sign > 0) { return mid }
        if (slope > 0) == (slopeAtLo > 0) { lo = mid } else { hi = mid }
    }
    return nil
}

/// Whether the NPV that `npvAndSlope` computes at every rate in [`lo`, `hi`] is nonzero with the
/// sign of `value`, the NPV it computed at `lo` (`slope`: the slope dP/dx it computed there), so
/// that `rateBeyondZero`'s bisection could only end without a rate.
///
/// In x = 1/(1 + rate), which falls from x(lo) to x(hi) (the computed x of every rate in between
/// lies there too: rounding is monotone), P(x) differs from P(x(lo)) by at most
/// (|P'(x(lo))| + M2 Δx) Δx, with M2 = Σ t (t-1) |f_t| x(lo)^(t-2) bounding |P''|; each Horner value
/// is within γ Σ |f_t| x^t of the true one (γ = 2n ulps; 1e-12 holds up to thousands of years) and
/// the slope within γ Σ t |f_t| x^(t-1). If |value| exceeds both errors and the change, with 1%
/// to spare for the bounds' own rounding, every computed NPV in the step keeps its sign. A bound
/// that overflows (or a NaN) certifies nothing.
func npvKeepsSign(_ flows: UnsafePointer<Double>, _ n: Int, lo: Double, hi: Double, value: Double, slope: Double) -> Bool {
    let xLo = 1 / (1 + lo), xHi = 1 / (1 + hi)
    guard xHi > 0, xLo >= xHi else { return false }
    // Σ |f_t| x^t, Σ t |f_t| x^(t-1) and Σ t (t-1) |f_t| x^(t-2) / 2 at x(lo), by one Horner pass.
    var size = 0.0, sizeOfSlope = 0.0, halfCurvature = 0.0
    var i = n
    while i > 0 {
        i -= 1
        halfCurvature = halfCurvature * xLo + sizeOfSlope
        sizeOfSlope = sizeOfSlope * xLo + size
        size = size * xLo + abs(flows[i])
    }
    let gamma = 1e-12, dx = xLo - xHi
    let change = (abs(slope) + gamma * sizeOfSlope + 2 * halfCurvature * dx) * dx
    return abs(value) > 1.01 * (2 * gamma * size + change)
}

/// The NPV of one path's flows at `rate` (end-of-year timing, Horner's rule): `npv` on an array.
func npvAt(_ flows: [Double], rate: Double) -> Double {
    flows.withUnsafeBufferPointer { npv($0.baseAddress!, $0.count, rate: rate) }
}

/// `refineRoot` on an array of one path's flows.
func refineRoot(_ flows: [Double], lo: Double, hi: Double) -> Double {
    flows.withUnsafeBufferPointer { refineRoot($0.baseAddress!, $0.count, lo: lo, hi: hi) }
}
