import Testing
@testable import Steppe

@Suite("Monte Carlo configuration")
struct MonteCarloConfigurationTests {
    @Test("The chunks of shard i of n are computed without overflow for the largest shard counts")
    func shardChunksDoNotOverflow() throws {
        let n = MonteCarloConfiguration.Limits.shards
        let total = MonteCarloConfiguration.Limits.paths   // one path per chunk: the most chunks a run has
        let last = try #require(Shard(index: n, count: n))
        #expect(last.chunks(of: total).upperBound == total)
        let first = try #require(Shard(index: 1, count: n))
        #expect(first.chunks(of: total) == 0..<(total / n))
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

    @Test("The memory estimate of exact quantiles counts every kept value: all eight metrics, at bytesPerKeptValue each")
    func estimateCountsEveryKeptValue() {
        let paths = 10_000_000
        let mb = MonteCarloConfiguration.estimatedMemoryMB(paths: paths, exactQuantileLimit: paths, threads: 4, shards: 1)
        let kept = Double(paths * PathMetric.allCases.count) * MonteCarloConfiguration.bytesPerKeptValue / 1_000_000
        #expect(Double(mb) >= kept)
        // A shard keeps its part only.
        let shard = MonteCarloConfiguration.estimatedMemoryMB(paths: paths, exactQuantileLimit: paths, threads: 4, shards: 10)
        #expect(Double(shard) >= kept / 10 && shard < mb)
    }

    @Test("The memory estimate of the largest sizes is a number, not an overflow trap")
    func estimateOfHugeSizes() {
        let mb = MonteCarloConfiguration.estimatedMemoryMB(paths: .max, exactQuantileLimit: .max, keptValuesPerPath: .max, threads: .max, shards: 1)
        #expect(mb > 1_000_000_000)
    }
}
