import Testing
@testable import Steppe

@Suite("Internal rate of return in eight lanes: each lane as on one path")
struct LaneInternalRateOfReturnTests {
    /// Lanes whose IRR differs from the scalar function's, as bit patterns (NaN for undefined).
    static func mismatches(_ lanes: [[Double]]) -> [[Double]] {
        let n = lanes[0].count
        let flows = UnsafeMutablePointer<Lanes>.allocate(capacity: n), scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { flows.deallocate(); scratch.deallocate() }
        var found: [[Double]] = []
        for start in stride(from: 0, to: lanes.count, by: 8) {
            let group = (0..<8).map { lanes[min(start + $0, lanes.count - 1)] }
            for t in 0..<n { flows[t] = Lanes((0..<8).map { group[$0][t] }) }
            let irr = laneInternalRateOfReturn(UnsafePointer(flows), count: n, scratch: scratch).rate
            for j in 0..<8 {
                let scalar = internalRateOfReturn(group[j]).metric.number ?? .nan
                if irr[j].bitPattern != scalar.bitPattern && !(irr[j].isNaN && scalar.isNaN) { found.append(group[j]) }
            }
        }
        return found
    }

    @Test("Lanes equal the scalar IRR to the bit on 4000 random project flows: one, several and no sign changes, zeros")
    func randomFlowsEqualScalar() {
        var g = PathRandomGenerator(seed: 12, path: 0)
        let lanes: [[Double]] = (0..<4000).map { i in
            let years = 26
            var flows = (0..<years).map { t -> Double in
                if t < 2 { return -Double.random(in: 1e6...1e8, using: &g) }
                return Double.random(in: -2e6...2e7, using: &g)
            }
            switch i % 8 {
            case 0: flows = flows.map { abs($0) }                          // no sign change
            case 1: flows[years - 1] = -Double.random(in: 1e7...1e9, using: &g) // a late outflow: several changes
            case 2: for t in 2..<years { flows[t] = abs(flows[t]) * 1e-3 } // a root below -90% or none
            case 3: for t in stride(from: 3, to: years, by: 3) { flows[t] = 0 } // zeros between
            case 4: for t in 2..<years { flows[t] = abs(flows[t]) * 40 }    // a very high return
            default: for t in 2..<years { flows[t] = abs(flows[t]) }        // conventional
            }
            return flows
        }
        let found = Self.mismatches(lanes)
        #expect(found.isEmpty, "\(found.count) mismatches, first \(found.first ?? [])")
    }

    @Test("Roots exactly at the bracket's ends and flows that are all zero match the scalar IRR")
    func edgeFlowsEqualScalar() {
        let lanes: [[Double]] = [
            [-100, 110, 0],          // 10%: the refinement's start is the root
            [-100, 200, 0],          // 100%: the bracket's first upper end
            [-1, 0.01, 0],           // -99%: the bracket's lower end
            [0, 0, 0], [-5, -5, -5], [5, 5, 5],
            [-100, 0, 0.0001],       // no root above -99%
            [100, -300, 200],        // two sign changes
            [-1, 81, 0],             // 8 000%: the bracket's last end is 10 000%, not 12 800%
            [-1, 10_100, 0],         // 10 000%: exactly the bracket's last end
            [-1, 20_000, 0],         // above 10 000%: no root in the range
        ]
        let found = Self.mismatches(lanes)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("Three roots, two of them within one grid step (5%, 10%, 10.1%): undefined in lanes as on one path")
    func closeRootsBesideAThirdAreUndefinedInLanes() throws {
        let flows: [Double] = [-1_000_000, 3_251_000, -3_522_150, 1_271_655]
        guard case .multipleRoots(let roots) = internalRateOfReturn(flows) else {
            Issue.record("expected several roots, got \(internalRateOfReturn(flows))"); return
        }
        #expect(roots.count == 3)
        #expect(Self.mismatches([flows]).isEmpty, "a lane took the first root for the only one")
    }
}
