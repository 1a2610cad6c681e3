import Foundation
import PropertyBased
import Testing
@testable import Steppe

@Suite("Internal rate of return")
struct InternalRateOfReturnTests {
    /// Every root a plain scan of all 1840 grid steps finds, refined the same way; in a step whose
    /// ends have the same sign, the NPV's extremum (ternary search) tells whether it crosses zero
    /// twice there.
    static func fineScanRoots(_ flows: [Double]) -> [Double] {
        var roots: [Double] = []
        let steps = 1_840, uLo = log(0.01), uHi = log(101.0)
        var previousRate = exp(uLo) - 1
        var previous = npvAt(flows, rate: previousRate)
        if previous == 0 { roots.append(previousRate) }
        for i in 1...steps {
            let rate = exp(uLo + (uHi - uLo) * Double(i) / Double(steps)) - 1
            let value = npvAt(flows, rate: rate)
            if value == 0 { roots.append(rate) } else if previous != 0 && (value > 0) != (previous > 0) {
                roots.append(refineRoot(flows, lo: previousRate, hi: rate))
            } else if previous != 0 {
                // The point of the step farthest on the other side of zero: NPV × sign at its smallest.
                let sign: Double = previous > 0 ? 1 : -1
                var a = previousRate, b = rate
                for _ in 0..<200 where b - a > 1e-15 * max(1, abs(a)) {
                    let m1 = a + (b - a) / 3, m2 = b - (b - a) / 3
                    if sign * npvAt(flows, rate: m1) < sign * npvAt(flows, rate: m2) { b = m2 } else { a = m1 }
                }
                let turn = 0.5 * (a + b)
                if sign * npvAt(flows, rate: turn) < 0 {
                    roots.append(refineRoot(flows, lo: previousRate, hi: turn))
                    roots.append(refineRoot(flows, lo: turn, hi: rate))
                }
            }
            previous = value; previousRate = rate
        }
        return roots
    }

    @Test("Two roots within one grid step (10% and 10.3%) are both found: the IRR is undefined for several roots, and says so")
    func twoRootsInOneStep() throws {
        let flows = [-824198.47, 1815709.22, -1000000]
        guard case .multipleRoots(let roots) = internalRateOfReturn(flows) else {
            Issue.record("expected two roots, got \(internalRateOfReturn(flows))"); return
        }
        #expect(roots.count == 2)
        // Each a root (NPV zero to 1e-9 of the flows' size) and the two distinct, 10% and 10.3%.
        #expect(roots.allSatisfy { abs(npvAt(flows, rate: $0)) <= 1e-9 * 1815709.22 })
        #expect(abs(roots[0] - 0.100) < 5e-4 && abs(roots[1] - 0.103) < 5e-4)
        let reason = try #require(internalRateOfReturn(flows).metric.reason)
        #expect(reason.hasPrefix("IRR undefined: several rates set NPV to zero ("))
    }

    @Test("A step certified to keep the NPV's sign has every computed NPV in it nonzero with that sign, also in steps that hold a root")
    func certifiedStepsKeepTheSign() {
        var g = PathRandomGenerator(seed: 41, path: 0)
        let rates = IRRGrid.rates
        var certified = 0, stepsWithRoots = 0
        for _ in 0..<300 {
            // Project-like flows: two outlays, income with a mid-life outlay, a decommissioning cost.
            var flows = (0..<22).map { _ in Double.random(in: -20...60, using: &g) }
            flows[0] = -Double.random(in: 100...400, using: &g); flows[1] = -Double.random(in: 0...300, using: &g)
            flows[11] -= Double.random(in: 0...150, using: &g); flows[21] -= Double.random(in: 0...600, using: &g)
            // Steps beside each root (where a certificate would be wrong) and a random one.
            var steps: [Int] = [Int.random(in: 0..<IRRGrid.fineSteps, using: &g)]
            for i in 0..<IRRGrid.fineSteps where (npvAt(flows, rate: rates[i]) > 0) != (npvAt(flows, rate: rates[i + 1]) > 0) {
                steps += [i, max(i - 1, 0)]
                stepsWithRoots += 1
            }
            flows.withUnsafeBufferPointer { f in
                for i in steps {
                    let (value, slope) = npvAndSlope(f.baseAddress!, f.count, rate: rates[i])
                    guard npvKeepsSign(f.baseAddress!, f.count, lo: rates[i], hi: rates[i + 1], value: value, slope: slope) else { continue }
                    certified += 1
                    for k in 0...200 {
                        let rate = rates[i] + (rates[i + 1] - rates[i]) * Double(k) / 200
                        let v = npv(f.baseAddress!, f.count, rate: rate)
                        #expect(v != 0 && (v > 0) == (value > 0), "step \(i), rate \(rate): \(v) against \(value)")
                    }
                }
            }
        }
        #expect(stepsWithRoots > 100 && certified > 100)
    }

