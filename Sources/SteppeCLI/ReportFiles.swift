import Foundation
import Steppe

/// Writes the rendered report of a result JSON: HTML, Markdown and CSV files, each atomically
/// and never over an existing file without `--force`.
enum ReportFiles {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Renders `json` and writes the requested files; returns the lines to print
    /// ("report written to /abs/path.html").
    static func write(_ json: JSONValue, html: String?, markdown: String?, csv: String?, force: Bool) throws(Failure) -> [String] {
        let document: ReportDocument
        do { document = try ReportDocument(json: json) } catch { throw Failure(description: error.description) }
        var lines: [String] = []
        func put(_ text: String, _ path: String, _ what: String) throws(Failure) {
            do { try AtomicFile.write(text, to: path, force: force) }
            catch let e as AtomicFile.ExistsError { throw Failure(description: e.description) }
            catch { throw Failure(description: "\(path): cannot write: \(error.localizedDescription)") }
            lines.append("\(what) written to \(absolute(path))")
        }
        if let html { try put(document.html, html, "HTML report") }
        if let markdown { try put(document.markdown, markdown, "Markdown report") }
        if let csv {
            do { try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true) }
            catch { throw Failure(description: "\(csv): cannot create the folder: \(error.localizedDescription)") }
            let files = document.csvFiles
            for f in files { try put(f.contents, (csv as NSString).appendingPathComponent(f.name), "CSV") }
            lines.removeLast(files.count)
            lines.append("\(files.count) CSV tables written to \(absolute(csv))")
        }
        return lines
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The `--force` check done before a long run, so it does not fail at the end.
    static func checkWritable(_ path: String?, force: Bool) -> String? {
        guard let path, !force, FileManager.default.fileExists(atPath: path) else { return nil }
        return "\(path) exists; pass --force to overwrite it."
    }
}
