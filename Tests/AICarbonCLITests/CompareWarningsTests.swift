import Foundation
import Testing

/// `compare` carries each side's warnings, prefixed `A: ` or `B: `, as `run` prints them: a lifetime shorter
/// than the run was dropped (a fuzzing find).
@Suite("compare carries each side's warnings")
struct CompareWarningsTests {
    @Test("a lifetime shorter than A's run: A's warning in the table, in JSON and on stderr for JSON")
    func lifetime() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Scenarios/planned-70b-h100.yaml").path
        let arguments = ["compare", file, file, "--set-a", "lifetime=10 days", "--samples", "2000"]
        let table = try runAICarbon(arguments)
        #expect(table.status == 0)
        #expect(table.stdout.contains("\nA: warning: the lifetime in use (8.5 days, 85% of lifetime 10 days) is shorter than the run"),
                "\(table.stdout.prefix(600))")
        #expect(!table.stdout.contains("B: warning"))
        let json = try runAICarbon(arguments + ["--format", "json"])
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(document["warnings"] as? [String])
        #expect(warnings.count == 1 && warnings[0].hasPrefix("A: warning: the lifetime in use"))
        #expect(json.stderr == warnings[0] + "\n", "\(json.stderr)")
    }
}
