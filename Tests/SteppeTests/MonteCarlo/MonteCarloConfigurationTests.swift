import Testing
@testable import Steppe

@Suite("Monte Carlo configuration")
struct MonteCarloConfigurationTests {
    @Test("The chunks of shard i of n are computed without overflow for any chunk count, up to Int.max")
    func shardChunksDoNotOverflow() throws {
        let n = MonteCarloConfiguration.Limits.shards
        let last = try #require(Shard(index: n, count: n))
        #expect(last.chunks(of: .max).upperBound == .max)
        let first = try #require(Shard(index: 1, count: n))
        #expect(first.chunks(of: .max) == 0..<(Int.max / n))
        #expect(first.chunks(of: MonteCarloConfiguration.Limits.paths) == 0..<(MonteCarloConfiguration.Limits.paths / n))
    }

    @Test("A shard count beyond the limit is not a shard")
    func shardCountLimit() {
        #expect(Shard("4611686018427387904/4611686018427387904") == nil)
        #expect(Shard(index: 1, count: MonteCarloConfiguration.Limits.shards + 1) == nil)
    }

    @Test("The chunk count of a chunk size near Int.max is 1, not an overflow trap")
    func chunkCountOfHugeChunks() {
        #expect(MonteCarloConfiguration(paths: 10, chunkSize: .max).chunkCount == 1)
        #expect(MonteCarloConfiguration(paths: 2048, chunkSize: 1024).chunkCount == 2)
        #expect(MonteCarloConfiguration(paths: 2049, chunkSize: 1024).chunkCount == 3)
    }

    @Test("The memory estimate of exact quantiles is at least the measured peak: 331 MB for a shard of 1e6 paths (docs/cluster.md)")
    func estimateCoversTheMeasuredPeak() {
        let shard = MonteCarloConfiguration.estimatedMemoryMB(paths: 8_000_000, exactQuantileLimit: 8_000_000, threads: 1, shards: 8)
        #expect(shard >= 331)
        // The estimate counts all eight kept metrics: a run that computes fewer keeps them all the same.
        let whole = MonteCarloConfiguration.estimatedMemoryMB(paths: 1_000_000, exactQuantileLimit: 1_000_000, threads: 1, shards: 1)
        #expect(whole == shard)
    }

    @Test("The memory estimate of the largest sizes is a number, not an overflow trap")
    func estimateOfHugeSizes() {
        let mb = MonteCarloConfiguration.estimatedMemoryMB(paths: .max, exactQuantileLimit: .max, keptValuesPerPath: .max, threads: .max, shards: 1)
        #expect(mb > 1_000_000_000)
    }

    @Test("The paths of the shards of a run are whole chunks that cover every path once, the last chunk cut at the path count")
    func shardPathsCoverTheRunOnce() throws {
        let config = MonteCarloConfiguration(paths: 10_000, chunkSize: 1024)
        for count in [1, 3, 7, 10, 13] {
            var next = 0
            for index in 1...count {
                let shard = try #require(Shard(index: index, count: count))
                let paths = config.paths(of: shard)
                #expect(paths.lowerBound == next && paths.lowerBound % 1024 == 0)
                next = paths.upperBound
            }
            #expect(next == 10_000)
        }
        #expect(config.paths(of: nil) == 0..<10_000)
        // More shards than chunks: some shards run no path.
        let first = try #require(Shard(index: 1, count: 13))
        #expect(config.paths(of: first).isEmpty)
    }
}
