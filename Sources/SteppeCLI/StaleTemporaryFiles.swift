import Foundation

/// Removes temporary files that a killed steppe left behind (`AtomicFile` names them
/// `.steppe-tmp-...`) from a folder it is about to write into.
///
/// Only what is surely such a leftover is removed: a regular file (not a link), owned by the
/// current user, with the prefix, last modified more than `age` ago. A temporary file lives for
/// the milliseconds of one write, so an hour-old one belongs to no running steppe.
enum StaleTemporaryFiles {
    static let age: TimeInterval = 3600

    static func remove(in folder: String, olderThan age: TimeInterval = age) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let cutoff = Date().timeIntervalSince1970 - age
        for name in names where name.hasPrefix(AtomicFile.temporaryPrefix) {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
                  Double(modificationSeconds(info)) < cutoff else { continue }
            unlink(path)
        }
    }

    private static func modificationSeconds(_ info: stat) -> Int {
        #if canImport(Darwin)
        Int(info.st_mtimespec.tv_sec)
        #else
        Int(info.st_mtim.tv_sec)
        #endif
    }
}
