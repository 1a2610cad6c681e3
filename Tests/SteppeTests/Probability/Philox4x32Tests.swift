import Testing
@testable import Steppe

/// Random123's `kat_vectors` for Philox4x32 (counter words 0-3, key words
/// 0-1, expected output words 0-3), as reproduced in several independent
/// public ports; see docs/sampling.md.
@Suite("Philox4x32 known answers")
struct Philox4x32Tests {
    struct Vector: CustomStringConvertible, Sendable {
        let rounds: Int
        let counter: SIMD4<UInt32>
        let key: SIMD2<UInt32>
        let expected: SIMD4<UInt32>
        var description: String { "philox4x32 \(rounds) \(counter) \(key)" }
    }

    static let vectors: [Vector] = [
        Vector(rounds: 7, counter: [0, 0, 0, 0], key: [0, 0],
               expected: [0x5f6fb709, 0x0d893f64, 0x4f121f81, 0x4f730a48]),
        Vector(rounds: 7, counter: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], key: [0xffffffff, 0xffffffff],
               expected: [0x5207ddc2, 0x45165e59, 0x4d8ee751, 0x8c52f662]),
        Vector(rounds: 7, counter: [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], key: [0xa4093822, 0x299f31d0],
               expected: [0x4dfccaba, 0x190a87f0, 0xc47362ba, 0xb6b5242a]),
        Vector(rounds: 10, counter: [0, 0, 0, 0], key: [0, 0],
               expected: [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]),
        Vector(rounds: 10, counter: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], key: [0xffffffff, 0xffffffff],
               expected: [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]),
        Vector(rounds: 10, counter: [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], key: [0xa4093822, 0x299f31d0],
               expected: [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]),
    ]

    @Test("Philox4x32 reproduces the Random123 known-answer vectors", arguments: vectors)
    func knownAnswers(_ v: Vector) {
        #expect(Philox4x32.block(counter: v.counter, key: v.key, rounds: v.rounds) == v.expected)
    }

    @Test("Ten rounds is the default")
    func defaultRounds() {
        let v = Self.vectors[5]
        #expect(Philox4x32.block(counter: v.counter, key: v.key) == v.expected)
    }
}

@Suite("Random stream")
struct RandomStreamTests {
    @Test("The mapping is key = seed, counter = (path, dimension / 2, stream), top 53 bits of a 64-bit word")
    func documentedMapping() {
        let seed: UInt64 = 0x0123_4567_89AB_CDEF, path: UInt64 = 0xFEDC_BA98_7654_3210
        let block = Philox4x32.block(counter: [0x7654_3210, 0xFEDC_BA98, 3, 1], key: [0x89AB_CDEF, 0x0123_4567])
        let even = UInt64(block[0]) | UInt64(block[1]) << 32
        let odd = UInt64(block[2]) | UInt64(block[3]) << 32
        let stream = RandomStream(seed: seed)
        #expect(stream.uniform(path: path, dimension: 6, stream: 1) == Double(even >> 11) * 0x1p-53)
        #expect(stream.uniform(path: path, dimension: 7, stream: 1) == Double(odd >> 11) * 0x1p-53)
    }

    @Test("Uniforms stay in the open interval, including the extreme words")
    func openInterval() {
        #expect(RandomStream.openUnit(0) == 0x1p-54)
        #expect(RandomStream.openUnit(0x7FF) == 0x1p-54)
        #expect(RandomStream.openUnit(.max) == 1 - 0x1p-53)
        #expect(RandomStream.openUnit(.max) < 1)
        let stream = RandomStream(seed: 42)
        for path in 0..<1_000 as Range<UInt64> {
            for d in 0..<8 {
                let u = stream.uniform(path: path, dimension: d)
                #expect(u > 0 && u < 1)
            }
        }
    }

    @Test("fill equals uniform element by element, from any first dimension")
    func fillMatchesUniform() {
        let stream = RandomStream(seed: 7)
        for first in 0..<3 {
            for count in [0, 1, 2, 5, 10] {
                var u = [Double](repeating: -1, count: count)
                u.withUnsafeMutableBufferPointer { stream.fill(path: 99, firstDimension: first, stream: 4, into: $0) }
                for i in 0..<count {
                    #expect(u[i] == stream.uniform(path: 99, dimension: first + i, stream: 4))
                }
            }
        }
    }

    @Test("Draws depend on seed, path, dimension and stream, and on nothing else")
    func pureFunction() {
        let a = RandomStream(seed: 1), b = RandomStream(seed: 2)
        let x = a.uniform(path: 5, dimension: 3)
        #expect(RandomStream(seed: 1).uniform(path: 5, dimension: 3) == x)
        #expect(b.uniform(path: 5, dimension: 3) != x)
        #expect(a.uniform(path: 6, dimension: 3) != x)
        #expect(a.uniform(path: 5, dimension: 2) != x)
        #expect(a.uniform(path: 5, dimension: 3, stream: 1) != x)
    }

    @Test("Sample mean and variance of 10^5 uniforms are within 5 standard errors of 1/2 and 1/12")
    func uniformMoments() {
        let stream = RandomStream(seed: 2024)
        let n = 100_000
        var sum = 0.0, sumSquares = 0.0
        for path in 0..<n {
            let u = stream.uniform(path: UInt64(path), dimension: 0)
            sum += u
            sumSquares += (u - 0.5) * (u - 0.5)
        }
        let mean = sum / Double(n)
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        // Var((U - 1/2)^2) = 1/80 - 1/144.
        #expect(abs(sumSquares / Double(n) - 1.0 / 12) < 5 * ((1.0 / 80 - 1.0 / 144) / Double(n)).squareRoot())
    }

    @Test("The per-path generator replays the same words and differs between paths")
    func pathGenerator() {
        var g1 = PathRandomGenerator(seed: 3, path: 10)
        var g2 = PathRandomGenerator(seed: 3, path: 10)
        var g3 = PathRandomGenerator(seed: 3, path: 11)
        let a = (0..<9).map { _ in g1.next() }
        let b = (0..<9).map { _ in g2.next() }
        let c = (0..<9).map { _ in g3.next() }
        #expect(a == b)
        #expect(a != c)
        // Words come from the stream's blocks, two per block.
        let block = RandomStream(seed: 3).block(path: 10, block: 1, stream: RandomStream.Stream.generator)
        #expect(a[2] == UInt64(block[0]) | UInt64(block[1]) << 32)
        #expect(a[3] == UInt64(block[2]) | UInt64(block[3]) << 32)
    }
}
