import Foundation
import Testing

/// A key set twice with `--set` was resolved silently (the last won), while a key written twice in a scenario
/// file is refused: a repeated key is now refused with one flag as in a file, naming the key and both values.
@Suite("a key given twice with --set")
struct RepeatedSetTests {
    static let gpt3 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/gpt3-patterson.yaml").path

    @Test("run, report and sensitivity refuse it at --set with both values, exit 1", arguments: ["run", "report", "sensitivity"])
    func repeated(_ command: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runAICarbon([command, Self.gpt3, "--set", "pue=1.1", "--set", " pue =1.2", "--samples", "100"]
                                     + (command == "report" ? ["-o", output.path] : []))
        #expect(result.status == 1)
        #expect(result.stderr == "Error: --set: pue: expected each key once, found it twice: \"1.1\" and \"1.2\"\n", "\(result.stderr)")
    }

    @Test("compare names --set-a; --set then --set-a of one key still layers (A's value wins)")
    func compare() throws {
        let twice = try runAICarbon(["compare", Self.gpt3, Self.gpt3, "--set-a", "pue=1.1", "--set-a", "pue=1.1", "--samples", "100"])
        #expect(twice.status == 1)
        #expect(twice.stderr == "Error: --set-a: pue: expected each key once, found it twice: \"1.1\" and \"1.1\"\n", "\(twice.stderr)")
        let layered = try runAICarbon(["compare", Self.gpt3, Self.gpt3, "--set", "pue=1.1", "--set-a", "pue=1.2", "--samples", "100",
                                       "--format", "csv"])
        #expect(layered.status == 0, "\(layered.stderr)")
    }

    @Test("different keys are repeatable")
    func differentKeys() throws {
        let result = try runAICarbon(["run", Self.gpt3, "--set", "pue=1.1", "--set", "days=10", "--samples", "100"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("a key given with --set and swept with --sweep is refused at --sweep (the sweep won without a word); other keys still combine")
    func setAndSweep() throws {
        let both = try runAICarbon(["run", Self.gpt3, "--set", "pue=1.1", "--sweep", "pue=1.2,1.3", "--samples", "100"])
        #expect(both.status == 1)
        #expect(both.stderr == "Error: --sweep: expected a key not also given with --set (the sweep sets pue in each variant), found pue, "
                + "also given as --set pue=1.1\n", "\(both.stderr)")
        let other = try runAICarbon(["run", Self.gpt3, "--set", "days=10", "--sweep", "pue=1.2,1.3", "--samples", "100"])
        #expect(other.status == 0, "\(other.stderr)")
    }
}
