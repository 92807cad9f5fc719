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

    /// Refuses, before any work, a file that could not be written (a missing folder, or a folder), or
    /// that would overwrite a scenario being read or the chart being written.
    /// - Parameters:
    ///   - scenarios: The scenario files the command reads (`-`, standard input, is skipped).
    ///   - plot: The `--plot` file, if any.
    /// - Throws: ``InputError`` naming the flag.
    func check(scenarios: [String] = [], plot: String? = nil) throws(InputError) {
        guard let path, !isStandardOutput else { return }
        let resolved = Self.resolved(path)
        for scenario in scenarios where scenario != "-" && Self.resolved(scenario) == resolved {
            throw InputError(field: flag, expected: "a file other than the scenario being read (\(scenario))", found: "\"\(path)\"")
        }
        if let plot, Self.resolved(plot) == resolved {
            throw InputError(field: flag, expected: "a file other than the --plot chart (\(plot))", found: "\"\(path)\"")
        }
        try AtomicFile.checkWritable(path, field: flag)
    }

    /// A path with `.`, `..` and symbolic links resolved (its folder's, when the file does not exist),
    /// so that two spellings of one file compare equal.
    /// - Parameter path: A path, absolute or relative to the working folder.
    /// - Returns: The absolute, resolved path.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (absolute as NSString).deletingLastPathComponent, name = (absolute as NSString).lastPathComponent
        guard let real = realpath(folder, nil) else { return absolute }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }

    /// Writes `text` to standard output or, atomically, to the file.
    /// - Parameter text: The whole output.
    /// - Throws: ``InputError`` naming the flag when the file cannot be written, or `stdout` when
    ///   standard output cannot (a full disk, a closed pipe).
    func write(_ text: String) throws(InputError) {
        guard let path, !isStandardOutput else {
            try Self.writeStandardOutput(text)
            return
        }
        try AtomicFile.write(text, to: path, field: flag)
    }

    /// Writes `text` to standard output, checking that every byte was written.
    /// - Parameter text: The text.
    /// - Throws: ``InputError`` for the field `stdout` with the system's reason.
    static func writeStandardOutput(_ text: String) throws(InputError) {
        fflush(nil)  // anything printed before goes first
        if let code = AtomicFile.writeAll(Array(text.utf8), to: STDOUT_FILENO) {
            throw standardOutputError(code)
        }
    }

    /// The error for standard output that could not be written.
    /// - Parameter code: The `errno` of the failure.
    static func standardOutputError(_ code: Int32) -> InputError {
        InputError(field: "stdout", expected: "to write the output", found: String(cString: strerror(code)))
    }
}
