import Testing
@testable import Steppe

@Suite("Standard normal quantile in eight lanes")
struct StandardNormalLanesTests {
    static func mismatches(_ ps: [Double]) -> [Double] {
        var ps = ps
        while ps.count % 8 != 0 { ps.append(0.5) }
        var found: [Double] = []
        for start in stride(from: 0, to: ps.count, by: 8) {
            let x = StandardNormal.quantile(SIMD8(ps[start..<(start + 8)]))
            for j in 0..<8 where x[j].bitPattern != StandardNormal.quantile(ps[start + j]).bitPattern {
                found.append(ps[start + j])
            }
        }
        return found
    }

    @Test("Lanes equal the scalar quantile to the bit at the region edges, the grid's extremes and 0, 1, nan")
    func edgesEqualScalar() {
        var ps: [Double] = [0x1p-54, 1 - 0x1p-53, 0.075, 0.925, 0.5, 1e-300, 0, 1, .nan, -1, 2, .infinity]
        for p in [0.075, 0.925, 0.5 - 0.425, 0.5 + 0.425] { ps += [p.nextDown, p, p.nextUp] }
        let found = Self.mismatches(ps)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("Lanes equal the scalar quantile to the bit for 10^5 random p, central and tail lanes mixed")
    func randomEqualScalar() {
        var g = PathRandomGenerator(seed: 31, path: 0)
        let ps = (0..<100_000).map { _ in Double.random(in: 0..<1, using: &g).nextUp }
        let found = Self.mismatches(ps)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }
}
