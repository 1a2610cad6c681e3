import Foundation

/// Writes the rendered report of a result JSON: HTML, Markdown and CSV files and the xlsx
/// workbook, each atomically and never over an existing file without `--force`.
enum ReportFiles {
    /// Renders `json` and writes the requested files; returns the lines to print
    /// ("report written to /abs/path.html"). Every file is checked (`OutputTarget`) before the
    /// first is written, so a refusal leaves no report half written.
    static func write(_ json: JSONValue, html: String?, markdown: String?, csv: String?, xlsx: String? = nil, force: Bool,
                      inputs: InputFiles = InputFiles()) throws(OutputError) -> [String] {
        let document: ReportDocument
        do { document = try ReportDocument(json: json) } catch { throw OutputError(description: error.description) }
        var files: [(option: String, path: String, bytes: [UInt8], what: String)] = []
        if let html { files.append(("--html", html, Array(document.html.utf8), "HTML report")) }
        if let markdown { files.append(("--markdown", markdown, Array(document.markdown.utf8), "Markdown report")) }
        if let xlsx { files.append(("--xlsx", xlsx, try WorkbookFile.bytes(of: document.workbook), "Excel workbook")) }
        var tables: [(option: String, path: String, bytes: [UInt8], what: String)] = []
        if let csv {
            if let refusal = folderRefusal(csv) { throw refusal }
            for f in document.csvFiles { tables.append(("--csv", try path(of: f.name, inside: csv), Array(f.contents.utf8), "CSV")) }
        }
        let folderExists = csv.map { FileManager.default.fileExists(atPath: $0) } ?? false
        let checked = files + (folderExists ? tables : [])
        if let refusal = OutputTarget.firstRefusal(checked.map { ($0.option, $0.path) }, force: force, inputs: inputs) { throw refusal }
        if let csv, !folderExists {
            do { try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true) }
            catch { throw OutputError(description: "\(csv): cannot create the folder: \(error.localizedDescription)") }
        }
        var lines: [String] = []
        for f in files + tables {
            try AtomicFile.write(bytes: f.bytes, to: f.path, force: force, inputs: inputs)
            if f.option != "--csv" { lines.append("\(f.what) written to \(absolute(f.path))") }
        }
        if let csv { lines.append("\(tables.count) CSV tables written to \(absolute(csv))") }
        return lines
    }

    /// `folder/name` for a file name made from data, refused unless it is a plain name directly in
    /// `folder` (`SafeFileName` makes such names; this checks the result, whatever made it).
    static func path(of name: String, inside folder: String) throws(OutputError) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        let parent = (absolute(path) as NSString).deletingLastPathComponent
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", parent == absolute(folder) else {
            throw OutputError(description: "\(folder): the table name '\(name)' would be written outside the folder")
        }
        return path
    }

    /// The `--csv` folder is absent (it will be made) or a folder.
    private static func folderRefusal(_ folder: String) -> OutputError? {
        if folder.isEmpty { return OutputError(description: "--csv: the path is empty") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            return OutputError(description: "\(folder) is not a folder; --csv needs a folder for the tables")
        }
        return nil
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
