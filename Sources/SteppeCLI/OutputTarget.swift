import Foundation

/// Why an output path is refused, as a complete message.
struct OutputError: Error, CustomStringConvertible {
    let description: String
}

/// A file a command is asked to write, named by the option that gave it (`--out`, `--report`, ...).
///
/// Every output is checked before the work starts, so a long run does not fail at its end, and
/// again when it is written: the folder exists and is writable; the target is absent or a regular
/// file (a symbolic link, FIFO, device, socket or folder is refused, never written through);
/// it is none of the command's inputs; and an existing file is replaced only with `--force`.
struct OutputTarget {
    let option: String
    let path: String

    /// The first reason not to write `path`, or nil.
    func refusal(force: Bool, inputs: InputFiles) -> OutputError? {
        guard !path.isEmpty else { return OutputError(description: "\(option): the path is empty") }
        let folder = Self.folder(of: path)
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            return OutputError(description: "\(path): the folder \(folder) does not exist")
        }
        guard Self.kind(folderInfo) == S_IFDIR else {
            return OutputError(description: "\(path): \(folder) is not a folder")
        }
        guard access(folder, W_OK) == 0 else {
            return OutputError(description: "\(path): the folder \(folder) is not writable")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch Self.kind(info) {
        case S_IFREG: break
        case S_IFLNK:
            return OutputError(description: "\(path) is a symbolic link; steppe does not write through links (give the path of the file itself)")
        default:
            return OutputError(description: "\(path) is not a regular file (\(Self.kindName(info))); steppe writes only regular files")
        }
        if let input = inputs.input(sameAs: info) {
            let same = input == path ? "" : " (the same file as \(input))"
            return OutputError(description: "\(path) is an input of this command\(same); write the output elsewhere")
        }
        if !force { return OutputError(description: "\(path) exists; pass --force to overwrite it") }
        return nil
    }

    /// The first refusal among the given outputs (nil paths are not asked for), including two
    /// options naming the same file.
    static func firstRefusal(_ targets: [(option: String, path: String?)], force: Bool, inputs: InputFiles) -> OutputError? {
        var seen: [String: String] = [:]
        for case let (option, path?) in targets {
            if let refusal = OutputTarget(option: option, path: path).refusal(force: force, inputs: inputs) { return refusal }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if let other = seen[absolute] { return OutputError(description: "\(path): \(other) and \(option) name the same file") }
            seen[absolute] = option
        }
        return nil
    }

    /// `firstRefusal` as the failed command, for the commands to call before their work starts.
    static func checkBeforeWork(_ targets: [(option: String, path: String?)], force: Bool, inputs: InputFiles) -> CommandResult? {
        firstRefusal(targets, force: force, inputs: inputs).map { CommandResult(status: 1, standardError: "\($0)\n") }
    }

    /// The folder `path` is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func kind(_ info: stat) -> mode_t { info.st_mode & S_IFMT }

    private static func kindName(_ info: stat) -> String {
        switch kind(info) {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
