import Foundation
import Testing

/// The review of issue 15: `-o` keeps special files and links what they are, never overwrites the
/// scenario being read or the chart, reports write errors with the system's reason; standard output
/// that cannot be written is an error; `compare - -` is refused.
@Suite("output safety (issue 15 review)")
struct OutputSafetyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/aicarbon")
    static let rebound = ["rebound", "--efficiency-gain", "2", "--elasticities", "-1,-0.2"]

    /// A new empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The file type bits of `path` itself (not following a link), or `nil` when it does not exist.
    static func type(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// Runs `aicarbon` with standard input and output given as file handles; standard error is returned.
    static func run(_ arguments: [String], input: FileHandle = .nullDevice, output: FileHandle) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test("-o onto a FIFO writes into the FIFO (its reader gets the output) and leaves it a FIFO")
    func fifo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try runAICarbon(Self.rebound).stdout
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader holds the FIFO open (without blocking, so a run that never opens it cannot hang the
        // test); the output is far below the pipe's buffer, so the writer never waits for it either.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let result = try runAICarbon(Self.rebound + ["-o", fifo])
        var read = [UInt8](), buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Foundation.read(reader, &buffer, buffer.count)
            guard n > 0 else { break }
            read += buffer[0..<n]
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.type(fifo) == S_IFIFO)
        #expect(String(decoding: read, as: UTF8.self) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test("-o onto a symbolic link writes its target (atomically) and keeps the link; a dangling link creates its target")
    func symlink() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try runAICarbon(Self.rebound).stdout
        let target = folder.appendingPathComponent("target.txt"), link = folder.appendingPathComponent("link.txt")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.txt")
        let result = try runAICarbon(Self.rebound + ["-o", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.type(link.path) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.txt")
        #expect(try String(contentsOf: target, encoding: .utf8) == expected)

        let dangling = folder.appendingPathComponent("dangling.txt"), new = folder.appendingPathComponent("new.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: new.path)
        #expect(try runAICarbon(Self.rebound + ["--output", dangling.path]).status == 0)
        #expect(Self.type(dangling.path) == S_IFLNK)
        #expect(try String(contentsOf: new, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dangling.txt", "link.txt", "new.txt", "target.txt"])
    }

    @Test("-o onto a link to a pipe (/proc/self/fd/1, as /dev/stdout is) writes into the pipe and keeps the link")
    func linkToPipe() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let result = try runAICarbon(Self.rebound + ["-o", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try runAICarbon(Self.rebound).stdout))
        #expect(Self.type(link) == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stdout"])
    }

    @Test("-o over a regular file still replaces it whole (a new inode, by rename)")
    func regularFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.txt")
        try Data("old\n".utf8).write(to: file)
        var before = stat(), after = stat()
        #expect(stat(file.path, &before) == 0)
        #expect(try runAICarbon(Self.rebound + ["-o", file.path]).status == 0)
        #expect(stat(file.path, &after) == 0)
        #expect(before.st_ino != after.st_ino)
        #expect(try String(contentsOf: file, encoding: .utf8) == runAICarbon(Self.rebound).stdout)
    }

    @Test("-o over an existing file keeps its permissions (a private file stays private); a new file gets 0666 less the umask",
          arguments: [0o600, 0o640, 0o755])
    func keepsPermissions(_ mode: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.txt")
        try Data("old\n".utf8).write(to: file)
        #expect(chmod(file.path, mode_t(mode)) == 0)
        #expect(try runAICarbon(Self.rebound + ["-o", file.path]).status == 0)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        #expect(Int(info.st_mode & 0o7777) == mode)
        #expect(try String(contentsOf: file, encoding: .utf8) == runAICarbon(Self.rebound).stdout)
        // A new file: the default permissions, as the shell's `>` would create it.
        let fresh = folder.appendingPathComponent("new.txt")
        #expect(try runAICarbon(Self.rebound + ["-o", fresh.path]).status == 0)
        let mask = umask(0)
        umask(mask)
        #expect(stat(fresh.path, &info) == 0)
        #expect(Int(info.st_mode & 0o7777) == 0o666 & ~Int(mask))
    }

    @Test("-o naming the scenario being read (however spelled) is refused before any work; the scenario is kept",
          arguments: ["run", "sensitivity", "report", "compare"])
    func outputIsTheScenario(_ command: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("in.yaml")
        let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/gpt3-patterson.yaml"), encoding: .utf8)
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias.yaml").path, withDestinationPath: "in.yaml")
        let flag = command == "sensitivity" ? "--output-file" : "-o"
        let spellings = [scenario.path, folder.appendingPathComponent("sub/../in.yaml").path, folder.appendingPathComponent("alias.yaml").path]
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        for spelling in spellings {
            let files = command == "compare" ? [Self.root.appendingPathComponent("Scenarios/llama-65b.yaml").path, scenario.path] : [scenario.path]
            let result = try runAICarbon([command] + files + ["--samples", "500", flag, spelling])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "Error: \(flag): expected a file other than the scenario being read (\(scenario.path)), found \"\(spelling)\"\n")
            #expect(try String(contentsOf: scenario, encoding: .utf8) == text)
        }
    }

    @Test("-o naming the --plot chart is refused before any work", arguments: [
        ["run", root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path],
        ["estimate", "--chip-hours", "1000", "--power", "400 W", "--grid", "FRA"],
    ])
    func outputIsThePlot(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("x.svg").path
        let result = try runAICarbon(arguments + ["--samples", "500", "--plot", chart, "-o", chart])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: -o: expected a file other than the --plot chart (\(chart)), found \"\(chart)\"\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("-o or --plot naming a hard link to the scenario being read is refused before any work")
    func outputIsAHardLinkToTheScenario() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("in.yaml").path, link = folder.appendingPathComponent("other.yaml").path
        let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/gpt3-patterson.yaml"), encoding: .utf8)
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(Foundation.link(scenario, link) == 0)
        for flag in ["-o", "--plot"] {
            let target = flag == "--plot" ? folder.appendingPathComponent("chart.svg").path : link
            if flag == "--plot" { #expect(Foundation.link(scenario, target) == 0) }
            let result = try runAICarbon(["run", scenario, "--samples", "500", flag, target])
            #expect(result.status == 1 && result.stderr.contains("expected a file other than the scenario being read (\(scenario))"),
                    "\(result.stderr)")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == text)
        }
    }

    @Test("-o and --plot through a dangling link to one file are refused (the chart was overwritten by the table, exit 0)")
    func outputIsThePlotThroughALink() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("p.svg").path, link = folder.appendingPathComponent("l.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "p.svg")
        let arguments = ["estimate", "--chip-hours", "1000", "--power", "400 W", "--grid", "FRA", "--samples", "500"]
        for (plot, output) in [(link, chart), (chart, link)] {
            let result = try runAICarbon(arguments + ["--plot", plot, "-o", output])
            #expect(result.status == 1 && result.stderr == "Error: -o: expected a file other than the --plot chart (\(plot)), found \"\(output)\"\n",
                    "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: chart))
        }
    }

    @Test("-o onto a link that leads back to itself is refused with the system's reason, and the link stays (it was replaced by a file)")
    func outputLinkLoop() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loop = folder.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop")
        let result = try runAICarbon(Self.rebound + ["-o", loop])
        #expect(result.status == 1 && result.stderr == "Error: -o: expected a file that can be written, found \"\(loop)\" (\(String(cString: strerror(ELOOP))))\n",
                "\(result.stderr)")
        #expect(Self.type(loop) == S_IFLNK)
    }

    @Test("standard output that cannot be written (/dev/full) is an error, not exit 0", arguments: [
        rebound,
        ["schema"],
        ["run", root.appendingPathComponent("Scenarios/gpt3-patterson.yaml").path, "--samples", "500", "-o", "-"],
        // Help, the version and completion scripts too (they exited 0; `make install` writes completions this way).
        ["--help"], ["-h"], ["estimate", "--help"], ["help", "run"], ["help"], ["--version"], ["--generate-completion-script", "bash"],
    ])
    func fullStandardOutput(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let result = try Self.run(arguments, output: full)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: stdout: expected to write the output, found No space left on device\n")
    }

    @Test("-o that cannot be written whole gives the system's reason (a file size limit: File too large), and no file")
    func fileTooLarge() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.txt").path
        let shell = Process(), err = Pipe()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        // SIGXFSZ ignored (kept across exec), so that writing past the limit fails with EFBIG.
        shell.arguments = ["-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"", Self.binary.path] + Self.rebound + ["-o", file]
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = err
        try shell.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 1)
        #expect(stderr == "Error: -o: expected a file that can be written, found \"\(file)\" (File too large)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("compare - - is refused in one line (standard input holds one scenario)")
    func compareStdinTwice() throws {
        let scenario = try #require(FileHandle(forReadingAtPath: Self.root.appendingPathComponent("Scenarios/gpt3-patterson.yaml").path))
        defer { try? scenario.close() }
        let result = try Self.run(["compare", "-", "-", "--samples", "500"], input: scenario, output: .nullDevice)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: FILE: expected at most one scenario from standard input (-), found two\n")
    }
}
