/// What a module's per-path model says about the paths it ran (`ModulePathModel.summary(of:)`): a member of
/// the Monte Carlo result JSON and the text `steppe run` prints, both the module's own.
public struct ModulePathSummary: Sendable {
    /// The result JSON's member name, e.g. `hydrogenWeather`.
    public var key: String
    public var json: JSONValue
    /// The summary as text, for `steppe run`'s text output.
    public var text: String

    public init(key: String, json: JSONValue, text: String) {
        self.key = key; self.json = json; self.text = text
    }
}
