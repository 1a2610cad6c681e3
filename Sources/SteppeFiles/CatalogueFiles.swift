import Foundation
import Steppe

/// Reads the policy catalogue: the shipped copy embedded in the binary, and a user's folder
/// of YAML files whose entries are added to it or replace shipped entries with the same id.
public enum CatalogueFiles {
    /// The shipped catalogue, parsed once. Its validity is a test (`CatalogueTests`).
    public static func standard() throws(ScenarioErrors) -> PolicyCatalogue { try standardResult.get() }

    private static let standardResult: Result<PolicyCatalogue, ScenarioErrors> = {
        do throws(ScenarioErrors) {
            let documents = try EmbeddedCatalogue.files.map { (file: "Catalogue/\($0.name)", text: $0.text) }
                .map { (d) throws(ScenarioErrors) in (file: d.file, node: try ScenarioFile.sourceNode(d.text, file: d.file)) }
            let catalogue = try PolicyCatalogue(reading: documents)
            let issues = catalogue.validate()
            if !issues.isEmpty { throw ScenarioErrors(issues) }
            return .success(catalogue)
        } catch {
            return .failure(error)
        }
    }()

    /// The shipped catalogue extended by the `.yaml`, `.yml` and `.json` files in `directory`
    /// and its subfolders (read in path order); nil means the shipped catalogue alone.
    ///
    /// - Throws: `ScenarioErrors` naming file, line and key path of every problem.
    public static func load(directory: String?) throws(ScenarioErrors) -> PolicyCatalogue {
        let standard = try standard()
        guard let directory else { return standard }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScenarioErrors([ScenarioIssue(file: directory, keyPath: "", message: "no such catalogue folder")])
        }
        let root = URL(fileURLWithPath: directory)
        let paths = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        var texts: [(file: String, text: String)] = []
        var issues: [ScenarioIssue] = []
        for relative in paths {
            let path = root.appendingPathComponent(relative).path
            do { texts.append((path, try ScenarioFile.readText(path: path, file: path))) } catch { issues += error.issues }
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        return try standard.extended(by: texts)
    }
}

extension PolicyCatalogue {
    /// This catalogue with the entries of catalogue documents (YAML or JSON text, applied in
    /// order) added or replacing entries with the same id, validated as a whole.
    ///
    /// - Throws: `ScenarioErrors` naming file, line and key path of every problem.
    public func extended(by texts: [(file: String, text: String)]) throws(ScenarioErrors) -> PolicyCatalogue {
        var documents: [(file: String, node: SourceNode)] = []
        var issues: [ScenarioIssue] = []
        for (file, text) in texts {
            do { documents.append((file, try ScenarioFile.sourceNode(text, file: file))) } catch { issues += error.issues }
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        let merged = merging(try PolicyCatalogue(reading: documents))
        let problems = merged.validate()
        if !problems.isEmpty { throw ScenarioErrors(problems) }
        return merged
    }
}
