import Testing
@testable import Steppe

@Suite("Random stream in eight lanes")
struct RandomStreamLanesTests {
    static func lanes(_ stream: RandomStream, firstPath: UInt64, dimensions: Int, streamIndex: UInt32) -> [SIMD8<Double>] {
        var u = [SIMD8<Double>](repeating: SIMD8(repeating: -1), count: dimensions)
        u.withUnsafeMutableBufferPointer { stream.fillLanes(firstPath: firstPath, stream: streamIndex, into: $0) }
        return u
    }

    @Test("Lane j of dimension d is uniform(path: first + j, dimension: d) to the bit, across the 2^32 and 2^64 carries",
          arguments: [0, 5, 1_000_003, (1 << 32) - 8, (1 << 32) - 3, 1 << 32, (1 << 40) + 1, UInt64.max - 3] as [UInt64])
    func lanesEqualUniform(_ firstPath: UInt64) {
        for seed in [0, 42, 0xFEDC_BA98_7654_3210] as [UInt64] {
            let stream = RandomStream(seed: seed)
            for streamIndex in [RandomStream.Stream.sampling, RandomStream.Stream.latinHypercubeJitter] {
                let u = Self.lanes(stream, firstPath: firstPath, dimensions: 11, streamIndex: streamIndex)
                for d in 0..<11 {
                    for j in 0..<8 {
                        let scalar = stream.uniform(path: firstPath &+ UInt64(j), dimension: d, stream: streamIndex)
                        #expect(u[d][j].bitPattern == scalar.bitPattern, "seed \(seed) path \(firstPath) + \(j) dimension \(d)")
                    }
                }
            }
        }
    }

    @Test("The lane conversion of a word equals openUnit to the bit, including the extreme words")
    func laneOpenUnitEqualsScalar() {
        var words: [UInt64] = [0, 1, 0x7FF, 0x800, 0xFFF, 1 << 63, (1 << 63) - 1, (1 << 63) + 0x800, .max, .max - 0x7FF]
        var g = PathRandomGenerator(seed: 9, path: 0)
        for _ in 0..<10_000 { words.append(UInt64.random(in: .min ... .max, using: &g)) }
        for _ in 0..<1_000 { words.append(UInt64.random(in: 0 ... (1 << 20), using: &g)) }
        while words.count % 8 != 0 { words.append(0) }
        for start in stride(from: 0, to: words.count, by: 8) {
            let lanes = RandomStream.openUnit(SIMD8(words[start..<(start + 8)]))
            for j in 0..<8 {
                #expect(lanes[j].bitPattern == RandomStream.openUnit(words[start + j]).bitPattern, "word \(words[start + j])")
            }
        }
    }
}
