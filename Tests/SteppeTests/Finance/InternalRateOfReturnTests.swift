import Foundation
import PropertyBased
import Testing
@testable import Steppe

@Suite("Internal rate of return")
struct InternalRateOfReturnTests {
    /// Every root a plain scan of all 1840 grid steps finds, refined the same way.
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
            }
            previous = value; previousRate = rate
        }
        return roots
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
}
