import Foundation
import Testing

/// `-o, --output FILE` (and `--output-file FILE`) on every command (issue 15): the file holds exactly
/// what standard output would have, `-` is standard output, and a file is written whole or not at all.
@Suite("--output FILE on every command")
struct OutputFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name)").path }

    /// One command, with the flag that takes the file (`sensitivity` keeps `--output NAME`, so it takes `-o`).
    struct Command: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        var testDescription: String { arguments.prefix(2).joined(separator: " ") }
    }

    static let commands: [Command] = [
        Command(arguments: ["estimate", "--chips", "8", "--hours", "10", "--power", "300 to 400 W", "--grid", "FRA", "--samples", "2000", "--format", "csv"]),
        Command(arguments: ["run", scenario("gpt3-patterson.yaml"), "--samples", "2000"]),
        Command(arguments: ["compare", scenario("planned-70b-h100.yaml"), scenario("planned-70b-h100.yaml"), "--set-a", "grid=FRA", "--samples", "2000"]),
        Command(arguments: ["sensitivity", scenario("planned-70b-h100.yaml"), "--output", "energy_kwh", "--samples", "2000", "--format", "json"]),
        Command(arguments: ["rebound", "--efficiency-gain", "2", "--elasticities", "-1,-0.2"]),
        Command(arguments: ["validate", "--format", "csv"]),
        Command(arguments: ["catalog", "grids", "--format", "json"]),
        Command(arguments: ["schema"]),
    ]

    /// A new empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("-o, --output and --output-file write exactly what stdout prints; - is stdout", arguments: commands)
    func sameAsStdout(_ command: Command) throws {
        let printed = try runAICarbon(command.arguments)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(!printed.stdout.isEmpty)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let flags = command.arguments[0] == "sensitivity" ? ["-o", "--output-file"] : ["-o", "--output", "--output-file"]
        for (i, flag) in flags.enumerated() {
            let file = folder.appendingPathComponent("out\(i).txt")
            let written = try runAICarbon(command.arguments + [flag, file.path])
            #expect(written.status == 0, "\(flag): \(written.stderr)")
            #expect(written.stdout.isEmpty, "\(flag)")
            #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout, "\(flag)")
        }
        let dash = try runAICarbon(command.arguments + [flags[0], "-"])
        #expect(dash.stdout == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == flags.indices.map { "out\($0).txt" })
    }

    @Test("report: -o writes the page (and says so), - prints it; the page is the same but for the command line it shows")
    func report() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        let base = ["report", Self.scenario("gpt3-patterson.yaml"), "--samples", "1000"]
        let written = try runAICarbon(base + ["--output-file", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "wrote \(file.path)\n")
        let printed = try runAICarbon(base + ["--output-file", "-"])
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("<!DOCTYPE html>"))
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.replacingOccurrences(of: file.path, with: "-") == printed.stdout)
    }

    @Test("sensitivity keeps --output NAME (the output analysed) beside -o FILE")
    func sensitivityOutputName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.txt")
        let result = try runAICarbon(["sensitivity", Self.scenario("planned-70b-h100.yaml"), "--output", "water_l", "-o", file.path,
                                      "--samples", "2000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("sensitivity of water"))
        let bad = try runAICarbon(["sensitivity", Self.scenario("planned-70b-h100.yaml"), "--output", file.path, "--samples", "2000"])
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("Error: --output: expected"))
    }

    @Test("a missing folder or a folder as FILE: one line naming the flag as typed, non-zero exit, before any work",
          arguments: [["-o"], ["--output"], ["--output-file"]])
    func unwritable(_ flag: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, found) in [(folder.appendingPathComponent("no/such/x.csv").path, "found no folder"), (folder.path, "a folder")] {
            let result = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2"] + flag + [path])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: \(flag[0]): expected a file"), "\(result.stderr)")
            #expect(result.stderr.contains(found))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A rebound whose input is refused only once the command reads it: a refusal of `-o` ahead of it was made
    /// before any work.
    static let badRebound = ["rebound", "--efficiency-gain", "x", "--elasticity", "-0.2"]

    @Test("a link whose target's folder is missing: refused before any work, naming the folder (it failed after the run)")
    func linkIntoMissingFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.txt"), target = folder.appendingPathComponent("gone/x.txt").path
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
        let result = try runAICarbon(Self.badRebound + ["-o", link.path])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: -o: expected a file in a folder that can be written, found No such file or directory for the folder "
                + "\"\(folder.path)/gone\" (where the link leads)\n", "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["link.txt"])
    }

    /// How to run the binary as a user who may not write a folder root made: the program to start and the
    /// arguments before the command's. The binary itself when the tests do not run as root; `nobody` through
    /// setpriv(1) when they do (as in CI) and it can run the binary; else nil.
    static let asAnotherUser: (program: URL, prefix: [String])? = {
        let binary = root.appendingPathComponent(".build/debug/aicarbon")
        guard geteuid() == 0 else { return (binary, []) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        let prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path]
        guard FileManager.default.isExecutableFile(atPath: setpriv.path),
              (try? run(setpriv, prefix + ["--version"], in: nil))?.status == 0 else { return nil }
        return (setpriv, prefix)
    }()

    @Test("a folder this user cannot write, or a file in it cannot be written: refused before any work with the system's reason",
          .enabled(if: asAnotherUser != nil))
    func notWritable() throws {
        let user = try #require(Self.asAnotherUser)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("old.txt"), locked = folder.appendingPathComponent("locked")
        try Data("old\n".utf8).write(to: existing)
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: existing.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let new = locked.appendingPathComponent("new.txt").path
        for (file, line) in [
            (new, "expected a file in a folder that can be written, found Permission denied for the folder \"\(locked.path)\""),
            (existing.path, "expected a file that can be written, found \"\(existing.path)\" (Permission denied)"),
        ] {
            let result = try run(user.program, user.prefix + Self.badRebound + ["-o", file], in: nil)
            #expect(result.status == 1)
            #expect(result.stderr == "Error: -o: \(line)\n", "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["locked", "old.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old\n")
    }

    @Test("a failing run leaves no file and no temporary file; an existing file is kept as it was", arguments: [
        ["estimate", "--chip-hours", "10", "--power", "300 parsecs"],
        ["run", "/no/such/scenario.yaml"],
        ["compare", "/no/such/a.yaml", "/no/such/b.yaml"],
        ["catalog", "grids", "--search", "no such grid"],
        ["rebound", "--efficiency-gain", "x", "--elasticity", "-1"],
    ])
    func failureLeavesNothing(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("result.txt")
        var result = try runAICarbon(arguments + ["-o", file.path])
        #expect(result.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        try Data("old\n".utf8).write(to: file)
        result = try runAICarbon(arguments + ["-o", file.path])
        #expect(result.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["result.txt"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "old\n")
    }

    @Test("an existing file is replaced by a rename (a new file), not rewritten in place; no temporary file remains")
    func replacedAtomically() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rebound.csv")
        try Data(String(repeating: "old line\n", count: 1000).utf8).write(to: file)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        let result = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2", "--format", "csv", "-o", file.path])
        #expect(result.status == 0)
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        #expect(before != nil && before != after)
        #expect(try String(contentsOf: file, encoding: .utf8)
                == "efficiency_gain,elasticity,expected_saving,actual_saving,rebound,class\n2,-0.2,0.5,0.42565082250148256,0.148698354997035,partial\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rebound.csv"])
    }

    @Test("--plot still writes its chart beside -o")
    func plotBesideOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("fan.svg"), table = folder.appendingPathComponent("table.txt")
        let result = try runAICarbon(["run", Self.scenario("iea-base-2024-2035.yaml"), "--samples", "1000", "--plot", chart.path,
                                      "--plot-output", "co2e_kg", "-o", table.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: chart, encoding: .utf8).hasPrefix("<svg"))
        #expect(try String(contentsOf: table, encoding: .utf8).contains("2035"))
    }

    @Test("--plot is refused before any work as -o is: a missing folder, a folder, a name not .svg, the scenario read; --plot-output alone",
          arguments: [
              ["estimate", "--chip-hours", "10", "--power", "300 parsecs"],
              ["run", scenario("planned-70b-h100.yaml"), "--set", "pue=-1"],
              ["compare", scenario("planned-70b-h100.yaml"), scenario("planned-70b-h100.yaml"), "--set-a", "grid=NOPE"],
              ["sensitivity", scenario("planned-70b-h100.yaml"), "--set", "pue=-1"],
          ])
    func plotCheckedFirst(_ command: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each command's own input is refused only once it runs (a bad unit, a negative PUE, an unknown grid):
        // a --plot refusal ahead of it was made before any work. It used to fail after the run.
        var cases = [
            (folder.appendingPathComponent("no/x.svg").path, "--plot: expected a file in an existing folder, found no folder"),
            (folder.path + "/", "--plot: expected a file name ending in .svg"),
            (folder.appendingPathComponent("x.png").path, "--plot: expected a file name ending in .svg"),
        ]
        if command[0] == "run" {
            let copy = folder.appendingPathComponent("s.svg")
            try FileManager.default.copyItem(atPath: command[1], toPath: copy.path)
            var arguments = command
            arguments[1] = copy.path
            let result = try runAICarbon(arguments + ["--plot", copy.path])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: --plot: expected a file other than the scenario being read"), "\(result.stderr)")
            try FileManager.default.removeItem(at: copy)
        }
        let svgFolder = folder.appendingPathComponent("d.svg")
        try FileManager.default.createDirectory(at: svgFolder, withIntermediateDirectories: false)
        cases.append((svgFolder.path, "--plot: expected a file path, found \"\(svgFolder.path)\", a folder"))
        for (plot, message) in cases {
            let result = try runAICarbon(command + ["--plot", plot])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: \(message)"), "\(plot): \(result.stderr)")
        }
        if command[0] != "sensitivity" {
            let result = try runAICarbon(command + ["--plot-output", "co2e_kg"])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: --plot-output: expected it only with --plot FILE.svg, found no --plot"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["d.svg"])
    }
}
