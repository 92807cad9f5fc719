import Foundation
import Testing

/// CSV escapes a scenario name's control characters as the tables do (`\u{1B}`, `\u{7}`, `\t`), keeping a line
/// feed in a quoted field (RFC 4180); it had written the raw bytes, ESC included (a fuzzing find).
@Suite("CSV escapes control characters")
struct CSVControlCharacterTests {
    @Test("run, compare and run --sweep: the name escaped in every row, no raw control character", arguments: [
        ["run", "A"], ["compare", "A", "A"], ["run", "A", "--sweep", "ai_growth=1.1,1.2"],
    ])
    func escaped(_ arguments: [String]) throws {
        let url = try TerminalSafetyTests.evilScenario()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try runAICarbon(arguments.map { $0 == "A" ? url.path : $0 } + ["--format", "csv", "--samples", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                "\(result.stdout.prefix(300))")
        #expect(result.stdout.contains("evil\\u{1B}[2J\\u{1B}]0;pwned\\u{7}"), "\(result.stdout.prefix(300))")
        // --sweep puts its column before each record of the report's CSV (it put it before each line, so that a
        // name's line feed split its record in two: a fuzzing find).
        let name = arguments.contains("--sweep") ? 1 : 0
        let records = CSVSchemaTests.parse(result.stdout).dropFirst()
        #expect(!records.isEmpty && records.allSatisfy { $0[name].hasPrefix("evil\\u{1B}[2J\\u{1B}]0;pwned\\u{7}\nsecond line") },
                "\(records.first ?? [])")
        #expect(records.allSatisfy { $0.count == 6 + name }, "\(records.first { $0.count != 6 + name } ?? [])")
    }
}
