import Foundation

/// Writes files completely or not at all: the text goes to a temporary file in the same folder, which
/// is then renamed over the destination (rename(2) is atomic within a file system).
public enum AtomicFile {
    /// Refuses a destination that cannot be written: its folder is missing, or it is a folder itself.
    /// Commands call this before their work, so a long run does not end in this error.
    /// - Parameters:
    ///   - path: The destination.
    ///   - field: The option or key that named the file, for errors.
    /// - Throws: ``InputError`` naming `field` when the folder does not exist or the path is a folder.
    public static func checkWritable(_ path: String, field: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            // The folder as the path gave it (relative stays relative).
            let given = (path as NSString).deletingLastPathComponent
            throw InputError(field: field, expected: "a file in an existing folder", found: "no folder \"\(given.isEmpty ? folder.path : given)\"")
        }
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw InputError(field: field, expected: "a file path", found: "\"\(path)\", a folder")
        }
    }

    /// Writes `text` to `path` atomically: an existing file is replaced whole, and a failure leaves
    /// neither a partial file nor the temporary file.
    /// - Parameters:
    ///   - text: The content, written as UTF-8.
    ///   - path: The destination.
    ///   - field: The option or key that named the file, for errors.
    /// - Throws: ``InputError`` when the folder does not exist or cannot be written.
    public static func write(_ text: String, to path: String, field: String) throws(InputError) {
        try checkWritable(path, field: field)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(field: field, expected: "a file that can be written", found: "\"\(path)\" (permission denied?)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(field: field, expected: "a file that can be written", found: "\"\(path)\" (rename failed)")
        }
    }
}
