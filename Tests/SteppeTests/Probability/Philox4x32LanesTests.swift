import Testing
@testable import Steppe

@Suite("Philox4x32 in eight lanes")
struct Philox4x32LanesTests {
    typealias Words8 = Philox4x32.Words8

    /// The eight-lane blocks of `counters` (four words per counter) as eight scalar-layout blocks.
    static func laneBlocks(_ counters: [SIMD4<UInt32>], key: SIMD2<UInt32>) -> [SIMD4<UInt64>] {
        var c = [Words8](repeating: .zero, count: 4)
        for j in 0..<8 {
            for w in 0..<4 { c[w][j] = UInt64(counters[j][w]) }
        }
        let (v0, v1, v2, v3) = Philox4x32.blocks(c[0], c[1], c[2], c[3], key: key)
        return (0..<8).map { SIMD4(v0[$0], v1[$0], v2[$0], v3[$0]) }
    }

    @Test("Each lane of the eight-lane Philox equals the scalar block of its counter, in the low halves of the lanes")
    func lanesEqualScalarBlocks() {
        var g = PathRandomGenerator(seed: 3, path: 0)
        func word() -> UInt32 { UInt32.random(in: .min ... .max, using: &g) }
        for _ in 0..<200 {
            let counters = (0..<8).map { _ in SIMD4(word(), word(), word(), word()) }
            let key = SIMD2(word(), word())
            let lanes = Self.laneBlocks(counters, key: key)
            for j in 0..<8 {
                let scalar = Philox4x32.block(counter: counters[j], key: key)
                #expect(lanes[j] == SIMD4<UInt64>(truncatingIfNeeded: scalar))
            }
        }
    }

    @Test("The eight-lane Philox reproduces the Random123 ten-round known answers")
    func knownAnswers() {
        for v in Philox4x32Tests.vectors where v.rounds == 10 {
            let lanes = Self.laneBlocks([SIMD4<UInt32>](repeating: v.counter, count: 8), key: v.key)
            #expect(lanes.allSatisfy { $0 == SIMD4<UInt64>(truncatingIfNeeded: v.expected) })
        }
    }
}
