import Foundation
import Testing
@testable import Steppe

@Suite("Path samplers")
struct SamplerTests {
    static func draws(_ sampler: any PathSampler) -> [[Double]] {
        var u = [Double](repeating: 0, count: sampler.dimensions)
        return (0..<sampler.pathCount).map { path in
            sampler.fill(path: path, into: &u)
            return u
        }
    }

    @Test("Every sampler gives uniforms in the open interval (0, 1)", arguments: SamplingMethod.allCases)
    func openInterval(_ method: SamplingMethod) throws {
        let sampler = try method.sampler(seed: 11, pathCount: 1_000, dimensions: 7)
        for row in Self.draws(sampler) {
            #expect(row.allSatisfy { $0 > 0 && $0 < 1 })
        }
    }

    @Test("Paths are the same whatever order or shard computes them", arguments: SamplingMethod.allCases)
    func orderIndependence(_ method: SamplingMethod) throws {
        let sampler = try method.sampler(seed: 5, pathCount: 64, dimensions: 4)
        let forward = Self.draws(sampler)
        var u = [Double](repeating: 0, count: 4)
        // Backwards, then the two halves on concurrent tasks.
        for path in (0..<64).reversed() {
            sampler.fill(path: path, into: &u)
            #expect(u == forward[path])
        }
        let rebuilt = try method.sampler(seed: 5, pathCount: 64, dimensions: 4)
        let shards = DispatchQueue.concurrentPerform
        // Each task writes its own disjoint rows.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64 * 4)
        defer { results.deallocate() }
        shards(2) { shard in
            for path in (shard * 32)..<(shard * 32 + 32) {
                rebuilt.fill(path: path, into: UnsafeMutableBufferPointer(rebasing: results[(path * 4)..<(path * 4 + 4)]))
            }
        }
        #expect(Array(results) == forward.flatMap { $0 })
    }

    @Test("Another seed gives other draws", arguments: SamplingMethod.allCases)
    func seedMatters(_ method: SamplingMethod) throws {
        let a = Self.draws(try method.sampler(seed: 1, pathCount: 16, dimensions: 3))
        let b = Self.draws(try method.sampler(seed: 2, pathCount: 16, dimensions: 3))
        #expect(a != b)
    }

    @Test("Latin hypercube puts exactly one path in each stratum of each dimension",
          arguments: [1, 2, 3, 7, 64, 100, 1_000, 4_097])
    func latinHypercubeStrata(_ n: Int) throws {
        let sampler = try LatinHypercubeSampler(seed: 99, pathCount: n, dimensions: 5)
        let rows = Self.draws(sampler)
        for j in 0..<5 {
            var seen = [Bool](repeating: false, count: n)
            for row in rows {
                let stratum = Int(row[j] * Double(n))
                #expect(!seen[stratum], "dimension \(j), stratum \(stratum) twice")
                seen[stratum] = true
            }
            #expect(seen.allSatisfy { $0 })
        }
    }

    @Test("The keyed permutation is a bijection for sizes around powers of two", arguments: [1, 2, 3, 4, 5, 15, 16, 17, 255, 256, 257, 1_000])
    func permutationIsBijective(_ n: Int) {
        let p = KeyedPermutation(count: n, key: 12_345)
        #expect(Set((0..<n).map { p($0) }) == Set(0..<n))
    }

    @Test("Latin hypercube strata of different dimensions are not aligned")
    func latinHypercubeDimensionsDiffer() throws {
        let sampler = try LatinHypercubeSampler(seed: 3, pathCount: 100, dimensions: 2)
        let same = (0..<100).filter { sampler.stratum(path: $0, dimension: 0) == sampler.stratum(path: $0, dimension: 1) }
        #expect(same.count < 10)
    }

