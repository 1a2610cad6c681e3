import Foundation

extension RunState {
    /// A shard file: the state, the shard it covers and the scenario's source text, so
    /// `merge` needs nothing else and can check that every shard ran the same scenario.
    public func json(scenarioText: String, shard: Shard) -> JSONValue {
        guard case .object(var members) = json else { return json }
        members.insert(("shard", .string(shard.description)), at: 1)
        members.append(("scenarioText", .string(scenarioText)))
        return .object(members)
    }

    /// Reads a shard file written by `json(scenarioText:shard:)`.
    public static func shardFile(_ data: Data) throws(FileError) -> (state: RunState, scenarioText: String, shard: Shard?) {
        let state = try RunState(jsonData: data)
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let text = root["scenarioText"] as? String else {
            throw FileError(message: "the shard file does not hold its scenario")
        }
        guard fingerprint(text) == state.identity.scenarioFingerprint else {
            throw FileError(message: "the embedded scenario does not match its fingerprint")
        }
        return (state, text, (root["shard"] as? String).flatMap(Shard.init))
    }
}
