import Foundation

/// Writes files completely or not at all: the text goes to a temporary file in the same folder, which
/// is then renamed over the destination (rename(2) is atomic within a file system).
///
/// Only regular files (and new files) are replaced that way. A destination that is a device, a FIFO
/// or a socket (`/dev/null`, `/dev/stdout`, a named pipe) is opened and written directly, so that it
/// stays what it is; a symbolic link is followed and its target written (atomically when the target
/// is a regular file), so that the link stays a link.
public enum AtomicFile {
    /// Refuses a destination that cannot be written: its folder is missing, it is a folder itself, or
    /// ``write(_:to:field:)`` would be denied (access(2) as this user): a device, FIFO or socket that cannot
    /// be opened for writing; else the folder where the file is replaced (the folder of a symbolic link's
    /// target) without write and search permission, or an existing file that cannot be written.
    /// Commands call this before their work, so a long run does not end in this error.
    /// - Parameters:
    ///   - path: The destination.
    ///   - field: The option or key that named the file, for errors.
    /// - Throws: ``InputError`` naming `field` when the folder does not exist, the path is a folder, or the
    ///   file or its folder cannot be written (with the system's reason: `Permission denied`,
    ///   `Read-only file system`).
    public static func checkWritable(_ path: String, field: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            // The folder as the path gave it (relative stays relative).
            let given = folderText(path)
            throw InputError(field: field, expected: "a file in an existing folder", found: "no folder \"\(given ?? folder.path)\"")
        }
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw InputError(field: field, expected: "a file path", found: "\"\(path)\", a folder")
        }
        try checkPermission(path, field: field)
    }

    /// Refuses, as ``checkWritable(_:field:)`` says, a destination this user may not write.
    private static func checkPermission(_ path: String, field: String) throws(InputError) {
        var info = stat()
        // A link that leads back to itself has no file to write: writing would replace the link.
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0, errno == ELOOP {
            throw failure(path, field: field, ELOOP)
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO or socket is opened and written directly.
            if access(path, W_OK) != 0 { throw failure(path, field: field, errno) }
            return
        }
        // A new or regular file is replaced: a temporary file is created in the target's folder and renamed.
        let target = linkTarget(path)
        let folder = folderText(target) ?? "."
        if access(folder, W_OK | X_OK) != 0 {
            // The reason first: a long path would cut it off the one-line message.
            throw InputError(field: field, expected: "a file in a folder that can be written",
                             found: "\(String(cString: strerror(errno))) for the folder \"\(folder)\""
                                 + (target == path ? "" : " (where the link leads)"))
        }
        if stat(target, &info) == 0, access(target, W_OK) != 0 { throw failure(path, field: field, errno) }
    }

    /// The name of the temporary file written beside a file named `name` by process `pid`.
    static func temporaryName(_ name: String, pid: Int32) -> String { ".\(name).\(pid).tmp" }

    /// Bytes the temporary file's name adds to the target's (``temporaryName(_:pid:)`` with a process id of up
    /// to seven digits, Linux's largest), so that a name whose temporary file would be too long is refused up front.
    public static let temporaryNameExtra = temporaryName("", pid: 9_999_999).utf8.count

    /// The folder part of `path` as typed: what comes before its last slash (`/` for `/x`), or nil when it
    /// has none (the working folder). Worked out on the text: Foundation's `deletingLastPathComponent` on
    /// `NSString` traps on a one-character path (`-o a`).
    /// - Parameter path: A file path.
    /// - Returns: The folder text, or nil.
    public static func folderText(_ path: String) -> String? {
        path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) }
    }

    /// Writes `text` to `path`: a new or regular file atomically (it is replaced whole, and a failure
    /// leaves neither a partial file nor the temporary file); a device, FIFO or socket directly; a
    /// symbolic link by writing its target the same way (the link is kept).
    /// - Parameters:
    ///   - text: The content, written as UTF-8.
    ///   - path: The destination.
    ///   - field: The option or key that named the file, for errors.
    /// - Throws: ``InputError`` when the folder does not exist or the file cannot be written, with the
    ///   system's reason (`No space left on device`, `Permission denied`).
    public static func write(_ text: String, to path: String, field: String) throws(InputError) {
        try checkWritable(path, field: field)
        // stat(2) follows links, so a link to a device or a pipe (`/dev/stdout` → `/proc/self/fd/1` →
        // `pipe:[…]`) is opened through the link itself.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            guard (info.st_mode & S_IFMT) != S_IFDIR else {
                throw InputError(field: field, expected: "a file path", found: "\"\(path)\", a folder")
            }
            try writeDirectly(text, to: path, shown: path, field: field)
            return
        }
        try replace(linkTarget(path), with: text, shown: path, field: field)
    }

    /// The path a symbolic link leads to (following a chain of links, relative ones from their own
    /// folder), or `path` itself when it is not a link. A dangling link gives the path it points to.
    /// - Parameter path: A path.
    /// - Returns: The final path, which is not a symbolic link (or does not exist); still a link only for a
    ///   chain of more than 40 links or a loop (``checkWritable(_:field:)`` refuses those).
    public static func linkTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
                  let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    /// Writes `text` to an existing device, FIFO or socket without replacing it: open, write, close.
    private static func writeDirectly(_ text: String, to target: String, shown: String, field: String) throws(InputError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY)
        guard descriptor >= 0 else { throw failure(shown, field: field, errno) }
        let writeError = writeAll(Array(text.utf8), to: descriptor)
        let closeError = close(descriptor) == 0 ? 0 : errno
        if let code = writeError ?? (closeError != 0 ? closeError : nil) { throw failure(shown, field: field, code) }
    }

    /// Writes `text` to a temporary file beside `target`, then renames it over `target`. An existing file
    /// is replaced only if it could be written in place (as `>` would: not a read-only file of someone
    /// else's), and keeps its permissions (a private file stays private); a new file gets the default
    /// permissions (0666 less the umask).
    private static func replace(_ target: String, with text: String, shown: String, field: String) throws(InputError) {
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists, access(target, W_OK) != 0 { throw failure(shown, field: field, errno) }
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(temporaryName(url.lastPathComponent, pid: ProcessInfo.processInfo.processIdentifier)).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { throw failure(shown, field: field, errno) }
        if exists, fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw failure(shown, field: field, code)
        }
        let writeError = writeAll(Array(text.utf8), to: descriptor)
        let closeError = close(descriptor) == 0 ? 0 : errno
        if let code = writeError ?? (closeError != 0 ? closeError : nil) {
            unlink(temporary)
            throw failure(shown, field: field, code)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(shown, field: field, code)
        }
    }

    /// Writes every byte to an open file descriptor, retrying after interruptions and short writes.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - descriptor: An open file descriptor (such as `STDOUT_FILENO`).
    /// - Returns: `nil` on success, else the `errno` of the failure.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// The error for a file that could not be written, with the system's reason.
    private static func failure(_ path: String, field: String, _ code: Int32) -> InputError {
        InputError(field: field, expected: "a file that can be written", found: "\"\(path)\" (\(String(cString: strerror(code))))")
    }
}
