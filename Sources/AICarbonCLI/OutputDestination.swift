import AICarbon
import Foundation

/// Where a command's output goes: standard output, or a file written atomically (a temporary file in
/// the same folder, renamed over the destination), so a failed run leaves no partial file.
struct OutputDestination {
    /// The path given, or `nil` (and `-`) for standard output.
    var path: String?
    /// The flag that named the file, for errors (`--output`, `-o`, `--output-file`).
    var flag: String

    /// Whether the output goes to standard output.
    var isStandardOutput: Bool { path == nil || path == "-" }

    /// The destination given with one of `spellings` (the flag shown in errors is the one typed last
    /// on the command line, else the first spelling).
    /// - Parameters:
    ///   - path: The option's value, if given.
    ///   - spellings: The option's names, long first (`["--output", "--output-file", "-o"]`).
    ///   - arguments: The command line.
    init(path: String?, spellings: [String], arguments: [String] = CommandLine.arguments) {
        self.path = path
        let typed = arguments.last { argument in
            spellings.contains { argument == $0 || argument.hasPrefix($0 + "=") || ($0.count == 2 && argument.hasPrefix($0)) }
        }
        flag = spellings.first { typed == $0 || typed?.hasPrefix($0 + "=") == true } ?? spellings.first { typed?.hasPrefix($0) == true }
            ?? spellings[0]
    }

    /// Refuses, before any work, a file that could not be written: a missing folder, or a folder.
    /// - Throws: ``InputError`` naming the flag.
    func check() throws(InputError) {
        guard let path, !isStandardOutput else { return }
        try AtomicFile.checkWritable(path, field: flag)
    }

    /// Writes `text` to standard output or, atomically, to the file.
    /// - Parameter text: The whole output.
    /// - Throws: ``InputError`` naming the flag when the file cannot be written.
    func write(_ text: String) throws(InputError) {
        guard let path, !isStandardOutput else {
            print(text, terminator: "")
            return
        }
        try AtomicFile.write(text, to: path, field: flag)
    }
}
