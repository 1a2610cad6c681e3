import Foundation

extension RunState {
    /// A shard file: the state, the shard it covers and the scenario's source text, so
    /// `merge` needs nothing else and can check that every shard ran the same scenario;
    /// last, the checksum of all that (see `checksum(of:)`), so `merge` detects a damaged file.
    public func json(scenarioText: String, shard: Shard) -> JSONValue {
        let content = shardContent(scenarioText: scenarioText, shard: shard)
        guard case .object(var members) = content else { return content }
        members.append(("checksum", .string(RunState.checksum(of: content))))
        return .object(members)
    }

    /// The members of a shard file the checksum covers: all but `checksum`.
    private func shardContent(scenarioText: String, shard: Shard) -> JSONValue {
        guard case .object(var members) = json else { return json }
        members.insert(("shard", .string(shard.description)), at: 1)
        members.append(("scenarioText", .string(scenarioText)))
        return .object(members)
    }

    /// Reads a shard file written by `json(scenarioText:shard:)`, checking its checksum and that its
    /// counts and lengths are those of a run (`integrityProblem`).
    public static func shardFile(_ data: Data) throws(FileError) -> (state: RunState, scenarioText: String, shard: Shard) {
        let state = try RunState(jsonData: data)
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let text = root["scenarioText"] as? String else {
            throw FileError(message: "the shard file does not hold its scenario")
        }
        guard let shard = (root["shard"] as? String).flatMap(Shard.init) else {
            throw FileError(message: "the shard file does not say which shard i/n it holds")
        }
        guard let recorded = root["checksum"] as? String else {
            throw FileError(message: "the shard file has no checksum")
        }
        // The content read back and written again: any change to a value it holds changes the checksum.
        guard recorded == checksum(of: state.shardContent(scenarioText: text, shard: shard)) else {
            throw FileError(message: "the checksum does not match the content: the file was damaged or edited; run shard \(shard) again")
        }
        if let problem = state.integrityProblem {
            throw FileError(message: "the shard state is inconsistent (\(problem)); run shard \(shard) again")
        }
        guard fingerprint(text) == state.identity.scenarioFingerprint else {
            throw FileError(message: "the embedded scenario does not match its fingerprint")
        }
        return (state, text, shard)
    }
}
