/// The internal rate of return of eight paths' yearly flows at once: lane j equals
/// `internalRateOfReturn` of lane j's flows, as a metric (NaN when undefined), to the bit.
///
/// Flows with one sign change, almost every project, are bracketed and refined in all lanes
/// together: the same doubling bracket and the same Halley-bisection steps as `refineRoot`, in the
/// same order, each lane's branches taken by masks and a lane's work stopping where the scalar
/// function returns. The NPV's Horner pass, which dominates, then serves eight paths at a time.
/// Lanes with several sign changes take the scalar function's grid scan together (`laneGridScan`);
/// lanes without a sign change are NaN.
///
/// - Parameters:
///   - flows: `count` years of eight lanes' flows.
///   - scratch: `count` doubles, for the lanes that run the scalar function.
func laneInternalRateOfReturn(_ flows: UnsafePointer<Lanes>, count n: Int,
                              scratch: UnsafeMutableBufferPointer<Double>) -> Lanes {
    var result = Lanes(repeating: .nan)
    // Sign changes, counted over the nonzero flows as `internalRateOfReturn` does.
    var changes = Lanes.zero, lastSign = Lanes.zero
    for t in 0..<n {
        let v = flows[t], nonzero = v .!= 0
        let sign = Lanes(repeating: -1).replacing(with: 1, where: v .> 0)
        changes.replace(with: changes + 1, where: nonzero .& (lastSign .!= 0) .& (sign .!= lastSign))
        lastSign.replace(with: sign, where: nonzero)
    }
    let several = changes .> 1
    if laneAny(several) { result = laneGridScan(flows, n, lanes: several, scratch: scratch) }
    var bracketing = changes .== 1
    guard laneAny(bracketing) else { return result }

    // The bracket: from (-99%, 100%), doubling the upper end until the NPV changes sign, up to 10 000%.
    var lo = Lanes(repeating: -0.99), hi = Lanes(repeating: 1)
    var valueLo = laneNPV(flows, n, rate: lo)
    let rootAtLo = bracketing .& (valueLo .== 0)
    result.replace(with: lo, where: rootAtLo)
    bracketing = bracketing .& .!rootAtLo
    var refining = SIMDMask<SIMD8<Int64>>(repeating: false)
    while laneAny(bracketing) {
        let valueHi = laneNPV(flows, n, rate: hi)
        let rootAtHi = bracketing .& (valueHi .== 0)
        result.replace(with: hi, where: rootAtHi)
        bracketing = bracketing .& .!rootAtHi
        let crosses = bracketing .& ((valueHi .> 0) .^ (valueLo .> 0))
        refining = refining .| crosses
        bracketing = bracketing .& .!crosses .& .!(hi .>= 100)
        lo.replace(with: hi, where: bracketing)
        valueLo.replace(with: valueHi, where: bracketing)
        let doubled = hi * 2
        hi.replace(with: doubled.replacing(with: 100, where: doubled .> 100), where: bracketing)
    }
    guard laneAny(refining) else { return result }

    // `refineRoot` from 10% when the bracket holds it, else from the bracket's midpoint.
    var fLo = valueLo
    var r = (0.5 * (lo + hi)).replacing(with: 0.1, where: (lo .< 0.1) .& (0.1 .< hi))
    let one = Lanes(repeating: 1)
    for _ in 0..<200 {
        guard laneAny(refining) else { break }
        let (f, d1, d2) = laneNPVAndDerivatives(flows, n, rate: r)
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
        let scale = laneMax(one, laneMagnitude(r))   // Swift.max(1, abs(r))
        let converged = refining .& ((laneMagnitude(next - r) .<= 1e-15 * scale) .| (hi - lo .<= 1e-16 * scale))
        result.replace(with: next, where: converged)
        refining = refining .& .!converged
        r.replace(with: next, where: refining)
    }
    return result.replacing(with: r, where: refining)   // 200 steps without converging: the last iterate
}

