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

    /// Refuses, before any work, a file that could not be written (a missing folder, a folder, or one this
    /// user may not write: ``AtomicFile/checkWritable(_:field:)``), or that would overwrite a scenario being
    /// read or the chart being written.
    /// - Parameters:
    ///   - scenarios: The scenario files the command reads (`-`, standard input, is skipped).
    ///   - plot: The `--plot` file, if any.
    /// - Throws: ``InputError`` naming the flag.
    func check(scenarios: [String] = [], plot: String? = nil) throws(InputError) {
        guard let path, !isStandardOutput else { return }
        try checkName(path)
        let resolved = Self.resolved(path)
        for scenario in scenarios where scenario != "-" && (Self.resolved(scenario) == resolved || Self.sameFile(scenario, path)) {
            throw InputError(field: flag, expected: "a file other than the scenario being read (\(scenario))", found: "\"\(path)\"")
        }
        if let plot, Self.resolved(plot) == resolved {
            throw InputError(field: flag, expected: "a file other than the --plot chart (\(plot))", found: "\"\(path)\"")
        }
        do {
            try AtomicFile.checkWritable(path, field: flag)
        } catch {
            throw reasonFirst(error, path: path)
        }
    }

    /// Refuses a name no file can have: an empty one (which would name the working folder), or a name or
    /// path longer than the file system allows, with the system's reason (`File name too long`) ahead of
    /// the name, which a message of one short line would otherwise cut off.
    /// - Parameter path: The file as given.
    /// - Throws: ``InputError`` naming the flag.
    func checkName(_ path: String) throws(InputError) {
        guard !path.isEmpty else {
            throw InputError(field: flag, expected: "a file name (or - for standard output)", found: "an empty file name")
        }
        let limit = pathconf(AtomicFile.folderText(path) ?? ".", Int32(_PC_NAME_MAX))
        let nameLimit = limit > 0 ? Int(limit) : Int(NAME_MAX)
        let tooLong = String(cString: strerror(ENAMETOOLONG))
        // The file's own name also names its temporary file (``AtomicFile/temporaryNameExtra`` bytes longer),
        // which must fit too: a name that would not is refused now, not after the run.
        let parts = path.split(separator: "/")
        for (i, name) in parts.enumerated() {
            let last = i == parts.count - 1 && !path.hasSuffix("/")
            let allowed = last ? nameLimit - AtomicFile.temporaryNameExtra : nameLimit
            guard name.utf8.count > allowed else { continue }
            throw InputError(field: flag, expected: "a file name of at most \(allowed) bytes"
                                 + (last ? " (the temporary file written beside it adds \(AtomicFile.temporaryNameExtra))" : ""),
                             found: "\(InputError.abridged(name)), \(name.utf8.count) bytes (\(tooLong))")
        }
        guard path.utf8.count < Int(PATH_MAX) else {
            throw InputError(field: flag, expected: "a path of at most \(Int(PATH_MAX) - 1) bytes",
                             found: "\(InputError.abridged(path)), \(path.utf8.count) bytes (\(tooLong))")
        }
    }

    /// Whether two paths name one existing file by its device and inode: a hard link to the scenario is the
    /// scenario under another name, refused as its other spellings are (it was written over).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// A path with `.`, `..` and symbolic links resolved (its folder's, when the file does not exist; a
    /// dangling link's target, which writing through it would create), so that two spellings of one file
    /// compare equal.
    /// - Parameter path: A path, absolute or relative to the working folder.
    /// - Returns: The absolute, resolved path.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // A dangling link (`-o l.svg` where l.svg → p.svg, not yet written): the file it would create.
        let target = AtomicFile.linkTarget(absolute)
        var info = stat()
        if target != absolute, !(lstat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK) { return resolved(target) }
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
        try checkName(path)
        do {
            try AtomicFile.write(text, to: path, field: flag)
        } catch {
            throw reasonFirst(error, path: path)
        }
    }

    /// `error` (`"PATH" (reason)`) with the system's reason ahead of a path so long that the one-line
    /// message would cut the reason off.
    private func reasonFirst(_ error: InputError, path: String) -> InputError {
        let quoted = "\"\(path)\" ("
        guard error.found.unicodeScalars.count > InputError.maximumPartLength, error.found.hasPrefix(quoted), error.found.hasSuffix(")")
        else { return error }
        var e = error
        e.found = "\(error.found.dropFirst(quoted.count).dropLast()) for \(InputError.abridged(path)), \(path.utf8.count) bytes"
        return e
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
