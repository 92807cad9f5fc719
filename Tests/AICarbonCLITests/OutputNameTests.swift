import Foundation
import Testing

/// `-o` with a name no file can have is refused in words that fit the one-line message (a fuzzing find):
/// `-o ""` was called "a folder", and the system's reason for a 300-character name ("File name too long")
/// was cut off with the end of the message.
@Suite("-o names: empty, too long")
struct OutputNameTests {
    static let rebound = ["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2"]

    @Test("-o \"\" is an empty file name, not a folder", arguments: [["schema", "-o", ""], ["schema", "--output", ""],
                                                                    ["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2", "--output-file", ""]])
    func empty(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        let flag = arguments[arguments.count - 2]
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: \(flag): expected a file name (or - for standard output), found an empty file name\n", "\(result.stderr)")
    }

    @Test("one-character names are written (they trapped in Foundation's deletingLastPathComponent); . and x/ are folders",
          arguments: ["a", " ", "é", "b.json"])
    func shortNames(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-short-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/aicarbon")
        let written = try run(binary, ["schema", "-o", name], in: folder)
        #expect(written.status == 0 && written.stderr.isEmpty, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        for bad in [".", "x/"] {
            let refused = try run(binary, ["schema", "-o", bad], in: folder)
            #expect(refused.status == 1 && refused.stderr.hasSuffix("\"\(bad)\", a folder\n"), "\(refused.stderr)")
        }
    }

    @Test("a 300-character file name keeps the system's reason, is refused before any work, and makes no file")
    func tooLong() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "a", count: 300)
        let result = try runAICarbon(Self.rebound + ["-o", folder.appendingPathComponent(name).path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: -o: expected a file name of at most "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(", 300 bytes (File name too long)\n"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a name whose temporary file would be too long (250 bytes) is refused up front; 242 bytes is written")
    func temporaryName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-tmpname-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try runAICarbon(["schema", "-o", folder.appendingPathComponent(String(repeating: "a", count: 250)).path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("expected a file name of at most 242 bytes (the temporary file written beside it adds 13)"),
                "\(refused.stderr)")
        let written = try runAICarbon(["schema", "-o", folder.appendingPathComponent(String(repeating: "b", count: 242)).path])
        #expect(written.status == 0, "\(written.stderr)")
    }

    @Test("a long path the system refuses shows the reason ahead of the path", .enabled(if: FileManager.default.fileExists(atPath: "/proc/self")))
    func reasonAheadOfLongPath() throws {
        let path = "/proc/" + String(repeating: "b", count: 220)
        let result = try runAICarbon(Self.rebound + ["-o", path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: -o: expected a file that can be written, found No such file or directory for \"/proc/bbb"),
                "\(result.stderr)")
        #expect(result.stderr.hasSuffix("…\", 226 bytes\n"), "\(result.stderr)")
    }
}
