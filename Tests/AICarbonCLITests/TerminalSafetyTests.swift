import Foundation
import Testing

/// The review of issue 15: every table escapes terminal control characters in scenario names, as
/// `run`'s table already did (compare's "A = …, B = …", the `--sweep` title, sensitivity's "scenario:").
@Suite("terminal-safe tables (issue 15 review)")
struct TerminalSafetyTests {
    /// A projection named with ESC (a screen clear, a title change), BEL and a newline.
    static func evilScenario() throws -> URL {
        try ReliabilityCommandTests.temporaryFile("evil.yaml", """
            kind: projection
            name: "evil\\e[2J\\e]0;pwned\\a\\nsecond line"
            start_year: 2024
            end_year: 2025
            base_electricity: 415 TWh
            ai_share: 0.2
            ai_growth: 1.1 to 1.3
            conventional_growth: 1.05

            """)
    }

    @Test("compare, run --sweep and sensitivity tables show the name escaped, on one line", arguments: [
        ["compare", "A", "A"],
        ["run", "A", "--sweep", "ai_growth=1.1,1.2"],
        ["sensitivity", "A"],
    ])
    func escaped(_ arguments: [String]) throws {
        let url = try Self.evilScenario()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try runAICarbon(arguments.map { $0 == "A" ? url.path : $0 } + ["--samples", "500"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(result.stdout.prefix(300))")
        #expect(result.stdout.contains("evil\\u{1B}[2J\\u{1B}]0;pwned\\u{7}\\nsecond line"), "\(result.stdout.prefix(300))")
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("second line") })
    }
}
