/// "did you mean" hints for names typed on the command line (zones, policies), with the same
/// closeness rule as the scenario reader's (`closestMatch`), so `steppe zones bautou` is answered as
/// a scenario's `zone: bautou` is.
public enum NameSuggestion {
    /// "; did you mean 'baotou'?" for the known name closest to `name`, or "" when none is close.
    /// A name that is close to the first part of a hyphenated id (`ejin-hor`) suggests that id.
    public static func hint(for name: String, among known: [String]) -> String {
        let match = closestMatch(to: name, in: known)
            ?? known.first { $0.lowercased().hasPrefix(name.lowercased()) && !name.isEmpty }
        return match.map { "; did you mean '\($0)'?" } ?? ""
    }
}