    @Test("Outside the cells the scan evaluates, every grid rate's computed NPV and slope keep one nonzero sign")
    func skippedCellsHoldNoTurn() {
        var g = PathRandomGenerator(seed: 43, path: 0)
        let rates = IRRGrid.rates, stride = IRRGrid.stride, cells = IRRGrid.fineSteps / stride
        var skipped = 0
        for shape in 0..<400 {
            // Random flows of any sign and length, and project-like ones (outlays first, income, a last cost).
            let n = Int.random(in: 3...30, using: &g)
            var flows = (0..<n).map { _ in Double.random(in: -100...100, using: &g) }
            if shape % 2 == 0 {
                flows[0] = -Double.random(in: 100...400, using: &g); flows[1] = -Double.random(in: 0...300, using: &g)
                flows[n - 1] = Double.random(in: -600...600, using: &g)
            }
            flows.withUnsafeBufferPointer { f in
                let scanned = IRRGrid.coarseRates.withUnsafeBufferPointer { cellsThatMayTurn(f.baseAddress!, n, ends: $0, cells: cells) }
                func sameSigns(_ fine: ClosedRange<Int>) {
                    let (v0, s0) = npvAndSlope(f.baseAddress!, n, rate: rates[fine.lowerBound])
                    for i in fine {
                        let (v, s) = npvAndSlope(f.baseAddress!, n, rate: rates[i])
                        #expect(v != 0 && s != 0 && (v > 0) == (v0 > 0) && (s > 0) == (s0 > 0), "\(flows) at rate \(rates[i])")
                    }
                }
                if scanned.lowerBound > 0 { sameSigns(0...(stride * scanned.lowerBound)) }
                if scanned.upperBound < cells { sameSigns((stride * scanned.upperBound)...IRRGrid.fineSteps) }
                skipped += cells - scanned.count
            }
        }
        #expect(skipped > 400 * cells / 4)
    }

    @Test("The coarse scan finds the same roots as a scan of every grid step")
    func coarseScanMatchesFineScan() async {
        // Project-like flows: outlays, income, a mid-life outlay, income, a decommissioning cost.
        let flows = Gen.double(in: -100...100).array(of: 4...30)
        await propertyCheck(count: 500, input: flows) { values in
            let expected = Self.fineScanRoots(values)
            switch internalRateOfReturn(values) {
            case .unique(let r): #expect(expected.count == 1 && abs(expected[0] - r) <= 1e-12 * max(1, abs(r)), "\(values)")
            case .noSignChange: #expect(values.allSatisfy { $0 >= 0 } || values.allSatisfy { $0 <= 0 })
            case .noRoot: #expect(expected.isEmpty, "\(values)")
            case .multipleRoots(let roots):
                #expect(roots.count == expected.count, "\(values)")
                for (a, b) in zip(roots, expected) { #expect(abs(a - b) <= 1e-12 * max(1, abs(a))) }
            }
        }
    }

    @Test("One sign change with its root above 10 000% gives no root in the searched range, as the scan of several roots does")
    func singleRootAboveTheRangeIsNoRoot() {
        // The coarse-scan property found it: IRR about 10 416%, beyond the range `.unique` promises.
        #expect(internalRateOfReturn([-0.3971979778588661, 41.07010620975052, 72.84801659861037, 86.7897826582861]) == .noRoot)
    }

    @Test("One sign change with its root between 6 400% and 10 000% is still found")
    func singleRootNearTheTopOfTheRangeIsFound() throws {
        guard case .unique(let r) = internalRateOfReturn([-1.0, 81.0]) else { Issue.record("no unique root"); return }
        #expect(abs(r - 80) <= 1e-12 * 80)
    }

    /// The root of the NPV of `flows` in (-99%, 10 000%) by plain bisection on the rate, run until the
    /// bracket is two adjacent doubles; the NPV is summed directly, `flow / (1 + r)^t` (not by Horner's rule
    /// in `1 / (1 + r)` as the implementation does). Requires NPV(-0.99) and NPV(100) of opposite signs.
    static func bisectionRoot(_ flows: [Double]) -> (lo: Double, hi: Double) {
        func npv(_ r: Double) -> Double {
            var total = 0.0
            for (t, f) in flows.enumerated() { total += f / pow(1 + r, Double(t)) }
            return total
        }
        var lo = -0.99, hi = 100.0
        let positiveAtLo = npv(lo) > 0
        while true {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { return (lo, hi) }
            let value = npv(mid)
            if value == 0 { return (mid, mid) }
            if (value > 0) == positiveAtLo { lo = mid } else { hi = mid }
        }
    }

    @Test("With one sign change, the IRR is the root a bisection to adjacent doubles finds, to 2e-15 relative")
    func uniqueRootMatchesBisection() throws {
        // Project-like flows: 1-3 years of outlays, then 2-40 years of income (some years
        // but the last without any).
        // The bisection brackets the root between adjacent doubles; NPV rounding blurs the sign over a
        // few 1e-16 of the rate, so the two must agree to about 1e-15 (a search stopped at a 1e-12 step
        // is off by up to 1e-12).
        var g = SplitMix64(seed: 2_026)
        var checked = 0
        for _ in 0..<3_000 {
            let outlays = 1 + Int(g.next() % 3), income = 2 + Int(g.next() % 39)
            let capex = 1e6 + g.nextUnit() * 1e9
            var flows = (0..<outlays).map { _ in -capex * (0.2 + g.nextUnit()) }
            let yieldShare = 0.02 + 0.4 * g.nextUnit()
            flows += (0..<income).map { k in
                k < income - 1 && g.nextUnit() < 0.1 ? 0 : capex * yieldShare * (0.5 + g.nextUnit())
            }
            guard case .unique(let r) = internalRateOfReturn(flows) else {
                Issue.record("no unique IRR for \(flows)"); continue
            }
            let (lo, hi) = Self.bisectionRoot(flows)
            let tolerance = 2e-15 * max(1, abs(r))
            #expect(r >= lo - tolerance && r <= hi + tolerance, "\(flows): \(r) vs [\(lo), \(hi)]")
            checked += 1
        }
        #expect(checked == 3_000)
    }
}