    @Test("Unscrambled Sobol points equal the published first points of dimensions 1-5")
    func publishedSobolPoints() throws {
        let sequence = try SobolSequence(dimensions: 5)
        // Joe and Kuo's Gray-code order, as printed by SciPy's qmc.Sobol(scramble=False).
        let expected: [[Double]] = [
            [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875, 0.6875, 0.9375, 0.4375, 0.3125, 0.8125, 0.5625, 0.0625],
            [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125, 0.8125, 0.0625, 0.5625, 0.1875, 0.6875, 0.4375, 0.9375],
            [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375, 0.4375, 0.6875, 0.1875, 0.3125, 0.8125, 0.0625, 0.5625],
            [0, 0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.4375, 0.9375, 0.1875, 0.6875, 0.5625, 0.0625, 0.8125, 0.3125],
            [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.5625, 0.0625, 0.3125, 0.8125, 0.9375, 0.4375, 0.1875, 0.6875],
        ]
        for j in 0..<5 {
            let points = (0..<16 as Range<UInt32>).map { Double(sequence.value(index: $0, dimension: j)) * 0x1p-32 }
            #expect(points == expected[j], "dimension \(j + 1)")
        }
        // The sampler without scrambling gives the same points, half a cell up.
        let sampler = try SobolSampler(seed: 0, pathCount: 16, dimensions: 5, scrambled: false)
        let rows = Self.draws(sampler)
        for j in 0..<5 { #expect(rows.map { $0[j] - 0x1p-33 } == expected[j]) }
    }

    @Test("The embedded table starts with the published Joe-Kuo lines")
    func tableHead() {
        // d s a m_i: 2 1 0 1 / 3 2 1 1 3 / 4 3 1 1 3 1 / 5 3 2 1 1 1 / 6 4 1 1 1 3 3 / 7 4 4 1 3 5 13
        #expect(Array(_JoeKuoTable.degrees.prefix(6)) == [1, 2, 3, 3, 4, 4])
        #expect(Array(_JoeKuoTable.coefficients.prefix(6)) == [0, 1, 1, 2, 1, 4])
        #expect(Array(_JoeKuoTable.initialNumbers.prefix(17)) == [1, 1, 3, 1, 3, 1, 1, 1, 1, 1, 1, 3, 3, 1, 3, 5, 13])
        // Line 1024: "1024 13 3538 1 1 5 11 11 33 37 29 263 1019 657 1453 7807".
        #expect(_JoeKuoTable.degrees.count == 1023)
        #expect(_JoeKuoTable.degrees.last == 13 && _JoeKuoTable.coefficients.last == 3538)
        #expect(Array(_JoeKuoTable.initialNumbers.suffix(13)) == [1, 1, 5, 11, 11, 33, 37, 29, 263, 1019, 657, 1453, 7807])
        #expect(_JoeKuoTable.initialNumbers.count == _JoeKuoTable.degrees.reduce(0) { $0 + Int($1) })
    }

    /// Checksums over all 1024 dimensions of one point, computed from SciPy
    /// 1.17.1's own copy of the Joe-Kuo numbers (`_sobol_direction_numbers.npz`)
    /// with 32-bit direction numbers: Σ_d (d + 1) · x_d(i) mod 2^64.
    @Test("All 1024 dimensions agree with SciPy's direction numbers", arguments: [
        (UInt32(0xAAAA_AAAA), UInt64(1_131_392_525_266_350), [UInt32(4_294_967_295), 1, 1_325_465_599, 2_207_379_209, 1_332_211_717, 2_638_375_999, 1_500_359_927]),
        (UInt32(0x5555_5555), UInt64(1_136_876_295_935_752), [4_294_967_294, 4_294_967_294, 2_315_299_498, 2_895_908_858, 2_875_637_174, 3_321_190_210, 1_013_990_586]),
        (UInt32(1_000), UInt64(1_096_614_001_246_208), [943_718_400, 415_236_096, 2_227_175_424, 624_951_296, 1_270_874_112, 801_112_064, 3_066_036_224]),
    ])
    func fullTableChecksum(index: UInt32, checksum: UInt64, selected: [UInt32]) throws {
        let sequence = try SobolSequence(dimensions: 1024)
        var sum: UInt64 = 0
        for d in 0..<1024 { sum &+= UInt64(d + 1) &* UInt64(sequence.value(index: index, dimension: d)) }
        #expect(sum == checksum)
        // Dimensions 1, 2, 3, 32, 33, 100 and 1024.
        #expect([1, 2, 3, 32, 33, 100, 1024].map { sequence.value(index: index, dimension: $0 - 1) } == selected)
    }

    @Test("Sobol beyond the table is refused with a clear message")
    func sobolTooManyDimensions() {
        #expect(throws: SamplingError.invalidSampler(
            "Sobol sampling supports 0 to 1024 dimensions, the Joe-Kuo table embedded in Steppe (got 1025); use lhs or random beyond that")) {
            try SamplingMethod.sobol.sampler(seed: 1, pathCount: 8, dimensions: 1025)
        }
        #expect(throws: SamplingError.invalidSampler("random sampling needs at least 1 path (got 0)")) {
            try SamplingMethod.random.sampler(seed: 1, pathCount: 0, dimensions: 3)
        }
    }

    @Test("Scrambled Sobol points stay stratified: each dyadic interval of length 2^-k holds one of the first 2^k points")
    func scrambledStratification() throws {
        let sampler = try SobolSampler(seed: 2_024, pathCount: 1 << 12, dimensions: 16)
        let rows = Self.draws(sampler)
        for k in [1, 4, 8, 12] {
            let n = 1 << k
            for j in 0..<16 {
                let cells = Set(rows.prefix(n).map { Int($0[j] * Double(n)) })
                #expect(cells.count == n, "k \(k), dimension \(j)")
            }
        }
        // Two-dimensional (0, m, 2)-net in dimensions 1-2: each 2^-a × 2^-(8-a) box holds one of 256 points.
        for a in 0...8 {
            let boxes = Set(rows.prefix(256).map { Int($0[0] * Double(1 << a)) << 8 | Int($0[1] * Double(1 << (8 - a))) })
            #expect(boxes.count == 256, "a \(a)")
        }
    }

    @Test("Scrambled Sobol estimates a smooth integral with lower error than random sampling")
    func sobolBeatsRandom() throws {
        // ∫ over [0,1]^8 of Π (1 + (u_j - 1/2) / j) ... exact value 1; add curvature:
        // f(u) = Π_j (1 + (3 u_j² - 1) / (j + 1)), each factor integrating to 1.
        func f(_ u: [Double]) -> Double {
            u.enumerated().reduce(1) { $0 * (1 + (3 * $1.element * $1.element - 1) / Double($1.offset + 2)) }
        }
        let n = 1 << 10, replicates = 20
        var sobolSquared = 0.0, randomSquared = 0.0
        for r in 0..<replicates {
            let s = Self.draws(try SobolSampler(seed: UInt64(r), pathCount: n, dimensions: 8))
            let m = Self.draws(try RandomSampler(seed: UInt64(r), pathCount: n, dimensions: 8))
            let sobolError = s.map(f).reduce(0, +) / Double(n) - 1
            let randomError = m.map(f).reduce(0, +) / Double(n) - 1
            sobolSquared += sobolError * sobolError
            randomSquared += randomError * randomError
        }
        // Root-mean-square error over 20 independent scrambles and seeds.
        #expect(sobolSquared.squareRoot() < 0.2 * randomSquared.squareRoot())
    }

    @Test("Owen scrambling is a bijection that keeps leading bits' prefixes nested")
    func owenNesting() {
        for seed: UInt32 in [0, 1, 0xDEAD_BEEF] {
            // Points sharing their top k bits still share their top k bits after scrambling.
            for k in [1, 3, 8] {
                let shift = UInt32(32 - k)
                let a: UInt32 = 0xABCD_1234, b = (a >> shift) << shift | 0x0000_0F0F & ((1 << shift) - 1)
                #expect(OwenScrambling.scramble(a, seed: seed) >> shift == OwenScrambling.scramble(b, seed: seed) >> shift)
            }
            let images = Set((0..<4_096 as Range<UInt32>).map { OwenScrambling.scramble($0 << 20, seed: seed) >> 20 })
            #expect(images.count == 4_096)
        }
    }
}
