import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part.
enum AtomicFile {
    /// Refuses to replace an existing file unless `force` is set.
    struct ExistsError: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) exists; pass --force to overwrite it" }
    }

    /// `write(_:to:)` after checking that `path` does not exist, unless `force`.
    static func write(_ text: String, to path: String, force: Bool) throws {
        if !force && FileManager.default.fileExists(atPath: path) { throw ExistsError(path: path) }
        try write(text, to: path)
    }

    /// Writes `text` to a temporary file in the destination's folder, then renames it over `path`.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt on Linux
            // moved the old file away and then failed, losing it.)
            guard rename(temporary.path, url.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
