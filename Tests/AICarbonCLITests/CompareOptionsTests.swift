import Foundation
import Testing

/// The review of issue 15: `compare` offers no precision target (`--until`, `--max-samples`), which it
/// cannot honour.
@Suite("compare options (issue 15 review)")
struct CompareOptionsTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path

    @Test("compare --help lists neither --until nor --max-samples; the other simulation options stay")
    func help() throws {
        let result = try runAICarbon(["compare", "--help"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("--until") && !result.stdout.contains("--max-samples"), "\(result.stdout)")
        for flag in ["--samples", "--seed", "--method", "--generator", "--threads", "--set-a", "--years"] {
            #expect(result.stdout.contains(flag), "\(flag)")
        }
        #expect(try runAICarbon(["run", "--help"]).stdout.contains("--until"))
    }

    @Test("compare --until and --max-samples are unknown options (usage error)", arguments: [["--until", "p95:1%"], ["--max-samples", "1M"]])
    func refused(_ flag: [String]) throws {
        let result = try runAICarbon(["compare", Self.scenario, Self.scenario, "--samples", "500"] + flag)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains(flag[0]), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
