import Foundation

/// Writes files completely or not at all: the text goes to a temporary file in the same folder, which
/// is then renamed over the destination (rename(2) is atomic within a file system).
public enum AtomicFile {
    /// Writes `text` to `path` atomically.
    /// - Parameters:
    ///   - text: The content, written as UTF-8.
    ///   - path: The destination.
    ///   - field: The option or key that named the file, for errors.
    /// - Throws: ``InputError`` when the folder does not exist or cannot be written.
    public static func write(_ text: String, to path: String, field: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(field: field, expected: "a file in an existing folder", found: "no folder \"\(folder.path)\"")
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw InputError(field: field, expected: "a file path", found: "\"\(path)\", a folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw InputError(field: field, expected: "a file that can be written", found: "\"\(path)\" (permission denied?)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(field: field, expected: "a file that can be written", found: "\"\(path)\" (rename failed)")
        }
    }
}
