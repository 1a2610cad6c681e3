import Testing
@testable import Steppe

@Suite("Path samplers in eight lanes")
struct PathSamplerLanesTests {
    static func lanes(_ sampler: any PathSampler, firstPath: Int) -> [SIMD8<Double>] {
        var u = [SIMD8<Double>](repeating: SIMD8(repeating: -1), count: sampler.dimensions)
        u.withUnsafeMutableBufferPointer { sampler.fillLanes(firstPath: firstPath, into: $0) }
        return u
    }

    /// Lane j of `u[d]` against `fill(path: firstPath + j)`'s element d, or 0.5 past the last path.
    static func mismatches(_ sampler: any PathSampler, firstPath: Int) -> [String] {
        let u = lanes(sampler, firstPath: firstPath)
        var row = [Double](repeating: 0, count: sampler.dimensions)
        var found: [String] = []
        for j in 0..<Lanes.scalarCount {
            let path = firstPath + j
            if path < sampler.pathCount {
                sampler.fill(path: path, into: &row)
            } else {
                row = [Double](repeating: 0.5, count: sampler.dimensions)
            }
            for d in 0..<sampler.dimensions where u[d][j].bitPattern != row[d].bitPattern {
                found.append("path \(path) dimension \(d): lane \(u[d][j]), scalar \(row[d])")
            }
        }
        return found
    }

    @Test("RandomSampler's lanes equal its one-path uniforms to the bit, across seeds and paths near 2^32",
          arguments: [0, 8, 13, 999_992, (1 << 32) - 8, (1 << 32) - 5, 1 << 32, (1 << 33) - 8])
    func randomSamplerLanesEqualFill(_ firstPath: Int) throws {
        for seed in [0, 1, 2_024, 0x0123_4567_89AB_CDEF, .max] as [UInt64] {
            for dimensions in [1, 2, 7, 10] {
                let sampler = try RandomSampler(seed: seed, pathCount: 1 << 33, dimensions: dimensions)
                let found = Self.mismatches(sampler, firstPath: firstPath)
                #expect(found.isEmpty, "seed \(seed), \(dimensions) dimensions: \(found.prefix(3))")
            }
        }
    }

    @Test("RandomSampler's last group puts 0.5 in the lanes past the path count", arguments: [16, 17, 20])
    func randomSamplerTailGroup(_ firstPath: Int) throws {
        let sampler = try RandomSampler(seed: 77, pathCount: 21, dimensions: 5)
        let found = Self.mismatches(sampler, firstPath: firstPath)
        #expect(found.isEmpty, "\(found.prefix(3))")
    }

    @Test("RandomSampler's lanes near 2^32 that cross the path count hold the paths below it and 0.5 above")
    func randomSamplerTailGroupNear2To32() throws {
        let sampler = try RandomSampler(seed: 5, pathCount: (1 << 32) + 2, dimensions: 3)
        let found = Self.mismatches(sampler, firstPath: (1 << 32) - 4)
        #expect(found.isEmpty, "\(found.prefix(3))")
    }

    @Test("A sampler with no dimensions fills no lanes", arguments: SamplingMethod.allCases)
    func noDimensions(_ method: SamplingMethod) throws {
        let sampler = try method.sampler(seed: 1, pathCount: 10, dimensions: 0)
        #expect(Self.lanes(sampler, firstPath: 8).isEmpty)
    }

    @Test("Latin hypercube lanes (the default implementation) equal its one-path uniforms to the bit",
          arguments: [0, 8, 40, 96, 99])
    func latinHypercubeLanesEqualFill(_ firstPath: Int) throws {
        for seed in [3, 0xFFFF_0000_1234] as [UInt64] {
            let sampler = try LatinHypercubeSampler(seed: seed, pathCount: 100, dimensions: 9)
            let found = Self.mismatches(sampler, firstPath: firstPath)
            #expect(found.isEmpty, "seed \(seed): \(found.prefix(3))")
        }
    }

    @Test("Sobol lanes (the default implementation) equal its one-path uniforms to the bit, scrambled or not",
          arguments: [0, 8, 1_016, 1_020, 1_023])
    func sobolLanesEqualFill(_ firstPath: Int) throws {
        for scrambled in [true, false] {
            let sampler = try SobolSampler(seed: 12, pathCount: 1_024, dimensions: 6, scrambled: scrambled)
            let found = Self.mismatches(sampler, firstPath: firstPath)
            #expect(found.isEmpty, "scrambled \(scrambled): \(found.prefix(3))")
        }
    }

    @Test("The default implementation handles more dimensions than fit on the stack")
    func defaultWithManyDimensions() throws {
        let sampler = try SobolSampler(seed: 4, pathCount: 64, dimensions: 1_000)
        let found = Self.mismatches(sampler, firstPath: 56)
        #expect(found.isEmpty, "\(found.prefix(3))")
    }
}