/// The scalar function's scan for flows with several sign changes, in the lanes of `lanes` (NaN in
/// the others): the NPV and its slope at every coarse grid rate for all lanes at once, the fine steps
/// of a cell where some lane's NPV or slope changes sign, and each root a lane finds refined by the
/// scalar `refineRoot`. A lane's IRR is its root if it has exactly one, else NaN (no root, or several).
private func laneGridScan(_ flows: UnsafePointer<Lanes>, _ n: Int, lanes: SIMDMask<SIMD8<Int64>>,
                          scratch: UnsafeMutableBufferPointer<Double>) -> Lanes {
    IRRGrid.rates.withUnsafeBufferPointer { rates in
        let fineSteps = IRRGrid.fineSteps, stride = IRRGrid.stride
        var count = Lanes.zero, firstRoot = Lanes.zero
        var rateLo = rates[0]
        var (valueLo, slopeLo) = laneNPVAndSlope(flows, n, rate: Lanes(repeating: rateLo))
        let rootAtStart = lanes .& (valueLo .== 0)
        count.replace(with: 1, where: rootAtStart)
        firstRoot.replace(with: rateLo, where: rootAtStart)
        var lo = 0
        while lo < fineSteps {
            let hi = lo + stride
            let rateHi = rates[hi]
            let (valueHi, slopeHi) = laneNPVAndSlope(flows, n, rate: Lanes(repeating: rateHi))
            let crosses = (valueLo .!= 0) .& (valueHi .!= 0) .& ((valueHi .> 0) .^ (valueLo .> 0))
            let scans = lanes .& (crosses .| (valueHi .== 0) .| ((slopeHi .> 0) .^ (slopeLo .> 0)))
            if laneAny(scans) {
                var previousRate = rateLo, previous = valueLo
                for i in (lo + 1)...hi {
                    let rate = rates[i]
                    let value = laneNPV(flows, n, rate: Lanes(repeating: rate))
                    let atZero = scans .& (value .== 0)
                    let between = scans .& .!(value .== 0) .& (previous .!= 0) .& ((value .> 0) .^ (previous .> 0))
                    if laneAny(atZero .| between) {
                        for j in 0..<Lanes.scalarCount where atZero[j] || between[j] {
                            var root = rate
                            if between[j] {
                                for t in 0..<n { scratch[t] = flows[t][j] }
                                root = refineRoot(UnsafeBufferPointer(scratch), lo: previousRate, hi: rate)
                            }
                            if count[j] == 0 { firstRoot[j] = root }
                            count[j] += 1
                        }
                    }
                    previous = value
                    previousRate = rate
                }
            }
            lo = hi; rateLo = rateHi; valueLo = valueHi; slopeLo = slopeHi
        }
        return Lanes(repeating: .nan).replacing(with: firstRoot, where: lanes .& (count .== 1))
    }
}

/// `npvAndSlopeAt` in lanes.
@inline(__always)
private func laneNPVAndSlope(_ flows: UnsafePointer<Lanes>, _ n: Int, rate: Lanes) -> (Lanes, Lanes) {
    let x = 1 / (1 + rate)
    var p = Lanes.zero, dp = Lanes.zero
    var i = n
    while i > 0 {
        i -= 1
        dp = dp * x + p
        p = p * x + flows[i]
    }
    return (p, dp)
}

/// `npvAt` in lanes: Horner's rule in x = 1 / (1 + rate), each lane at its own rate.
@inline(__always)
private func laneNPV(_ flows: UnsafePointer<Lanes>, _ n: Int, rate: Lanes) -> Lanes {
    let x = 1 / (1 + rate)
    var acc = Lanes.zero
    var i = n
    while i > 0 {
        i -= 1
        acc = acc * x + flows[i]
    }
    return acc
}

/// `npvAndDerivativesAt` in lanes, with its operations in its order.
@inline(__always)
private func laneNPVAndDerivatives(_ flows: UnsafePointer<Lanes>, _ n: Int, rate: Lanes) -> (Lanes, Lanes, Lanes) {
    let x = 1 / (1 + rate)
    var p = Lanes.zero, dp = Lanes.zero, ddp = Lanes.zero
    var i = n
    while i > 0 {
        i -= 1
        ddp = ddp * x + dp
        dp = dp * x + p
        p = p * x + flows[i]
    }
    let x2 = x * x
    // The scalar's `-dp` flips the sign bit; a vector's prefix minus is 0 - dp (+0 for +0).
    let d1: Lanes = ElementaryFunctions.negated(dp) * x2
    let d2: Lanes = 2 * ddp * x2 * x2 + 2 * dp * x2 * x
    return (p, d1, d2)
}

/// `abs` of each lane (the sign bit cleared; Swift.max(1, ·) and the comparisons it feeds read
/// no sign of zero).
@inline(__always)
private func laneMagnitude(_ x: Lanes) -> Lanes {
    laneMax(x, ElementaryFunctions.negated(x))
}
