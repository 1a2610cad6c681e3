import ArgumentParser
import Foundation

/// `--catalogue DIR`, shared by the commands that read the policy catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .customLong("catalogue"), help: ArgumentHelp(
        "Folder of catalogue YAML files that add to or override the shipped catalogue (default: $STEPPE_CATALOGUE).",
        valueName: "dir"))
    var folder: String?

    func validate() throws {
        if folder == "" { throw ValidationError("--catalogue: the path is empty") }
    }

    /// The shipped catalogue with `--catalogue` (or `$STEPPE_CATALOGUE`) applied.
    func load() throws(ScenarioErrors) -> PolicyCatalogue {
        try CatalogueFiles.load(directory: folder ?? ProcessInfo.processInfo.environment["STEPPE_CATALOGUE"])
    }
}

extension Double {
    /// `5` rather than `5.0`, `0.401` as is, for listings.
    var plainText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
