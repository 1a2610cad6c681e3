import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part,
/// and so that nobody sharing the folder can redirect the write.
///
/// The text goes to a new temporary file in the destination's folder, named
/// `.steppe-tmp-<16 random hex digits>` and created with O_CREAT|O_EXCL|O_NOFOLLOW (mode 0666
/// less the umask): a planted file or symbolic link makes the creation fail instead of being
/// followed. It is written, flushed to disk (fsync) and renamed over the target, which replaces
/// the name atomically and never writes through a link there. Two writers of the same target
/// both succeed and the last rename wins; neither leaves a mixed file.
enum AtomicFile {
    /// Names the temporary files, so that stale ones can be recognised (`StaleTemporaryFiles`).
    static let temporaryPrefix = ".steppe-tmp-"

    /// Writes `text` to `path` after the checks of `OutputTarget` (an existing file needs `force`).
    /// - Throws: `OutputError` with the whole message.
    static func write(_ text: String, to path: String, force: Bool, inputs: InputFiles = InputFiles()) throws(OutputError) {
        try write(bytes: Array(text.utf8), to: path, force: force, inputs: inputs)
    }

    /// Writes `bytes` (a binary file such as the `--xlsx` workbook) the same way.
    static func write(bytes: [UInt8], to path: String, force: Bool, inputs: InputFiles = InputFiles()) throws(OutputError) {
        if let refusal = OutputTarget(option: "output", path: path).refusal(force: force, inputs: inputs) { throw refusal }
        let folder = OutputTarget.folder(of: path)
        StaleTemporaryFiles.remove(in: folder)
        let (descriptor, temporary) = try createTemporary(in: folder, for: path)
        var failure: String?
        if !writeAll(bytes, to: descriptor) || fsync(descriptor) != 0 { failure = errorText() }
        if close(descriptor) != 0 && failure == nil { failure = errorText() }
        if let failure {
            unlink(temporary)
            throw OutputError(description: "\(path): cannot write: \(failure)")
        }
        // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt on Linux
        // moved the old file away and then failed, losing it.)
        guard rename(temporary, path) == 0 else {
            let message = Self.errorText()
            unlink(temporary)
            throw OutputError(description: "\(path): cannot write: \(message)")
        }
        syncFolder(folder)
    }

    /// A new temporary file in `folder`, open for writing, with an unpredictable name.
    static func createTemporary(in folder: String, for path: String) throws(OutputError) -> (descriptor: Int32, path: String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let hex = String(generator.next() as UInt64, radix: 16)
            let name = temporaryPrefix + String(repeating: "0", count: 16 - hex.count) + hex
            let temporary = (folder as NSString).appendingPathComponent(name)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { break }
        }
        throw OutputError(description: "\(path): cannot create a temporary file in \(folder): \(errorText())")
    }

    /// Writes every byte, resuming after partial writes and signals; false on an error (in errno).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Flushes the folder's entry of the renamed file, so the new name survives a power cut.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
