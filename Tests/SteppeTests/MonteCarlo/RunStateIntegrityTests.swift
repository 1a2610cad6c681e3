import Foundation
import Testing
@testable import Steppe

/// A shard file is read only if its checksum matches and its counts and lengths are a run's.
@Suite("Run-state integrity")
struct RunStateIntegrityTests {
    /// Shard 1 of 2 of a 2048-path run of the linear test model, with exact quantiles or a sketch.
    static func shard(sketch: Bool = false) throws -> RunState {
        try MonteCarloRunnerTests.runner(paths: 2048, exactLimit: sketch ? 100 : 1_000_000).run(shard: Shard(index: 1, count: 2))
    }

    /// The state written as a shard file, with a checksum that matches whatever the state holds.
    static func file(_ state: RunState) -> Data {
        Data(state.json(scenarioText: MonteCarloRunnerTests.yaml, shard: Shard(index: 1, count: 2)!).serialized().utf8)
    }

    /// The message with which the shard file of `state` is refused, or nil when it is read.
    static func refusal(_ state: RunState) -> String? { refusal(file(state)) }

    /// The message with which the shard file `data` is refused, or nil when it is read.
    static func refusal(_ data: Data) -> String? {
        do { _ = try RunState.shardFile(data); return nil } catch { return error.message }
    }

    @Test("A shard file as written is read back unchanged")
    func roundTrip() throws {
        for sketch in [false, true] {
            let state = try Self.shard(sketch: sketch)
            let read = try RunState.shardFile(Self.file(state))
            #expect(read.state.json.serialized() == state.json.serialized())
            #expect(read.shard == Shard(index: 1, count: 2))
        }
    }

    @Test("An edited value no longer matches the checksum, and the file is refused")
    func editedValueFailsTheChecksum() throws {
        let state = try Self.shard()
        let text = String(decoding: Self.file(state), as: UTF8.self)
        let defined = "\"defined\": \(state.metrics[0].defined)"
        #expect(text.contains(defined))
        let edited = text.replacingOccurrences(of: defined, with: "\"defined\": \(state.metrics[0].defined - 1)")
        let message = try #require(Self.refusal(Data(edited.utf8)), "an edited count was accepted")
        #expect(message.contains("the checksum does not match the content"), "\(message)")
    }

    @Test("A truncated list of kept values no longer matches the checksum")
    func truncatedValuesFailTheChecksum() throws {
        let state = try Self.shard()
        let text = String(decoding: Self.file(state), as: UTF8.self)
        let encoded = String(try #require(state.json.serialized().split(separator: "\"").first { $0.count > 1000 }))
        let truncated = text.replacingOccurrences(of: encoded, with: String(encoded.dropLast(12)))
        #expect(truncated != text)
        let message = try #require(Self.refusal(Data(truncated.utf8)), "a truncated value list was accepted")
        #expect(message.contains("checksum") || message.contains("kept values"), "\(message)")
    }

    /// Edits a checksum recomputed over would not catch, each with the words of its refusal.
    static let impossibleEdits: [(String, @Sendable (inout RunState) -> Void)] = [
        ("9 value lists", { state in let first = state.values![0]; state.values?.append(first) }),
        ("a NaN minimum", { $0.metrics[0].minimum = .nan }),
        ("defined -5000", { $0.metrics[0].defined = -5000 }),
        ("a count past the shard's paths", { $0.metrics[0].defined = Int.max / 2 }),
        ("a truncated value list", { $0.values![1].removeLast(3) }),
        ("below above defined", { $0.metrics[0].below = $0.metrics[0].defined + 1 }),
        ("a chunk size past the limit", { $0.identity.configuration.chunkSize = Int.max }),
        ("a range beyond the run", { $0.ranges = [0..<(1 << 40)] }),
    ]

    @Test("A state no run could write is refused even with a matching checksum",
          arguments: impossibleEdits.indices)
    func impossibleStateIsRefused(_ i: Int) throws {
        var state = try Self.shard()
        Self.impossibleEdits[i].1(&state)
        let message = try #require(Self.refusal(state), "\(Self.impossibleEdits[i].0) was accepted")
        #expect(message.contains("inconsistent") || message.contains("is not a count"), "\(Self.impossibleEdits[i].0): \(message)")
    }

    @Test("Sketch counts near 2^64 are refused, not a trap")
    func sketchCountsNearTheLimitAreRefused() throws {
        let state = try Self.shard(sketch: true)
        let text = String(decoding: Self.file(state), as: UTF8.self)
        // The first bin count of the first sketch: ["<bin>", "<count>"] written as [bin, "count"].
        let range = try #require(text.range(of: #"\[\d+, "\d+"\]"#, options: .regularExpression))
        let bin = text[range].split(separator: ",")[0]
        let edited = text.replacingCharacters(in: range, with: "\(bin), \"18446744073709551615\"]")
        #expect(Self.refusal(Data(edited.utf8)) != nil, "an overflowing sketch was accepted")
        var huge = state
        huge.metrics[0].sketch = QuantileSketch(positive: [(0, UInt64.max - 1)], negative: [], zero: 0)
        #expect(Self.refusal(huge)?.contains("sketch counts") == true)
    }
}
