import Foundation

/// The files a command reads (scenario, catalogue files, shards, result JSON), by device and inode,
/// so that no output replaces one of them, whatever path, link or hard link names it.
struct InputFiles: Sendable {
    private var files: [(path: String, device: UInt64, inode: UInt64)] = []

    init(_ paths: [String?] = []) {
        for case let path? in paths { add(path) }
    }

    /// Adds `path` (followed if a link); a path that cannot be read is skipped: it is not replaced either.
    mutating func add(_ path: String) {
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else { return }
        files.append((path, UInt64(info.st_dev), UInt64(info.st_ino)))
    }

    mutating func add(contentsOf other: InputFiles) { files += other.files }

    /// The input that is the same file as `info` describes, if any.
    func input(sameAs info: stat) -> String? {
        files.first { $0.device == UInt64(info.st_dev) && $0.inode == UInt64(info.st_ino) }?.path
    }
}

extension CatalogueOptions {
    /// Every file under the `--catalogue` folder (or `$STEPPE_CATALOGUE`): they are all read or could be.
    var inputFiles: InputFiles {
        guard let folder = folder ?? ProcessInfo.processInfo.environment["STEPPE_CATALOGUE"], !folder.isEmpty else { return InputFiles() }
        let relative = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return InputFiles(relative.map { (folder as NSString).appendingPathComponent($0) })
    }
}

extension ScenarioOptions {
    /// The scenario file and the catalogue files.
    var inputFiles: InputFiles {
        var inputs = InputFiles([file])
        inputs.add(contentsOf: catalogue.inputFiles)
        return inputs
    }
}
